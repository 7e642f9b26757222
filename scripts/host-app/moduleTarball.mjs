/*
 * The scaffolder backend module (plugins/scaffolder-backend-module-coder) as users get it.
 * Its folder cannot be packed as it stands: its `prepack` is only `backstage-cli package
 * prepack` (no build), and both `backstage-cli package build` (types) and `prepack`
 * (feature detection) treat the folder as their root, reading dist-types/ and a
 * tsconfig.json there, which it has none of. So the module is packed from a copy in a
 * temporary folder: its files, the repository's node_modules, and a tsconfig.json (the
 * folder's own, once it has one). Its own folder is left untouched.
 */
import {
  cpSync,
  existsSync,
  readdirSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import path from 'node:path';
import { inspectTarball } from './pluginTarball.mjs';
import { run } from './processes.mjs';

export const MODULE_DIR = 'plugins/scaffolder-backend-module-coder';
export const MODULE_NAME =
  '@coder/backstage-plugin-scaffolder-backend-module-coder';

// Declarations for the published code only: the tests and their helpers import the fake
// Coder from outside the module's folder.
const STAGING_TSCONFIG = `${JSON.stringify(
  {
    extends: '@backstage/cli/config/tsconfig.json',
    include: ['src', 'config.d.ts'],
    exclude: ['node_modules', 'src/**/*.test.ts', 'src/testUtils'],
    compilerOptions: { outDir: 'dist-types', rootDir: '.' },
  },
  null,
  2,
)}\n`;

/** Builds and packs the module in `stagingDir`; returns the tarball's path in `destDir`. */
export async function packModule({
  repoRoot,
  stagingDir,
  destDir,
  env,
  logFile,
}) {
  const moduleDir = path.join(repoRoot, MODULE_DIR);
  for (const name of ['package.json', 'README.md', 'config.d.ts', 'src'])
    cpSync(path.join(moduleDir, name), path.join(stagingDir, name), {
      recursive: true,
    });
  symlinkSync(
    path.join(repoRoot, 'node_modules'),
    path.join(stagingDir, 'node_modules'),
  );
  const ownTsconfig = path.join(moduleDir, 'tsconfig.json');
  if (existsSync(ownTsconfig))
    cpSync(ownTsconfig, path.join(stagingDir, 'tsconfig.json'));
  else writeFileSync(path.join(stagingDir, 'tsconfig.json'), STAGING_TSCONFIG);

  const bin = name => path.join(repoRoot, 'node_modules', '.bin', name);
  const options = { cwd: stagingDir, env, logFile };
  await run('tsc (the module’s declarations)', bin('tsc'), [], options);
  await run(
    'backstage-cli package build',
    bin('backstage-cli'),
    ['package', 'build'],
    options,
  );
  await run(
    'npm pack',
    'npm',
    ['pack', '--pack-destination', destDir],
    options,
  );
  const tarballs = readdirSync(destDir).filter(name =>
    name.startsWith('coder-backstage-plugin-scaffolder-backend-module-coder-'),
  );
  if (tarballs.length !== 1)
    throw new Error(
      `expected one module tarball in ${destDir}, found ${tarballs}`,
    );
  return path.join(destDir, tarballs[0]);
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
