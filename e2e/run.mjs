/* eslint-disable no-console */
/*
 * Browser tests: fake Coder → real Backstage backend (proxy) → dev app → headless
 * Chromium, in two passes. The classic dev app runs every test; then the stack restarts
 * with the new-frontend-system dev app for the tests marked `systems: [..., 'new']` (the
 * core flows, and the new system's own). Each test runs in a fresh browser context.
 * Prints `e2e: N passed, M failed` over both passes.
 * Usage: node e2e/run.mjs [name filter]   (E2E_SYSTEM=legacy|new runs one pass only)
 */
import { readdir, mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { startStack } from '../dev/stack.mjs';
import { launchBrowser } from './lib/browser.mjs';
import { runTest } from './lib/runTest.mjs';
import { setSystem, SYSTEMS, systemsOf } from './lib/system.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
const filter = process.argv[2];
const onlySystem = process.env.E2E_SYSTEM;
const APP_NAMES = { legacy: 'classic', new: 'new-frontend-system' };

const files = (await readdir(path.join(here, 'tests')))
  .filter(name => name.endsWith('.e2e.mjs'))
  .sort();
const tests = [];
for (const file of files) {
  const module = await import(
    pathToFileURL(path.join(here, 'tests', file)).href
  );
  for (const test of module.tests) {
    if (!filter || test.name.includes(filter) || file.includes(filter)) {
      tests.push({ ...test, file });
    }
  }
}
const passes = SYSTEMS.filter(system => !onlySystem || system === onlySystem)
  .map(system => ({
    system,
    tests: tests.filter(test => systemsOf(test).includes(system)),
  }))
  .filter(pass => pass.tests.length > 0);

if (passes.length === 0) console.log('e2e: no test matches');

const logDir = path.join(here, '..', 'test-results');
await mkdir(path.join(logDir, 'new-system'), { recursive: true });
const stackLog = [];
const counts = {};
const browser = await launchBrowser();
try {
  for (const { system, tests: selected } of passes) {
    counts[system] = await runPass(system, selected);
  }
} finally {
  await browser.close();
  await writeFile(path.join(logDir, 'e2e-stack.log'), stackLog.join(''));
}

const total = key =>
  Object.values(counts).reduce((sum, count) => sum + count[key], 0);
const passed = total('passed');
const failed = total('failed');
for (const [system, count] of Object.entries(counts)) {
  console.log(
    `e2e [${system}]: ${count.passed} passed, ${count.failed} failed`,
  );
}
console.log(`e2e: ${passed} passed, ${failed} failed`);
await writeFile(
  path.join(logDir, 'e2e-results.json'),
  JSON.stringify({ passed, failed, bySystem: counts }),
);
process.exit(failed > 0 || passed === 0 ? 1 : 0);

/** Starts the stack with `system`'s dev app, runs `selected` in order, stops it. */
async function runPass(system, selected) {
  setSystem(system);
  console.log(
    `e2e [${system}]: starting the stack with the ${APP_NAMES[system]} dev app for ${selected.length} test(s)…`,
  );
  const startedAt = Date.now();
  const count = { passed: 0, failed: 0 };
  let stack;
  // The dev server rebuilds when a source file changes; a test that saw a rebuild may
  // have seen the page reload under it, so the runner says so.
  let rebuilds = 0;
  try {
    stack = await startStack({
      system,
      fakeCoderArgs: ['--build-step-ms', '400'],
      log: (label, text) => {
        stackLog.push(`[${system} ${label}] ${text}`);
        if (label === 'app' && /compiled/i.test(text)) rebuilds += 1;
      },
    });
  } catch (error) {
    // The other pass still runs; none of this pass's tests can pass.
    console.log(`  ✗ [${system}] the stack did not start: ${error.message}`);
    return { passed: 0, failed: selected.length };
  }
  console.log(`  stack up in ${Date.now() - startedAt} ms`);
  try {
    for (const test of selected) {
      const rebuildsBefore = rebuilds;
      const result = await runTest(test, { browser, stack, system, logDir });
      if (result.ok) {
        count.passed += 1;
        console.log(`  ✓ [${system}] ${test.name} (${result.ms} ms)`);
      } else {
        count.failed += 1;
        console.log(
          `  ✗ [${system}] ${test.name}\n      ${String(
            result.error?.stack ?? result.error,
          )
            .split('\n')
            .slice(0, 6)
            .join('\n      ')}`,
        );
        console.log(
          `      screenshot: ${path.relative(process.cwd(), result.screenshot)}`,
        );
      }
      if (rebuilds > rebuildsBefore) {
        console.log(
          '      note: the dev app rebuilt during this test (a source file changed)',
        );
      }
    }
  } finally {
    await stack.stop();
  }
  console.log(
    `e2e [${system}]: pass done in ${Math.round((Date.now() - startedAt) / 1000)} s`,
  );
  return count;
}
