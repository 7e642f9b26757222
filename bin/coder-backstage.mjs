#!/usr/bin/env node
/* eslint-disable no-console */
/**
 * The `backstage-plugin-coder` command, e.g.
 * `npx @coder/backstage-plugin-coder oauth-setup --url … --redirect-uri …`.
 * Plain Node ESM with no dependencies (Node ≥ 18 for global fetch), so it runs
 * from the published package without a build step or an install.
 */
import { oauthSetupHelp } from './oauth-setup/help.mjs';
import { oauthSetup } from './oauth-setup/main.mjs';

const COMMANDS = {
  'oauth-setup': {
    summary: 'register Backstage as an OAuth2 client of Coder, or --check it',
    run: oauthSetup,
    help: oauthSetupHelp,
  },
};

function usage() {
  const lines = Object.entries(COMMANDS).map(
    ([name, command]) => `  ${name.padEnd(14)}${command.summary}`,
  );
  return [
    'Usage: npx @coder/backstage-plugin-coder <command> [options]',
    '',
    'Commands:',
    ...lines,
    '',
    'Run `<command> --help` for its options.',
  ].join('\n');
}

async function main(argv) {
  const [name, ...rest] = argv;
  if (
    name === undefined ||
    name === '--help' ||
    name === '-h' ||
    name === 'help'
  ) {
    const topic = name === 'help' ? COMMANDS[rest[0]] : undefined;
    console.log(topic ? topic.help() : usage());
    return 0;
  }
  const command = COMMANDS[name];
  if (!command) {
    console.error(`Unknown command: ${name}\n\n${usage()}`);
    return 2;
  }
  return command.run(rest, {
    env: process.env,
    stdout: process.stdout,
    stderr: process.stderr,
  });
}

const major = Number(process.versions.node.split('.')[0]);
if (major < 18 || typeof fetch !== 'function') {
  console.error(
    `backstage-plugin-coder needs Node 18 or newer (this is ${process.version}).`,
  );
  process.exitCode = 1;
} else {
  // exitCode rather than process.exit(): lets stdout drain when piped.
  process.exitCode = await main(process.argv.slice(2));
}
