/* eslint-disable no-console */
/*
 * `npm start`: fake Coder + Backstage backend (proxy) + dev app, with no configuration.
 * Set CODER_URL to proxy to a real Coder deployment instead of the fake one.
 */
import { APP_URL, BACKEND_URL, startStack } from './stack.mjs';

const verbose = process.argv.includes('--verbose');
console.log('Starting fake Coder, Backstage backend and dev app…');
const stack = await startStack({
  log: verbose
    ? (label, text) => process.stdout.write(`[${label}] ${text}`)
    : undefined,
}).catch(error => {
  console.error(`\nCould not start the dev environment: ${error.message}`);
  process.exit(1);
});

console.log(`
  Dev app:      ${APP_URL}   (sign in as guest, then open an entity in the sidebar)
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
process.on('SIGINT', shutdown);
process.on('SIGTERM', shutdown);
const onChildExit = child => code => {
  if (!stopping) {
    console.error(
      `\n${child.label} exited (code ${code}); last output:\n${child.output.slice(-3000)}`,
    );
    shutdown();
  }
};
stack.children.forEach(child => child.once('exit', onChildExit(child)));
