/* eslint-disable no-console */
/*
 * `npm start`: fake Coder + Backstage backend (proxy) + dev app, with no configuration.
 * Set CODER_URL to proxy to a real Coder deployment instead of the fake one.
 */
import { APP_URL, BACKEND_URL, startStack } from './stack.mjs';

const verbose = process.argv.includes('--verbose');
const system = process.argv.includes('--legacy') ? 'legacy' : 'new';
console.log(
  `Starting fake Coder, Backstage backend and the ${system === 'new' ? 'new-frontend-system' : 'classic'} dev app…`,
);
const stack = await startStack({
  system,
  log: verbose
    ? (label, text) => process.stdout.write(`[${label}] ${text}`)
    : undefined,
}).catch(error => {
  console.error(`\nCould not start the dev environment: ${error.message}`);
  process.exit(1);
});

console.log(`
  Dev app:      ${APP_URL}   (sign in as guest, then open ${system === 'new' ? 'an entity in the catalog' : 'an entity in the sidebar'})
  Coder:        ${stack.coderUrl}${process.env.CODER_URL ? '' : '   (fake Coder)'}
  Proxy:        ${BACKEND_URL}/api/proxy/coder
${
  stack.demoToken
    ? `  Demo token:   ${stack.demoToken}   (paste it into the Coder card)\n`
    : '  Use a session token from your Coder deployment (`coder tokens create`).\n'
}
Press Ctrl-C to stop all three.`);

let stopping = false;
const shutdown = async () => {
  if (stopping) return;
  stopping = true;
  console.log('\nStopping…');
  await stack.stop();
  process.exit(0);
};
// Ctrl-C, SIGTERM to npm (which passes it on) and a closed terminal all stop the three.
for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) {
  process.on(signal, shutdown);
}
// If npm itself is killed outright, we are re-parented: stop too. (Each server also
// stops by itself if this process dies: dev/orphanGuard.mjs.)
const parent = process.ppid;
setInterval(() => {
  if (process.ppid !== parent) shutdown();
}, 1000).unref();
const onChildExit = child => code => {
  if (!stopping) {
    console.error(
      `\n${child.label} exited (code ${code}); last output:\n${child.output.slice(-3000)}`,
    );
    shutdown();
  }
};
stack.children.forEach(child => child.once('exit', onChildExit(child)));
