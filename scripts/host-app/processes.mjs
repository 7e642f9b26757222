/*
 * Every command the harness runs, short or long, leads its own process group under
 * dev/orphanGuard.mjs: we stop a whole group (yarn start's frontend and backend, npx's
 * children) at once, and if this script dies in any manner, even by SIGKILL, the guard
 * sees its stdin close and stops the group itself. Nothing outlives the run.
 */
import { spawn } from 'node:child_process';
import { closeSync, openSync, readFileSync } from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { stripVTControlCharacters } from 'node:util';

const repoRoot = path.resolve(
  path.dirname(fileURLToPath(import.meta.url)),
  '../..',
);
const ORPHAN_GUARD = path.join(repoRoot, 'dev', 'orphanGuard.mjs');

const live = new Set();
const interruptCleanups = new Set();

/**
 * Registers `cleanup` (async) to run after the groups stop when the run is interrupted;
 * returns a function that unregisters it.
 */
export function onInterrupt(cleanup) {
  interruptCleanups.add(cleanup);
  return () => interruptCleanups.delete(cleanup);
}

/**
 * Starts `command args` with its output appended to `logFile`. Returns the child, with
 * `done` (resolves to the exit code) and `label` attached.
 */
export function start(label, command, args, { cwd, env, logFile }) {
  const log = openSync(logFile, 'a');
  const child = spawn(process.execPath, [ORPHAN_GUARD, command, ...args], {
    cwd,
    env,
    // stdin stays an open pipe: the guard's lifeline to this process.
    stdio: ['pipe', log, log],
    detached: true,
  });
  closeSync(log);
  child.label = label;
  child.logFile = logFile;
  live.add(child);
  child.done = new Promise(resolve => {
    child.once('exit', code => {
      live.delete(child);
      resolve(code ?? 1);
    });
    child.once('error', () => {
      live.delete(child);
      resolve(127);
    });
  });
  return child;
}

/** Runs a command to completion; throws with the end of its log unless it exits 0. */
export async function run(label, command, args, options) {
  const code = await start(label, command, args, options).done;
  if (code !== 0) {
    throw new Error(
      `${label} exited with code ${code}; end of ${options.logFile}:\n${logTail(options.logFile)}`,
    );
  }
}

/** The last lines of a log, for error messages. */
export function logTail(logFile, lines = 25) {
  try {
    // Without tsc's and yarn's colour codes.
    return stripVTControlCharacters(readFileSync(logFile, 'utf8'))
      .split('\n')
      .slice(-lines)
      .map(line => `    | ${line}`)
      .join('\n');
  } catch {
    return '    | (no log)';
  }
}

function signalGroup(child, signal) {
  try {
    // The group outlives its leader when grandchildren remain, so signal it regardless.
    process.kill(-child.pid, signal);
  } catch {
    // gone already
  }
}

/** Stops `child`'s whole process group: SIGTERM, then SIGKILL after `graceMs`. */
export async function stop(child, graceMs = 8000) {
  signalGroup(child, 'SIGTERM');
  const exited = await Promise.race([
    child.done.then(() => true),
    new Promise(resolve => setTimeout(() => resolve(false), graceMs)),
  ]);
  // Also when the leader exited: a member that ignored SIGTERM may remain.
  signalGroup(child, 'SIGKILL');
  if (!exited) await child.done;
}

/** Stops every group this process started. */
export async function stopAll() {
  await Promise.all([...live].map(child => stop(child)));
}

/** Fails with a clear message when something (another run?) already listens on `port`. */
export function assertPortFree(port) {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', () =>
      reject(
        new Error(
          `port ${port} on 127.0.0.1 is in use; stop what runs there or choose another port`,
        ),
      ),
    );
    server.listen(port, '127.0.0.1', () => server.close(resolve));
  });
}

/** Waits until `url` answers 2xx; fails early if `child` exits, or after `timeoutMs`. */
export async function waitForUrl(url, { child, timeoutMs }) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child && !live.has(child)) {
      throw new Error(
        `${child.label} exited before ${url} answered; end of ${child.logFile}:\n${logTail(child.logFile)}`,
      );
    }
    try {
      const response = await fetch(url, { signal: AbortSignal.timeout(3000) });
      if (response.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise(resolve => setTimeout(resolve, 500));
  }
  throw new Error(`${url} did not answer within ${timeoutMs / 1000} s`);
}

/**
 * Ctrl-C and SIGTERM stop every group before exiting; a plain exit (an uncaught error
 * included) kills any group still running.
 */
export function stopAllOnExit() {
  const numbers = { SIGHUP: 1, SIGINT: 2, SIGTERM: 15 };
  for (const [signal, number] of Object.entries(numbers)) {
    process.once(signal, async () => {
      console.error(`\nhost-app: ${signal}, stopping everything`); // eslint-disable-line no-console
      await stopAll();
      for (const cleanup of interruptCleanups) {
        await cleanup().catch(error => console.error(error)); // eslint-disable-line no-console
      }
      process.exit(128 + number);
    });
  }
  process.once('exit', () => {
    for (const child of live) signalGroup(child, 'SIGKILL');
  });
}
