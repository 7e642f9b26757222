/* eslint-disable no-console */
import { startFakeCoder } from './server';
import { SEED_TOKENS } from './seed';
import { DEV_OAUTH_APP } from './oauth2/devApp';
import { SEED_PASSWORDS } from './oauth2/login';

/**
 * `npx tsx dev/fake-coder/main.ts [--port 3900] [--host 127.0.0.1]
 *  [--access-url URL] [--build-step-ms 1500] [--seed-workspaces N] [--quiet]
 *  [--experiments oauth2] [--oauth-callback-url URL]`
 * FAKE_CODER_PORT sets the port when --port is absent, and
 * FAKE_CODER_OAUTH_CALLBACK_URL the dev app's callback when
 * --oauth-callback-url is.
 */

function usage(problem?: string): never {
  if (problem) console.error(`fake-coder: ${problem}`);
  console.error(
    'Usage: tsx dev/fake-coder/main.ts [--port N] [--host H] [--access-url URL] [--build-step-ms N] [--seed-workspaces N] [--quiet] [--experiments oauth2] [--oauth-callback-url URL]',
  );
  process.exit(problem ? 2 : 0);
}

function parseArguments(argv: string[]) {
  const flags: Record<string, string | true> = {};
  for (let index = 0; index < argv.length; index++) {
    const argument = argv[index];
    if (argument === '--help' || argument === '-h') usage();
    if (!argument.startsWith('--')) usage(`unexpected argument ${argument}`);
    const [name, inline] = argument.slice(2).split('=', 2);
    if (name === 'quiet') {
      flags.quiet = true;
    } else if (inline !== undefined) {
      flags[name] = inline;
    } else if (index + 1 < argv.length) {
      flags[name] = argv[++index];
    } else {
      usage(`--${name} needs a value`);
    }
  }
  const known = [
    'port',
    'host',
    'access-url',
    'build-step-ms',
    'seed-workspaces',
    'quiet',
    'experiments',
    'oauth-callback-url',
  ];
  for (const name of Object.keys(flags))
    if (!known.includes(name)) usage(`unknown flag --${name}`);
  const number = (name: string, fallback?: string): number | undefined => {
    const text =
      typeof flags[name] === 'string' ? (flags[name] as string) : fallback;
    if (text === undefined) return undefined;
    const value = Number(text);
    if (!Number.isInteger(value) || value < 0)
      usage(`--${name} must be a non-negative integer`);
    return value;
  };
  return {
    port: number('port', process.env.FAKE_CODER_PORT),
    host: typeof flags.host === 'string' ? flags.host : undefined,
    accessUrl:
      typeof flags['access-url'] === 'string' ? flags['access-url'] : undefined,
    buildStepMs: number('build-step-ms'),
    seedWorkspaces: number('seed-workspaces'),
    quiet: flags.quiet === true,
    oauth2: {
      experiment: experiments(flags.experiments).includes('oauth2'),
      callbackUrl:
        typeof flags['oauth-callback-url'] === 'string'
          ? flags['oauth-callback-url']
          : process.env.FAKE_CODER_OAUTH_CALLBACK_URL || undefined,
    },
  };
}

/** CODER_EXPERIMENTS-style list; like Coder, unknown names are only warned about. */
function experiments(value: string | true | undefined): string[] {
  if (typeof value !== 'string') return [];
  const names = value
    .split(',')
    .map(name => name.trim())
    .filter(Boolean);
  for (const name of names)
    if (name !== 'oauth2')
      console.error(`fake-coder: ignoring unknown experiment ${name}`);
  return names;
}

async function main(): Promise<void> {
  const options = parseArguments(process.argv.slice(2));
  const fake = await startFakeCoder(options);
  console.log(`Fake Coder listening on ${fake.url}`);
  console.log(`  demo token  (member): ${SEED_TOKENS.demo}`);
  console.log(`  alice token (member): ${SEED_TOKENS.alice}`);
  console.log(`  admin token (owner):  ${SEED_TOKENS.admin}`);
  console.log(`  admin API: ${fake.url}/__fake`);
  console.log(`  dashboard pages (open in a browser): ${fake.url}/`);
  if (options.oauth2.experiment) {
    console.log(
      `  OAuth2 provider on; dev app client id ${DEV_OAUTH_APP.clientId}`,
    );
    console.log(`    client secret ${DEV_OAUTH_APP.clientSecret}`);
    console.log(
      `    sign in at ${fake.url}/login as demo@example.com / ${SEED_PASSWORDS.demo}`,
    );
  }
  let closing = false;
  const shutdown = (signal: string) => {
    if (closing) return;
    closing = true;
    console.log(`\nfake-coder: ${signal}, closing`);
    fake.close().then(
      () => process.exit(0),
      error => {
        console.error(error);
        process.exit(1);
      },
    );
  };
  process.on('SIGINT', () => shutdown('SIGINT'));
  process.on('SIGTERM', () => shutdown('SIGTERM'));
}

main().catch(error => {
  console.error(error);
  process.exit(1);
});
