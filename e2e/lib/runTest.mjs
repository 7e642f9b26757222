/*
 * Runs one browser test in a fresh browser context (its own storage), against a fake
 * Coder reset to its seed, with a time limit. A failure leaves a screenshot behind.
 */
import path from 'node:path';
import { keepResizeObserverNoticesOffThePage } from './browser.mjs';
import { fakeCoder } from './fakeCoder.mjs';

const TEST_TIMEOUT_MS = 60_000;

/** Resolves to `{ ok, ms, error, screenshot, notices }`; never rejects. */
export async function runTest(test, { browser, stack, system, logDir }) {
  const context = await browser.newContext({
    viewport: { width: 1280, height: 900 },
  });
  const notices = [];
  await keepResizeObserverNoticesOffThePage(context, text =>
    notices.push(text),
  );
  const page = await context.newPage();
  const pageErrors = [];
  page.on('pageerror', error => pageErrors.push(error.message));
  const started = Date.now();
  let timer;
  try {
    await Promise.race([
      (async () => {
        await fakeCoder.reset();
        await test.run({ page, context, stack, system });
        // An uncaught error in the page fails the test even if the UI looked right.
        if (pageErrors.length > 0) {
          throw new Error(
            `uncaught errors in the page: ${pageErrors.join(' | ')}`,
          );
        }
        // A host app's dev server shows these as errors over the page (a too-wide
        // menu item of ours once caused them in the entity menu).
        if (notices.length > 0) {
          throw new Error(
            `the page raised ${notices.length} ResizeObserver loop notice(s), which a dev server shows as errors`,
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
    return { ok: true, ms: Date.now() - started, notices };
  } catch (error) {
    const screenshot = path.join(
      logDir,
      `${system}-${test.name.replace(/\W+/g, '-')}.png`,
    );
    await page.screenshot({ path: screenshot }).catch(() => {});
    return { ok: false, ms: Date.now() - started, error, screenshot, notices };
  } finally {
    clearTimeout(timer);
    await context.close();
  }
}
