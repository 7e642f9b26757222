/*
 * A fresh @backstage/create-app app per mode, created once and cached (creation takes
 * minutes and gigabytes). The cached app is committed to git right after creation, so a
 * run restores it with git instead of copying gigabytes of node_modules; `yarn add` then
 * brings node_modules back in line with the restored lockfile.
 */
import { execFileSync } from 'node:child_process';
import {
  existsSync,
  mkdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import path from 'node:path';
import { run } from './processes.mjs';

export const MODES = {
  // The new frontend system: plugins are discovered from packages/app/package.json.
  default: { createAppFlags: [] },
  // The classic frontend system: plugins are wired in App.tsx and EntityPage.tsx.
  legacy: { createAppFlags: ['--legacy'] },
};

// The generated backend's signals plugin crashes on 0.18 (and the catalog stays empty).
const BACKEND_DEFAULTS = '@backstage/backend-defaults@^0.19.0';

/** Where the app for this create-app version and mode lives, and whether it is ready. */
export function cachedApp(cacheDir, createAppVersion, mode) {
  const key = `create-app-${createAppVersion}-${mode}`;
  const appDir = path.join(cacheDir, 'apps', key);
  // Written last, so an interrupted creation is never taken for a cached app.
  const markerFile = path.join(cacheDir, 'apps', `${key}.json`);
  const marker =
    existsSync(markerFile) && existsSync(path.join(appDir, '.git'))
      ? JSON.parse(readFileSync(markerFile, 'utf8'))
      : undefined;
  return { appDir, markerFile, marker };
}

/** Runs create-app into `appDir` (replacing any half-made one); the name prompt reads stdin. */
export async function createApp({
  appDir,
  createAppVersion,
  mode,
  env,
  logFile,
}) {
  rmSync(appDir, { recursive: true, force: true });
  mkdirSync(path.dirname(appDir), { recursive: true });
  const flags = MODES[mode].createAppFlags.join(' ');
  await run(
    `create-app ${createAppVersion} ${flags}`,
    'sh',
    [
      '-c',
      `printf 'hostapp\\n' | npx -y @backstage/create-app@${createAppVersion} ${flags} --path "$1"`,
      'create-app',
      appDir,
    ],
    { cwd: path.dirname(appDir), env, logFile },
  );
}

export async function pinBackendDefaults({ appDir, env, logFile }) {
  await run(
    `yarn add ${BACKEND_DEFAULTS}`,
    'yarn',
    ['--cwd', 'packages/backend', 'add', BACKEND_DEFAULTS],
    { cwd: appDir, env, logFile },
  );
}

const git = (appDir, args) =>
  execFileSync(
    'git',
    [
      '-c',
      'user.name=host-app',
      '-c',
      'user.email=host-app@localhost',
      ...args,
    ],
    { cwd: appDir, encoding: 'utf8' },
  );

/** Records the created app as the state every run starts from. */
export function commitPristine(appDir) {
  git(appDir, ['add', '-A']);
  git(appDir, [
    'commit',
    '-q',
    '--no-verify',
    '--allow-empty',
    '-m',
    'host-app: pristine',
  ]);
}

export function writeMarker(markerFile, marker) {
  writeFileSync(markerFile, `${JSON.stringify(marker, null, 2)}\n`);
}

/**
 * Undoes what a run changed: tracked files (package.json, yarn.lock, App.tsx, …) and
 * untracked ones (the catalog file). app-config.local.yaml is git-ignored, so it goes by
 * name. node_modules is left for the next `yarn add` to reconcile.
 */
export function restorePristine(appDir) {
  git(appDir, ['reset', '-q', '--hard']);
  git(appDir, ['clean', '-q', '-fd']);
  rmSync(path.join(appDir, 'app-config.local.yaml'), { force: true });
}

/** Undoes a run's changes to `tracked` paths and removes the `added` ones. */
export function restorePaths(appDir, tracked, added = []) {
  git(appDir, ['checkout', '-q', 'HEAD', '--', ...tracked]);
  git(appDir, ['clean', '-q', '-fd', '--', ...tracked, ...added]);
}

/** The Backstage release the app was created for (create-app writes backstage.json). */
export function backstageRelease(appDir) {
  return JSON.parse(readFileSync(path.join(appDir, 'backstage.json'), 'utf8'))
    .version;
}

export async function addPluginTarball({ appDir, tarball, env, logFile }) {
  await run(
    'yarn add <tarball>',
    'yarn',
    ['--cwd', 'packages/app', 'add', tarball],
    { cwd: appDir, env, logFile },
  );
}
