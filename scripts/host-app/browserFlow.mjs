/*
 * A user's first visit, in headless Debian Chromium: guest sign-in, the entity page, the
 * card's link form, the demo token, the repository's workspaces, and Start on a stopped
 * one until it runs. Accessible names are the card's own (see e2e/lib/app.mjs and
 * e2e/tests/06-workspace-actions.e2e.mjs).
 */
import { existsSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { chromium } from 'playwright-core';
import { eventually } from '../../e2e/lib/app.mjs';
import { CHROMIUM_FLAGS, CHROMIUM_PATH } from '../../e2e/lib/browser.mjs';

const CARD_TITLE = 'Coder workspaces';
const STATUS =
  /^(Running|Starting|Stopping|Stopped|Pending|Failed|Deleting|Canceling|Canceled)/;

/** The status text of a workspace's row in the card ("Running", "Stopped", …). */
function statusOf(page, name) {
  return page
    .getByRole('listitem')
    .filter({
      has: page.getByRole('link', { name: new RegExp(`^${name}\\b`) }),
    })
    .getByText(STATUS)
    .first()
    .innerText();
}

/**
 * Headless Chromium with a fresh profile, shared by a mode's browser checks. `shot(what)`
 * is `<screenshotDir>/<mode>-<what>.png`; `close()` writes the console errors and
 * warnings to `<mode>-browser.log`.
 */
export async function launchBrowser({ mode, screenshotDir }) {
  if (!existsSync(CHROMIUM_PATH))
    throw new Error(
      `No Chromium at ${CHROMIUM_PATH}: apt-get install -y chromium (or set CHROMIUM_PATH)`,
    );
  const shot = name => path.join(screenshotDir, `${mode}-${name}.png`);
  const consoleLines = [];
  // A fresh profile inside the results folder: the next run clears it even after a SIGKILL.
  const profile = path.join(screenshotDir, `${mode}-chromium-profile`);
  rmSync(profile, { recursive: true, force: true });
  mkdirSync(profile);
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM_PATH,
    headless: true,
    args: CHROMIUM_FLAGS,
    viewport: { width: 1400, height: 1000 },
    // processes.mjs handles signals; playwright still kills Chromium on exit.
    handleSIGINT: false,
    handleSIGTERM: false,
    handleSIGHUP: false,
  });
  const page = context.pages()[0] ?? (await context.newPage());
  page.on('console', message => {
    // React's warnings carry a whole component stack; its first lines say enough.
    if (message.type() === 'error' || message.type() === 'warning')
      consoleLines.push(
        `[${message.type()}] ${message.text().split('\n').slice(0, 4).join('\n')}`,
      );
  });
  page.on('pageerror', error =>
    consoleLines.push(`[pageerror] ${error.stack}`),
  );
  page.setDefaultTimeout(30_000);
  return {
    page,
    shot,
    async close() {
      writeFileSync(
        path.join(screenshotDir, `${mode}-browser.log`),
        `${consoleLines.join('\n')}\n`,
      );
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}

/** Runs the card's flow in `browser` (launchBrowser); `step(name, fn)` times each part. */
export async function driveCoderCard({
  browser,
  appUrl,
  entityPath,
  demoToken,
  step,
}) {
  const { page, shot } = browser;
  try {
    await step('browser: sign in as guest', async () => {
      await page.goto(appUrl);
      const enter = page.getByRole('button', { name: /enter/i });
      await enter.waitFor({ timeout: 60_000 });
      await page.screenshot({ path: shot('1-sign-in') });
      await enter.click();
      await enter.waitFor({ state: 'detached' });
    });

    await step('browser: entity page shows the card’s link form', async () => {
      // The catalog reads our entity file shortly after the backend starts.
      await eventually(
        async () => {
          await page.goto(`${appUrl}${entityPath}`);
          await page
            .getByRole('heading', { name: CARD_TITLE })
            .waitFor({ timeout: 15_000 });
          return true;
        },
        `no "${CARD_TITLE}" card on ${entityPath}`,
        120_000,
      );
      const tokenField = page.getByLabel('Coder session token');
      await tokenField.scrollIntoViewIfNeeded();
      await page.screenshot({ path: shot('2-link-form') });
    });

    const names = await step(
      'browser: link the demo token, list workspaces',
      async () => {
        await page.getByLabel('Coder session token').fill(demoToken);
        await page.getByRole('button', { name: 'Link account' }).click();
        const list = page.getByRole('list', { name: CARD_TITLE });
        await list.waitFor();
        const listed = await eventually(
          async () => {
            const texts = await list
              .getByRole('link')
              .evaluateAll(links =>
                links.map(link => link.firstChild?.textContent?.trim()),
              );
            return texts.length > 0 && texts;
          },
          'the card listed no workspaces',
          30_000,
        );
        await list.scrollIntoViewIfNeeded();
        await page.screenshot({ path: shot('3-workspaces') });
        return listed;
      },
    );

    const started = await step(
      'browser: Start a stopped workspace, row reaches Running',
      async () => {
        // A stopped workspace (a failed one offers Start too, but is not the case here).
        let name;
        for (const candidate of names) {
          if ((await statusOf(page, candidate)).startsWith('Stopped')) {
            name = candidate;
            break;
          }
        }
        if (!name) throw new Error(`none of ${names.join(', ')} is stopped`);
        const start = page.getByRole('button', {
          name: `Start ${name}`,
          exact: true,
        });
        await start.click();
        const seen = [];
        await eventually(
          async () => {
            const status = await statusOf(page, name);
            if (seen[seen.length - 1] !== status) seen.push(status);
            return status.startsWith('Running');
          },
          () => `${name} never showed Running (saw ${seen.join(' → ')})`,
          60_000,
        );
        await page
          .getByRole('list', { name: CARD_TITLE })
          .scrollIntoViewIfNeeded();
        await page.screenshot({ path: shot('4-running') });
        return `${name}: ${seen.join(' → ')}`;
      },
    );
    return { workspaces: names, started };
  } catch (error) {
    await page.screenshot({ path: shot('failure') }).catch(() => {});
    throw error;
  }
}
