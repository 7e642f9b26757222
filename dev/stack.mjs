/*
 * Starts and stops the development stack: fake Coder (:3900), the Backstage backend with
 * the proxy (:7007) and the plugin's dev app (:3000), each port movable by environment. Shared by `npm start` and the
 * browser tests so both run exactly the same chain.
 */
import { spawn } from 'node:child_process';
import net from 'node:net';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const bin = name => path.join(root, 'node_modules', '.bin', name);

// Ports can move (see app-config.yaml) so a second stack can run beside the first.
const ports = {
  fakeCoder: Number(process.env.FAKE_CODER_PORT || 3900),
  backend: Number(process.env.DEV_BACKEND_PORT || 7007),
  app: Number(process.env.DEV_APP_PORT || 3000),
};
export const FAKE_CODER_URL = `http://127.0.0.1:${ports.fakeCoder}`;
export const BACKEND_URL = `http://localhost:${ports.backend}`;
export const APP_URL = `http://localhost:${ports.app}`;

/** Resolves when `url` answers 2xx, or rejects after `timeoutMs` (a process that dies fails fast). */
export async function waitForUrl(url, { timeoutMs = 120_000, child } = {}) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child && child.exitCode !== null) {
      throw new Error(`${child.label} exited with code ${child.exitCode}`);
    }
    try {
      const res = await fetch(url, { signal: AbortSignal.timeout(2000) });
      if (res.ok) return;
    } catch {
      // not up yet
    }
    await new Promise(resolve => setTimeout(resolve, 250));
  }
  throw new Error(`Timed out after ${timeoutMs} ms waiting for ${url}`);
}

async function assertPortFree(port) {
  await new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', () =>
      reject(
        new Error(
          `Port ${port} on 127.0.0.1 is in use; stop whatever runs there (another npm start?) and retry.`,
        ),
      ),
    );
    server.listen(port, '127.0.0.1', () => server.close(resolve));
  });
}

function launch(label, command, args, { env = {}, onOutput } = {}) {
  // setsid: the guard leads its own process group, so stopping it stops the server's
  // children too; the stdin pipe lets it stop them if this process dies (orphanGuard.mjs).
  const child = spawn(
    process.execPath,
    [path.join(root, 'dev', 'orphanGuard.mjs'), command, ...args],
    {
      cwd: root,
      env: { ...process.env, ...env },
      stdio: ['pipe', 'pipe', 'pipe'],
      detached: true,
    },
  );
  child.label = label;
  child.output = '';
  const collect = chunk => {
    const text = chunk.toString();
    child.output += text;
    if (child.output.length > 200_000)
      child.output = child.output.slice(-100_000);
    onOutput?.(text);
  };
  child.stdout.on('data', collect);
  child.stderr.on('data', collect);
  return child;
}

/** Starts the fake Coder on :3900 and waits until it answers. */
export async function startFakeCoder({ args = [], log } = {}) {
  await assertPortFree(ports.fakeCoder);
  const fake = launch(
    'fake Coder',
    bin('tsx'),
    [
      'dev/fake-coder/main.ts',
      // The dev app offers "Sign in with Coder": Coder's OAuth2 provider is on, and the
      // pre-registered app's callback is the dev app's.
      '--experiments',
      'oauth2',
      '--oauth-callback-url',
      `${APP_URL}/coder/oauth/callback`,
      ...args,
    ],
    {
      onOutput: text => log?.('fake-coder', text),
    },
  );
  try {
    await waitForUrl(`${FAKE_CODER_URL}/api/v2/buildinfo`, { child: fake });
  } catch (error) {
    await stopChildren([fake]);
    throw error;
  }
  return fake;
}

/** The dev apps: the new frontend system (dev/index.tsx) and the classic one (dev/legacy). */
export const DEV_APP_ENTRYPOINTS = { new: 'dev', legacy: 'dev/legacy' };

/**
 * Starts the stack. Options: `system` (`new`, the default, or `legacy`: which dev app),
 * `coderUrl` (use a real Coder, skip the fake), `fakeCoderArgs` (extra CLI flags for the
 * fake), `log(label, text)` for output.
 * Returns `{ children, demoToken, coderUrl, system, stop() }`.
 */
export async function startStack(options = {}) {
  const {
    system = 'new',
    coderUrl = process.env.CODER_URL,
    fakeCoderArgs = [],
    log,
  } = options;
  const entrypoint = DEV_APP_ENTRYPOINTS[system];
  if (!entrypoint) throw new Error(`Unknown dev app system: ${system}`);
  const children = [];
  const stop = () => stopChildren(children);
  try {
    let demoToken;
    const targetUrl = coderUrl || FAKE_CODER_URL;
    if (!coderUrl) {
      const fake = await startFakeCoder({ args: fakeCoderArgs, log });
      children.push(fake);
      demoToken = fake.output.match(/demo token[^:]*:\s*(\S+)/i)?.[1];
    }
    await assertPortFree(ports.backend);
    await assertPortFree(ports.app);
    const env = { CODER_URL: targetUrl };
    const backend = launch(
      'backend',
      process.execPath,
      ['dev/backend/index.js'],
      {
        env,
        onOutput: text => log?.('backend', text),
      },
    );
    children.push(backend);
    const app = launch(
      'dev app',
      bin('backstage-cli'),
      ['package', 'start', '--entrypoint', entrypoint],
      {
        env: { ...env, BROWSER: 'none' },
        onOutput: text => log?.('app', text),
      },
    );
    children.push(app);
    await waitForUrl(`${BACKEND_URL}/.backstage/health/v1/readiness`, {
      child: backend,
    });
    await waitForUrl(APP_URL, { child: app, timeoutMs: 300_000 });
    return {
      children,
      demoToken,
      coderUrl: targetUrl,
      system,
      stop,
      /** Stops the fake Coder (an outage, as the proxy sees it). */
      async stopFakeCoder() {
        const fake = children.find(child => child.label === 'fake Coder');
        if (fake) {
          await stopChildren([fake]);
          children.splice(children.indexOf(fake), 1);
        }
      },
      /** Starts it again, from its seed state. */
      async startFakeCoder() {
        children.push(await startFakeCoder({ args: fakeCoderArgs, log }));
      },
    };
  } catch (error) {
    await stop();
    throw error;
  }
}

/** Stops every child's process group, then waits (bounded) for them to exit. */
export async function stopChildren(children) {
  await Promise.all(
    children.map(
      child =>
        new Promise(resolve => {
          if (child.exitCode !== null || child.signalCode !== null) {
            resolve();
            return;
          }
          const timer = setTimeout(() => {
            try {
              process.kill(-child.pid, 'SIGKILL');
            } catch {
              // already gone
            }
            resolve();
          }, 5000);
          child.once('exit', () => {
            clearTimeout(timer);
            resolve();
          });
          try {
            process.kill(-child.pid, 'SIGTERM');
          } catch {
            clearTimeout(timer);
            resolve();
          }
        }),
    ),
  );
}
