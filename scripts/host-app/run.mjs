/* eslint-disable no-console */
/*
 * `npm run test:host-app [default] [legacy]`: installs the packed plugin into fresh
 * @backstage/create-app apps, the new-frontend-system one (`default`) and the classic one
 * (`legacy`), the way the README tells users to, runs each against the fake Coder and
 * drives the card in Chromium; checks that the plugin added no second copy of a shared
 * package; and, with the packed scaffolder backend module in the app's backend, runs the
 * example software template to a running workspace. Ends with
 * `host-app: N passed, M failed`.
 *
 * Environment: HOST_APP_CACHE (default ~/.cache/coder-backstage-host-app: Node 22, yarn,
 * the created apps), HOST_APP_TARBALL (install this tarball instead of packing),
 * HOST_APP_MODULE_TARBALL (the same for the scaffolder backend module),
 * HOST_APP_CREATE_APP_VERSION (default: latest), HOST_APP_PORT (4300),
 * HOST_APP_BACKEND_PORT (4307), HOST_APP_CODER_PORT (4390).
 * Logs and screenshots: test-results/host-app/.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { runAppFlow } from './appFlow.mjs';
import { MODES } from './hostApp.mjs';
import {
  inspectModuleTarball,
  MODULE_DIR,
  packModule,
} from './moduleTarball.mjs';
import {
  formatEntries,
  formatFileList,
  inspectTarball,
  packPlugin,
} from './pluginTarball.mjs';
import { stopAllOnExit } from './processes.mjs';
import { createReport } from './report.mjs';
import { prepareToolchain, userShellEnv } from './toolchain.mjs';

const repoRoot = path.resolve(
  path.dirname(fileURLToPath(import.meta.url)),
  '../..',
);
const resultsDir = path.join(repoRoot, 'test-results', 'host-app');
const cacheDir =
  process.env.HOST_APP_CACHE ||
  path.join(os.homedir(), '.cache', 'coder-backstage-host-app');
const ports = {
  app: Number(process.env.HOST_APP_PORT || 4300),
  backend: Number(process.env.HOST_APP_BACKEND_PORT || 4307),
  coder: Number(process.env.HOST_APP_CODER_PORT || 4390),
};

const modes = process.argv.slice(2).length
  ? process.argv.slice(2)
  : Object.keys(MODES);
for (const mode of modes) {
  if (!MODES[mode]) {
    console.error(`host-app: unknown mode ${mode} (${Object.keys(MODES)})`);
    process.exit(2);
  }
}

stopAllOnExit();
const report = createReport();
rmSync(resultsDir, { recursive: true, force: true });
mkdirSync(resultsDir, { recursive: true });
mkdirSync(cacheDir, { recursive: true });
const logFile = name => path.join(resultsDir, `${name}.log`);

/** Node 22, yarn, the create-app version and the tarball, shared by both apps. */
async function prepareShared() {
  report.section('shared');
  const shared = {};
  try {
    shared.toolchain = await report.step('Node 22 + yarn via corepack', () =>
      prepareToolchain({ cacheDir, logFile: logFile('toolchain') }),
    );
    report.note(
      `node ${shared.toolchain.node}, yarn ${shared.toolchain.yarn} outside an app; cache ${cacheDir}`,
    );
    shared.createAppVersion =
      process.env.HOST_APP_CREATE_APP_VERSION ||
      (await report.step('look up @backstage/create-app@latest', () =>
        execFileSync(
          'npm',
          ['view', '@backstage/create-app@latest', 'version'],
          {
            env: userShellEnv(),
            encoding: 'utf8',
          },
        ).trim(),
      ));
    report.note(`@backstage/create-app ${shared.createAppVersion}`);
  } catch (error) {
    shared.error = error;
    return shared;
  }

  try {
    const given = process.env.HOST_APP_TARBALL;
    if (given) {
      shared.tarball = path.resolve(given);
      report.note(`HOST_APP_TARBALL: not packing`);
    } else {
      shared.packDir = mkdtempSync(path.join(os.tmpdir(), 'host-app-pack-'));
      shared.tarball = await report.step(
        'npm pack (prepack: build + backstage-cli package prepack)',
        () =>
          packPlugin({
            repoRoot,
            destDir: shared.packDir,
            env: userShellEnv(),
            logFile: logFile('npm-pack'),
          }),
      );
    }
    const { files, problems, entries } = inspectTarball(shared.tarball);
    report.note(`${shared.tarball}`);
    report.note(formatEntries(entries));
    report.note(formatFileList(files));
    if (problems.length)
      throw new Error(
        `the tarball's package.json:\n  ${problems.join('\n  ')}`,
      );
  } catch (error) {
    report.note(String(error.message));
    shared.error = error;
    shared.tarball = undefined;
  }

  try {
    const given = process.env.HOST_APP_MODULE_TARBALL;
    if (given) {
      shared.moduleTarball = path.resolve(given);
      report.note(`HOST_APP_MODULE_TARBALL: not packing`);
    } else {
      shared.modulePackDir = mkdtempSync(
        path.join(os.tmpdir(), 'host-app-module-'),
      );
      shared.moduleTarball = await report.step(
        `npm pack in ${MODULE_DIR} (prepack: tsc + build + backstage-cli package prepack)`,
        () =>
          packModule({
            repoRoot,
            destDir: shared.modulePackDir,
            env: userShellEnv(),
            logFile: logFile('npm-pack-module'),
          }),
      );
    }
    const { files, problems, entries } = inspectModuleTarball(
      shared.moduleTarball,
    );
    report.note(`${shared.moduleTarball}`);
    report.note(formatEntries(entries));
    report.note(formatFileList(files));
    if (problems.length)
      throw new Error(
        `the module tarball's package.json:\n  ${problems.join('\n  ')}`,
      );
  } catch (error) {
    report.note(String(error.message));
    shared.moduleError = error;
    shared.moduleTarball = undefined;
  }
  return shared;
}

const shared = await prepareShared();
for (const mode of modes)
  await runAppFlow({
    mode,
    shared,
    cacheDir,
    repoRoot,
    resultsDir,
    ports,
    report,
  });
for (const dir of [shared.packDir, shared.modulePackDir])
  if (dir) rmSync(dir, { recursive: true, force: true });
process.exitCode = report.finish() ? 1 : 0;
