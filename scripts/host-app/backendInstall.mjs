/*
 * The scaffolder side of a host app: the module's README install steps in the app's
 * backend, plus what only this harness adds so the example template runs here: the dev
 * stand-in for a Git host (dev/backend/devGit.js, copied into the backend) and the
 * template itself (dev/scaffolder/coder-service, copied under examples/). Everything
 * lands in tracked files or new untracked ones, so restorePristine undoes it.
 */
import { cpSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { MODULE_NAME } from './moduleTarball.mjs';
import { run } from './processes.mjs';

export const TEMPLATE_DIR = 'examples/coder-service';
const BACKEND_SRC = 'packages/backend/src';
const SCAFFOLDER_LINE =
  "backend.add(import('@backstage/plugin-scaffolder-backend'));\n";

// What devGit.js requires; resolved from the copy's place before it is started.
const DEV_GIT_REQUIRES = [
  '@backstage/backend-plugin-api',
  '@backstage/plugin-scaffolder-node',
  'yaml',
];

/** The module README's first step. */
export async function addModuleTarball({ appDir, tarball, env, logFile }) {
  await run(
    'yarn add <module tarball>',
    'yarn',
    ['--cwd', 'packages/backend', 'add', tarball],
    { cwd: appDir, env, logFile },
  );
}

/** The module README's second step: the module right after the scaffolder backend. */
export function addModuleToBackend(appDir) {
  const file = path.join(appDir, BACKEND_SRC, 'index.ts');
  const text = readFileSync(file, 'utf8');
  if (!text.includes(SCAFFOLDER_LINE))
    throw new Error(
      `${file} no longer contains:\n${SCAFFOLDER_LINE}(the create-app template changed; update backendInstall.mjs)`,
    );
  writeFileSync(
    file,
    text.replace(
      SCAFFOLDER_LINE,
      `${SCAFFOLDER_LINE}backend.add(import('${MODULE_NAME}'));\n`,
    ),
  );
}

/**
 * The dev Git host and its `dev:publish:local` action, as a CommonJS file beside
 * index.ts (the backend's sources are transpiled to CommonJS, so `require` works there).
 * Returns the packages it needed that the backend could not resolve yet, added by yarn.
 */
export async function addDevGitHost({ appDir, repoRoot, env, logFile }) {
  const target = path.join(appDir, BACKEND_SRC, 'devGit.js');
  cpSync(path.join(repoRoot, 'dev', 'backend', 'devGit.js'), target);
  const file = path.join(appDir, BACKEND_SRC, 'index.ts');
  const text = readFileSync(file, 'utf8');
  if (!text.includes('backend.start();'))
    throw new Error(`${file} no longer contains backend.start();`);
  writeFileSync(
    file,
    text.replace(
      'backend.start();',
      `// scripts/host-app (@coder/backstage-plugin-coder): a stand-in Git host for the example template.
const { devGitPlugin, devPublishModule } = require('./devGit');
backend.add(devGitPlugin);
backend.add(devPublishModule);

backend.start();`,
    ),
  );
  const resolveFromCopy = createRequire(target);
  const missing = DEV_GIT_REQUIRES.filter(name => {
    try {
      resolveFromCopy.resolve(name);
      return false;
    } catch {
      return true;
    }
  });
  if (missing.length)
    await run(
      `yarn add ${missing.join(' ')}`,
      'yarn',
      ['--cwd', 'packages/backend', 'add', ...missing],
      { cwd: appDir, env, logFile },
    );
  return missing;
}

/** The dev app's copy of the example template (it publishes with dev:publish:local). */
export function copyExampleTemplate({ appDir, repoRoot }) {
  cpSync(
    path.join(repoRoot, 'dev', 'scaffolder', 'coder-service'),
    path.join(appDir, TEMPLATE_DIR),
    { recursive: true },
  );
  return path.join(appDir, TEMPLATE_DIR, 'template.yaml');
}
