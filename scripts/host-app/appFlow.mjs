/*
 * One host app's run: the cached (or newly created) app restored to pristine, our
 * tarball added as a user adds it, the README's install steps, the fake Coder and
 * `yarn start`, then the browser. The versions check runs right after the install.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { writeAppConfig } from './appConfig.mjs';
import { driveCoderCard } from './browserFlow.mjs';
import { applyClassicInstall } from './classicInstall.mjs';
import {
  compareVersions,
  directResolutions,
  formatComparison,
  installedVersions,
} from './duplicates.mjs';
import {
  addPluginTarball,
  backstageRelease,
  cachedApp,
  commitPristine,
  createApp,
  pinBackendDefaults,
  restorePristine,
  writeMarker,
} from './hostApp.mjs';
import { assertPortFree, start, stopAll, waitForUrl } from './processes.mjs';
import { userShellEnv } from './toolchain.mjs';

const ENTITY_PATH = '/catalog/default/component/web-app';
// What dev/fake-coder/main.ts prints as the demo token, should its wording change.
const FALLBACK_DEMO_TOKEN = 'demo000001-fakeCoderDemoSecret001';

/** The created app for `mode`, from the cache or made now (and cached). */
async function ensureApp({ mode, shared, cacheDir, report, log }) {
  const found = cachedApp(cacheDir, shared.createAppVersion, mode);
  if (found.marker) {
    report.note(`cached app, created ${found.marker.createdAt}`);
    return found;
  }
  const { env } = shared.toolchain;
  const { appDir, markerFile } = found;
  await report.step(
    `create-app ${shared.createAppVersion} (not cached yet)`,
    () =>
      createApp({
        appDir,
        createAppVersion: shared.createAppVersion,
        mode,
        env,
        logFile: log('create-app'),
      }),
  );
  await report.step('pin @backstage/backend-defaults ^0.19.0', () =>
    pinBackendDefaults({ appDir, env, logFile: log('create-app') }),
  );
  const baselineVersions = await report.step(
    'record package versions before the plugin',
    async () => {
      commitPristine(appDir);
      return installedVersions(appDir, env);
    },
  );
  writeMarker(markerFile, {
    createAppVersion: shared.createAppVersion,
    mode,
    backstage: backstageRelease(appDir),
    createdAt: new Date().toISOString(),
    baselineVersions,
  });
  return cachedApp(cacheDir, shared.createAppVersion, mode);
}

async function checkDuplicates({ app, env, report }) {
  const after = await report.step('package versions after the plugin', () =>
    installedVersions(app.appDir, env),
  );
  const rows = compareVersions(
    app.marker.baselineVersions,
    after,
    await directResolutions(app.appDir, env, '@coder/backstage-plugin-coder'),
    await directResolutions(app.appDir, env, 'app'),
  );
  report.note(formatComparison(rows));
  const caused = rows.filter(row => row.causedByPlugin);
  if (caused.length)
    throw new Error(
      `the plugin added a second version of ${caused.map(row => `${row.name} (${row.after.join(', ')})`).join(', ')}`,
    );
}

async function startStack({ app, env, ports, repoRoot, report, log }) {
  const coderUrl = `http://127.0.0.1:${ports.coder}`;
  for (const port of Object.values(ports)) await assertPortFree(port);
  const fake = start(
    'fake Coder',
    path.join(repoRoot, 'node_modules', '.bin', 'tsx'),
    [
      'dev/fake-coder/main.ts',
      '--port',
      String(ports.coder),
      '--host',
      '127.0.0.1',
    ],
    { cwd: repoRoot, env: userShellEnv(), logFile: log('fake-coder') },
  );
  await report.step('start the fake Coder', () =>
    waitForUrl(`${coderUrl}/api/v2/buildinfo`, {
      child: fake,
      timeoutMs: 60_000,
    }),
  );
  const demoToken =
    /demo token[^:]*:\s*(\S+)/i.exec(
      readFileSync(log('fake-coder'), 'utf8'),
    )?.[1] ?? FALLBACK_DEMO_TOKEN;

  const host = start('yarn start', 'yarn', ['start'], {
    cwd: app.appDir,
    env,
    logFile: log('yarn-start'),
  });
  await report.step('yarn start: backend ready', () =>
    waitForUrl(
      `http://127.0.0.1:${ports.backend}/.backstage/health/v1/readiness`,
      {
        child: host,
        timeoutMs: 300_000,
      },
    ),
  );
  await report.step('yarn start: frontend serves', () =>
    waitForUrl(`http://127.0.0.1:${ports.app}/`, {
      child: host,
      timeoutMs: 300_000,
    }),
  );
  return { demoToken };
}

/**
 * One app's flow, from the cached app to the browser; records two tests: the flow, and
 * the duplicate check.
 */
export async function runAppFlow({
  mode,
  shared,
  cacheDir,
  repoRoot,
  resultsDir,
  ports,
  report,
}) {
  report.section(`${mode} app`);
  const log = name => path.join(resultsDir, `${mode}-${name}.log`);
  const flowTest = `${mode} app: install the tarball, sign in, link, list, start a workspace`;
  const duplicatesTest = `${mode} app: no second copy of a shared package from the plugin`;
  if (!shared.createAppVersion) {
    report.test(flowTest, shared.error);
    report.test(duplicatesTest, shared.error);
    return;
  }
  const { env } = shared.toolchain;
  let app;
  let installed = false;
  let flowError;
  let duplicatesError;
  try {
    app = await ensureApp({ mode, shared, cacheDir, report, log });
    report.note(
      `Backstage ${app.marker.backstage} (backstage.json), app in ${app.appDir}`,
    );
    await report.step('restore the pristine app (git)', () =>
      restorePristine(app.appDir),
    );
    if (!shared.tarball)
      throw new Error(
        `no tarball to install (${shared.error.message.split('\n')[0]}; see above)`,
      );
    await report.step('yarn add <tarball>', () =>
      addPluginTarball({
        appDir: app.appDir,
        tarball: shared.tarball,
        env,
        logFile: log('install'),
      }),
    );
    installed = true;
    try {
      await checkDuplicates({ app, env, report });
    } catch (error) {
      duplicatesError = error;
    }
    if (mode === 'legacy')
      await report.step(
        'README 3b: <CoderProvider> in App.tsx, <CoderWorkspacesCard> in EntityPage.tsx',
        () => applyClassicInstall(app.appDir),
      );
    await report.step('app-config.local.yaml + catalog file', () =>
      writeAppConfig({ appDir: app.appDir, ports }),
    );
    const { demoToken } = await startStack({
      app,
      env,
      ports,
      repoRoot,
      report,
      log,
    });
    const result = await driveCoderCard({
      appUrl: `http://127.0.0.1:${ports.app}`,
      entityPath: ENTITY_PATH,
      demoToken,
      mode,
      screenshotDir: resultsDir,
      step: report.step,
    });
    report.note(`listed: ${result.workspaces.join(', ')}`);
    report.note(`started ${result.started}`);
  } catch (error) {
    flowError = error;
  } finally {
    await report.step('stop the fake Coder and the app', stopAll);
    if (app?.marker) restorePristine(app.appDir);
  }
  report.test(flowTest, flowError);
  report.test(
    duplicatesTest,
    duplicatesError ?? (installed ? undefined : flowError),
  );
}
