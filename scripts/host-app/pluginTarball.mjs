/*
 * The package as users get it: `npm pack` runs our `prepack` (build, then
 * `backstage-cli package prepack`, which rewrites package.json to point into dist/ while
 * the tarball is made) and `postpack` (which puts package.json back). The same for the
 * scaffolder backend module, in its own folder (`packageDir`).
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { onInterrupt, run } from './processes.mjs';

/**
 * Puts package.json back if a pack stopped between prepack and postpack (a build error,
 * Ctrl-C): left alone, the next prepack would back up the rewritten file as the original.
 */
async function revertInterruptedPack({ repoRoot, packageDir, env, logFile }) {
  if (!existsSync(path.join(packageDir, 'package.json-prepack'))) return;
  await run(
    'backstage-cli package postpack',
    path.join(repoRoot, 'node_modules', '.bin', 'backstage-cli'),
    ['package', 'postpack'],
    { cwd: packageDir, env, logFile },
  );
}

/** Packs the package in `packageDir` (default: the plugin) into the empty `destDir`. */
export async function packPlugin({
  repoRoot,
  packageDir = repoRoot,
  destDir,
  env,
  logFile,
}) {
  const options = { repoRoot, packageDir, env, logFile };
  await revertInterruptedPack(options);
  const unregister = onInterrupt(() => revertInterruptedPack(options));
  try {
    await run('npm pack', 'npm', ['pack', '--pack-destination', destDir], {
      cwd: packageDir,
      env,
      logFile,
    });
  } finally {
    unregister();
    await revertInterruptedPack(options);
  }
  const tarballs = readdirSync(destDir).filter(name => name.endsWith('.tgz'));
  if (tarballs.length !== 1)
    throw new Error(`expected one tarball in ${destDir}, found ${tarballs}`);
  return path.join(destDir, tarballs[0]);
}

/**
 * Every path an exports map (or a plain string) points to. The `backstage` condition
 * holds Backstage's feature type, not a path.
 */
function exportTargets(value) {
  if (typeof value === 'string') return [value];
  if (value && typeof value === 'object')
    return Object.entries(value)
      .filter(([condition]) => condition !== 'backstage')
      .flatMap(([, target]) => exportTargets(target));
  return [];
}

/**
 * Reads the tarball's file list and package.json; `problems` lists what would break an
 * app that installs it: entry points outside dist/ or missing from the tarball, no
 * `./alpha` entry (the new frontend system's plugin) unless `requireAlpha` is false.
 */
export function inspectTarball(tarball, { requireAlpha = true } = {}) {
  const files = execFileSync('tar', ['-tzf', tarball], { encoding: 'utf8' })
    .split('\n')
    .filter(Boolean)
    .map(file => file.replace(/^package\//, ''));
  const manifest = JSON.parse(
    execFileSync('tar', ['-xOzf', tarball, 'package/package.json'], {
      encoding: 'utf8',
    }),
  );
  // Each entry point users' tooling follows, and the files it names.
  const entries = {
    main: [manifest.main],
    types: [manifest.types],
  };
  for (const [subpath, value] of Object.entries(manifest.exports ?? {}))
    if (subpath !== './package.json')
      entries[`exports["${subpath}"]`] = [...new Set(exportTargets(value))];
  for (const [name, paths] of Object.entries(
    manifest.typesVersions?.['*'] ?? {},
  ))
    if (name !== 'package.json') entries[`typesVersions["${name}"]`] = paths;

  const problems = [];
  for (const [field, targets] of Object.entries(entries)) {
    for (const target of targets) {
      const file = target?.replace(/^\.\//, '');
      if (!file) problems.push(`package.json has no ${field}`);
      else if (!file.startsWith('dist/'))
        problems.push(`${field} points outside dist/: ${target}`);
      else if (!files.includes(file))
        problems.push(
          `${field} points to ${target}, which is not in the tarball`,
        );
    }
  }
  if (requireAlpha && !manifest.exports?.['./alpha'])
    problems.push(
      'no "./alpha" export: the new frontend system finds no plugin',
    );
  return { files, manifest, problems, entries };
}

/** One line per entry point: `main: dist/index.esm.js`. */
export function formatEntries(entries) {
  return Object.entries(entries)
    .map(([field, targets]) => `${field}: ${targets.join(', ')}`)
    .join('\n');
}

/** The file list, one line per folder, source maps counted rather than listed. */
export function formatFileList(files) {
  const byFolder = new Map();
  const maps = files.filter(file => file.endsWith('.map')).length;
  for (const file of files.filter(name => !name.endsWith('.map'))) {
    const folder = path.dirname(file);
    byFolder.set(folder, [
      ...(byFolder.get(folder) ?? []),
      path.basename(file),
    ]);
  }
  const lines = [...byFolder.keys()]
    .sort()
    .map(
      folder =>
        `${folder === '.' ? '(root)' : `${folder}/`}: ${byFolder.get(folder).join(' ')}`,
    );
  return [
    `${files.length} files (${maps} source maps not listed):`,
    ...lines,
  ].join('\n');
}
