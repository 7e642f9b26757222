import { spawn, execFileSync } from 'node:child_process';
import path from 'node:path';

const guard = path.join(__dirname, 'orphanGuard.mjs');

function isAlive(pid: number) {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

async function waitFor(condition: () => boolean, timeoutMs: number) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (condition()) return true;
    await new Promise(resolve => setTimeout(resolve, 100));
  }
  return condition();
}

/** Starts a server-like child (it ignores SIGTERM, as a busy dev server may) under the guard. */
async function startGuarded() {
  const started = spawn(
    process.execPath,
    [
      guard,
      process.execPath,
      '-e',
      "process.on('SIGTERM', () => {}); setInterval(() => {}, 1000); console.log('up')",
    ],
    { stdio: ['pipe', 'pipe', 'inherit'], detached: true },
  );
  await new Promise(resolve => started.stdout!.once('data', resolve));
  const server = Number(
    execFileSync('pgrep', ['-P', String(started.pid)])
      .toString()
      .trim(),
  );
  return { started, server };
}

// `npm start` must not leave servers behind however it ends (dev/start.mjs, stack.mjs).
describe('dev/orphanGuard.mjs', () => {
  it('stops its server when the process that started it goes away, even if the server ignores SIGTERM', async () => {
    const { started, server } = await startGuarded();
    expect(isAlive(server)).toBe(true);
    // What the guard sees when its parent dies in any manner: its stdin pipe closes.
    started.stdin!.end();
    expect(await waitFor(() => !isAlive(server), 8000)).toBe(true);
    expect(await waitFor(() => !isAlive(started.pid!), 8000)).toBe(true);
  }, 20_000);

  it('stops the whole group on SIGTERM (how stack.mjs stops it)', async () => {
    const { started, server } = await startGuarded();
    process.kill(-started.pid!, 'SIGTERM');
    expect(await waitFor(() => !isAlive(server), 8000)).toBe(true);
    started.stdin!.destroy();
  }, 20_000);
});
