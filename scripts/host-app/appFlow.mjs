/*
 * One host app's run: the cached (or newly created) app restored to pristine, our
 * tarball added as a user adds it, the README's install steps, the scaffolder module's
 * (with the example template and its stand-in Git host), the fake Coder and `yarn start`,
 * then the browser: the card, then the template. The versions check runs right after
 * the plugin's install.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { writeAppConfig } from './appConfig.mjs';
import {
  addDevGitHost,
  addModuleTarball,
  addModuleToBackend,
  copyExampleTemplate,
  TEMPLATE_DIR,
} from './backendInstall.mjs';
import { driveCoderCard, launchBrowser } from './browserFlow.mjs';
import { addTemplateField, applyClassicInstall } from './classicInstall.mjs';
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
  restorePaths,
  restorePristine,
  writeMarker,
} from './hostApp.mjs';
import { MODULE_NAME } from './moduleTarball.mjs';
import {
  assertPortFree,
  run,
  start,
  stopAll,
  waitForUrl,
} from './processes.mjs';
import { runExampleTemplate } from './templateFlow.mjs';
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
    // devGit.js keeps its published repositories in a temporary folder named after this
    // port (7007 otherwise: the dev stack's, which may be running).
    env: { ...env, DEV_BACKEND_PORT: String(ports.backend) },
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
 * The scaffolder module's README steps in the backend, the classic app's field (docs/
 * scaffolder.md), the stand-in Git host and the template. Returns the template's file.
 * On failure, undoes its changes so the card's flow still runs on an intact backend.
 */
async function installScaffolderParts({
  app,
  mode,
  shared,
  env,
  repoRoot,
  report,
  log,
}) {
  const { appDir } = app;
  if (!shared.moduleTarball)
    throw new Error(
      `no module tarball to install (${shared.moduleError?.message.split('\n')[0]}; see above)`,
    );
  try {
    await report.step('yarn --cwd packages/backend add <module tarball>', () =>
      addModuleTarball({
        appDir,
        tarball: shared.moduleTarball,
        env,
        logFile: log('install-module'),
      }),
    );
    const [module, scaffolder] = await Promise.all([
      directResolutions(appDir, env, MODULE_NAME),
      directResolutions(appDir, env, '@backstage/plugin-scaffolder-backend'),
    ]);
    report.note(
      ['@backstage/backend-plugin-api', '@backstage/plugin-scaffolder-node']
        .map(
          name =>
            `${name}: module uses ${module[name]}, scaffolder-backend uses ${scaffolder[name]}`,
        )
        .join('\n'),
    );
    await report.step(
      'module README: backend.add(import(module)) in packages/backend/src/index.ts',
      () => addModuleToBackend(appDir),
    );
    const added = await report.step(
      'dev Git stand-in (dev/backend/devGit.js) in the backend',
      () =>
        addDevGitHost({
          appDir,
          repoRoot,
          env,
          logFile: log('install-module'),
        }),
    );
    report.note(
      added.length
        ? `yarn added what devGit.js requires: ${added.join(', ')}`
        : 'what devGit.js requires resolves from packages/backend already',
    );
    if (mode === 'legacy') {
      // The version the app already has (one copy: the duplicate check watches it).
      const { version } = JSON.parse(
        readFileSync(
          path.join(
            appDir,
            'node_modules/@backstage/plugin-scaffolder-react/package.json',
          ),
          'utf8',
        ),
      );
      await report.step(
        `yarn --cwd packages/app add @backstage/plugin-scaffolder-react@^${version}`,
        () =>
          run(
            'yarn add scaffolder-react',
            'yarn',
            [
              '--cwd',
              'packages/app',
              'add',
              `@backstage/plugin-scaffolder-react@^${version}`,
            ],
            { cwd: appDir, env, logFile: log('install-scaffolder-react') },
          ),
      );
      await report.step(
        'docs/scaffolder.md: <CoderWorkspaceTemplateFieldExtension /> under /create in App.tsx',
        () => addTemplateField(appDir),
      );
    }
    return await report.step(
      `example template (dev/scaffolder/coder-service) → ${TEMPLATE_DIR}`,
      () => copyExampleTemplate({ appDir, repoRoot }),
    );
  } catch (error) {
    // The backend as the plugin's install left it (yarn.lock keeps the module's entries:
    // harmless, and the plugin's are in it too). A field without the module is harmless.
    restorePaths(appDir, ['packages/backend'], [TEMPLATE_DIR]);
    throw error;
  }
}

/**
 * One app's flow, from the cached app to the browser; records three tests: the card's
 * flow, the duplicate check, and the example template.
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
  const templateTest = `${mode} app: the example template creates a Coder workspace, shown running on the new service's card`;
  if (!shared.createAppVersion) {
    report.test(flowTest, shared.error);
    report.test(duplicatesTest, shared.error);
    report.test(templateTest, shared.error);
    return;
  }
  const { env } = shared.toolchain;
  const urls = {
    app: `http://127.0.0.1:${ports.app}`,
    backend: `http://127.0.0.1:${ports.backend}`,
    coder: `http://127.0.0.1:${ports.coder}`,
  };
  let app;
  let browser;
  let installed = false;
  let templateRan = false;
  let flowError;
  let duplicatesError;
  let templateError;
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
    let templateFile;
    try {
      templateFile = await installScaffolderParts({
        app,
        mode,
        shared,
        env,
        repoRoot,
        report,
        log,
      });
    } catch (error) {
      templateError = error;
    }
    await report.step('app-config.local.yaml + catalog file', () =>
      writeAppConfig({ appDir: app.appDir, ports, templateFile }),
    );
    const { demoToken } = await startStack({
      app,
      env,
      ports,
      repoRoot,
      report,
      log,
    });
    browser = await launchBrowser({ mode, screenshotDir: resultsDir });
    try {
      const result = await driveCoderCard({
        browser,
        appUrl: urls.app,
        entityPath: ENTITY_PATH,
        demoToken,
        step: report.step,
      });
      report.note(`listed: ${result.workspaces.join(', ')}`);
      report.note(`started ${result.started}`);
    } catch (error) {
      flowError = error;
    }
    if (!templateError) {
      templateRan = true;
      try {
        const created = await runExampleTemplate({
          browser,
          appUrl: urls.app,
          backendUrl: urls.backend,
          coderUrl: urls.coder,
          demoToken,
          mode,
          step: report.step,
        });
        report.note(
          `created ${created.owner}/${created.name}: ${created.status}, repo_url ${created.repoUrl}`,
        );
      } catch (error) {
        templateError = error;
      }
    }
  } catch (error) {
    flowError = error;
  } finally {
    await browser?.close().catch(() => {});
    await report.step('stop the fake Coder and the app', stopAll);
    if (app?.marker) restorePristine(app.appDir);
  }
  report.test(flowTest, flowError);
  report.test(
    duplicatesTest,
    duplicatesError ?? (installed ? undefined : flowError),
  );
  report.test(
    templateTest,
    templateError ?? (templateRan ? undefined : flowError),
  );
}
