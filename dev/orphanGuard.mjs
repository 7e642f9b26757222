/*
 * Runs one dev server so that it cannot outlive `npm start`: this process leads the
 * server's process group, and when its parent goes away in any manner (Ctrl-C, SIGTERM
 * to npm, a closed terminal, even SIGKILL) the pipe on our stdin closes and we stop the
 * whole group. Usage: node dev/orphanGuard.mjs <command> [args...]
 */
import { spawn } from 'node:child_process';

const [command, ...args] = process.argv.slice(2);
const child = spawn(command, args, { stdio: ['ignore', 'inherit', 'inherit'] });

let stopping = false;
function stopGroup() {
  if (stopping) return;
  stopping = true;
  const signalGroup = signal => {
    try {
      process.kill(-process.pid, signal);
    } catch {
      // the group is gone already
    }
  };
  signalGroup('SIGTERM');
  // Servers that ignore SIGTERM are killed; this guard waits for its child meanwhile.
  setTimeout(() => signalGroup('SIGKILL'), 5000).unref();
}

// The group's SIGTERM reaches this process too: stay until the child has exited.
for (const signal of ['SIGTERM', 'SIGINT', 'SIGHUP']) {
  process.on(signal, stopGroup);
}
process.stdin.on('end', stopGroup);
process.stdin.on('error', stopGroup);
process.stdin.resume();
child.on('error', error => {
  process.stderr.write(`${command}: ${error.message}\n`);
  process.exit(127);
});
child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
