/* eslint-disable no-console */
/*
 * `npm test`: type check, lint, API report check, unit + contract tests (jest), the
 * scaffolder backend module's lint and tests, browser tests (e2e).
 * Every stage runs even if an earlier one failed, so one run shows everything; the last
 * line is `N passed, M failed` summed over all stages (type check, lint and the API
 * report count as one test each).
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const bin = name => path.join(root, 'node_modules', '.bin', name);
const results = path.join(root, 'test-results');
mkdirSync(results, { recursive: true });

const env = { ...process.env, CI: 'true' };
const run = (label, command, args, cwd = root) => {
  console.log(`\n── ${label} ──`);
  const started = Date.now();
  const { status } = spawnSync(command, args, {
    cwd,
    env,
    stdio: 'inherit',
  });
  console.log(
    `── ${label}: ${status === 0 ? 'ok' : `failed (exit ${status})`} in ${((Date.now() - started) / 1000).toFixed(1)} s`,
  );
  return status === 0;
};

const stages = [];

stages.push({
  name: 'type check',
  ...counted(run('type check', bin('tsc'), ['--noEmit'])),
});
stages.push({
  name: 'lint',
  ...counted(
    run('lint', bin('backstage-cli'), [
      'package',
      'lint',
      '--max-warnings',
      '0',
    ]),
  ),
});

stages.push({
  name: 'API report',
  ...counted(
    run('API report is current', process.execPath, [
      path.join(root, 'scripts', 'api-report.mjs'),
      '--check',
    ]),
  ),
});

const jestJson = path.join(results, 'jest.json');
rmSync(jestJson, { force: true });
const jestOk = run('unit and contract tests (jest)', bin('backstage-cli'), [
  'package',
  'test',
  '--watchAll=false',
  '--json',
  `--outputFile=${jestJson}`,
]);
stages.push({ name: 'jest', ...jestCounts(jestJson, jestOk) });

// The scaffolder backend module is its own package (plugins/, linked into the root by a
// file: dependency): its lint and jest run in its folder, with its own config.
const scaffolderModule = path.join(
  root,
  'plugins',
  'scaffolder-backend-module-coder',
);
stages.push({
  name: 'scaffolder module lint',
  ...counted(
    run(
      'scaffolder module lint',
      bin('backstage-cli'),
      ['package', 'lint', '--max-warnings', '0'],
      scaffolderModule,
    ),
  ),
});
const scaffolderJestJson = path.join(results, 'jest-scaffolder-module.json');
rmSync(scaffolderJestJson, { force: true });
const scaffolderJestOk = run(
  'scaffolder module tests (jest)',
  bin('backstage-cli'),
  [
    'package',
    'test',
    '--watchAll=false',
    '--json',
    `--outputFile=${scaffolderJestJson}`,
  ],
  scaffolderModule,
);
stages.push({
  name: 'scaffolder module jest',
  ...jestCounts(scaffolderJestJson, scaffolderJestOk),
});

if (process.env.SKIP_E2E === '1') {
  console.log('\n── browser tests skipped (SKIP_E2E=1) ──');
} else {
  const e2eJson = path.join(results, 'e2e-results.json');
  rmSync(e2eJson, { force: true });
  const e2eOk = run('browser tests (e2e)', process.execPath, [
    path.join(root, 'e2e', 'run.mjs'),
  ]);
  stages.push({ name: 'e2e', ...fileCounts(e2eJson, e2eOk) });
}

console.log('\nSummary');
for (const stage of stages) {
  console.log(
    `  ${stage.name}: ${stage.passed} passed, ${stage.failed} failed`,
  );
}
const passed = stages.reduce((sum, stage) => sum + stage.passed, 0);
const failed = stages.reduce((sum, stage) => sum + stage.failed, 0);
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed > 0 ? 1 : 0);

function counted(ok) {
  return ok ? { passed: 1, failed: 0 } : { passed: 0, failed: 1 };
}

function jestCounts(file, ok) {
  if (!existsSync(file)) return { passed: 0, failed: 1 };
  const json = JSON.parse(readFileSync(file, 'utf8'));
  // A suite that fails to compile has no failed tests but still fails the run.
  const failures = json.numFailedTests + json.numRuntimeErrorTestSuites;
  return { passed: json.numPassedTests, failed: failures || (ok ? 0 : 1) };
}

function fileCounts(file, ok) {
  if (!existsSync(file)) return { passed: 0, failed: 1 };
  const json = JSON.parse(readFileSync(file, 'utf8'));
  return { passed: json.passed, failed: json.failed || (ok ? 0 : 1) };
}
