/* eslint-disable no-console */
/*
 * Browser tests: fake Coder → real Backstage backend (proxy) → dev app → headless
 * Chromium. Starts the stack once, runs every e2e/tests/*.e2e.mjs file's tests in order,
 * each in a fresh browser context, and prints `e2e: N passed, M failed`.
 * Usage: node e2e/run.mjs [name filter]
 */
import { readdir, mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { startStack } from '../dev/stack.mjs';
import { launchBrowser } from './lib/browser.mjs';
import { fakeCoder } from './lib/fakeCoder.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
const filter = process.argv[2];
const TEST_TIMEOUT_MS = 60_000;

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

const logDir = path.join(here, '..', 'test-results');
await mkdir(logDir, { recursive: true });
const stackLog = [];
console.log(`e2e: starting the stack for ${tests.length} test(s)…`);
const browser = await launchBrowser();
const stack = await startStack({
  fakeCoderArgs: ['--build-step-ms', '400'],
  log: (label, text) => stackLog.push(`[${label}] ${text}`),
}).catch(async error => {
  await browser.close();
  throw error;
});

let passed = 0;
let failed = 0;
try {
  for (const test of tests) {
    const context = await browser.newContext({
      viewport: { width: 1280, height: 900 },
    });
    const page = await context.newPage();
    const pageErrors = [];
    page.on('pageerror', error => pageErrors.push(error.message));
    const started = Date.now();
    let timer;
    try {
      await Promise.race([
        (async () => {
          await fakeCoder.reset();
          await test.run({ page, context, stack });
          // An uncaught error in the page fails the test even if the UI looked right.
          if (pageErrors.length > 0) {
            throw new Error(
              `uncaught errors in the page: ${pageErrors.join(' | ')}`,
            );
          }
        })(),
        new Promise((_, reject) => {
          timer = setTimeout(
            () => reject(new Error(`timed out after ${TEST_TIMEOUT_MS} ms`)),
            TEST_TIMEOUT_MS,
          );
        }),
      ]);
      passed += 1;
      console.log(`  ✓ ${test.name} (${Date.now() - started} ms)`);
    } catch (error) {
      failed += 1;
      console.log(
        `  ✗ ${test.name}\n      ${String(error?.stack ?? error)
          .split('\n')
          .slice(0, 6)
          .join('\n      ')}`,
      );
      const shot = path.join(logDir, `${test.name.replace(/\W+/g, '-')}.png`);
      await page.screenshot({ path: shot }).catch(() => {});
      console.log(`      screenshot: ${path.relative(process.cwd(), shot)}`);
    } finally {
      clearTimeout(timer);
      await context.close();
    }
  }
} finally {
  await browser.close();
  await stack.stop();
  await writeFile(path.join(logDir, 'e2e-stack.log'), stackLog.join(''));
}

console.log(`e2e: ${passed} passed, ${failed} failed`);
await writeFile(
  path.join(logDir, 'e2e-results.json'),
  JSON.stringify({ passed, failed }),
);
process.exit(failed > 0 || tests.length === 0 ? 1 : 0);
