/*
 * The scaffolder backend module (plugins/scaffolder-backend-module-coder) as users get
 * it: `npm pack` in its folder, whose prepack type-checks, builds dist/ and runs
 * `backstage-cli package prepack` (see pluginTarball.mjs).
 */
import path from 'node:path';
import { inspectTarball, packPlugin } from './pluginTarball.mjs';

export const MODULE_DIR = 'plugins/scaffolder-backend-module-coder';
export const MODULE_NAME =
  '@coder/backstage-plugin-scaffolder-backend-module-coder';

/** Packs the module into the empty `destDir`; returns the tarball's path. */
export function packModule({ repoRoot, destDir, env, logFile }) {
  return packPlugin({
    repoRoot,
    packageDir: path.join(repoRoot, MODULE_DIR),
    destDir,
    env,
    logFile,
  });
}

/**
 * The plugin's entry-point checks, plus what a backend needs to load the module:
 * main → dist/index.cjs.js and the backend-plugin-module role.
 */
export function inspectModuleTarball(tarball) {
  const result = inspectTarball(tarball, { requireAlpha: false });
  const { manifest, problems } = result;
  if (manifest.main !== 'dist/index.cjs.js')
    problems.push(`main is ${manifest.main}, not dist/index.cjs.js`);
  if (manifest.backstage?.role !== 'backend-plugin-module')
    problems.push(
      `backstage.role is ${manifest.backstage?.role}, not backend-plugin-module`,
    );
  return result;
}
