/*
 * The card as a new user meets it: it keeps the user's place and tells the truth.
 */
import { entityUrl, screenshotPath } from '../lib/system.mjs';
import { fakeCoder } from '../lib/fakeCoder.mjs';
import {
  assert,
  assertEqual,
  DEMO_TOKEN,
  eventually,
  openEntity,
  submitToken,
} from '../lib/app.mjs';

const BOTH = ['legacy', 'new'];

async function linkDemo(page, entity) {
  await openEntity(page, entity);
  await submitToken(page, DEMO_TOKEN);
  await page.getByRole('list', { name: 'Coder workspaces' }).waitFor();
}

/** Moves to another page inside the app, as a sidebar or catalog link does (no reload). */
async function navigateInApp(page, url) {
  await page.evaluate(target => {
    window.history.pushState({}, '', target);
    window.dispatchEvent(new PopStateEvent('popstate'));
  }, new URL(url).pathname);
}

/**
 * In the page: records each state a row shows and where the row is, every frame, from
 * now on (window.__rowWatch).
 */
function watchRow(name) {
  const watch = { states: [], indexes: [] };
  window.__rowWatch = watch;
  const label =
    /(Running|Starting|Stopping|Stopped|Pending|Deleting|Canceling|Failed)/;
  const look = () => {
    const rows = [...document.querySelectorAll('ul[aria-labelledby] > li')];
    const index = rows.findIndex(row =>
      row.querySelector('a')?.textContent?.trim().startsWith(name),
    );
    const state =
      index === -1 ? undefined : label.exec(rows[index].textContent)?.[1];
    if (state && state !== watch.states.at(-1)?.state) {
      watch.states.push({ state, at: Date.now() });
    }
    if (index !== -1 && index !== watch.indexes.at(-1))
      watch.indexes.push(index);
    requestAnimationFrame(look);
  };
  look();
}

/** When Coder's build reached its working state and finished (ms since the epoch). */
async function buildMoments(workspaceId) {
  const [build] = await fakeCoder.coder(
    'GET',
    `/api/v2/workspaces/${workspaceId}/builds?limit=1`,
  );
  return {
    working: Date.parse(build.job.started_at),
    done: Date.parse(build.job.completed_at),
  };
}

const searchBox = page =>
  page.getByRole('textbox', { name: 'Search workspaces' });

export const tests = [
  {
    name: 'a search stays with its entity: another entity starts afresh, Back and reload keep it',
    systems: BOTH,
    async run({ page }) {
      await linkDemo(page, 'web-app');
      await searchBox(page).fill('owner:me status:stopped');
      await eventually(
        async () =>
          new URL(page.url()).searchParams.get('coder-search') ===
          'owner:me status:stopped',
        () => `the search is not in the URL: ${page.url()}`,
      );

      await navigateInApp(page, entityUrl('payments-api'));
      await eventually(
        async () => (await searchBox(page).inputValue()) === 'owner:me',
        'the next entity inherited the search',
      );
      await page
        .getByRole('list', { name: 'Coder workspaces' })
        .getByRole('link', { name: /payments-api/ })
        .first()
        .waitFor();

      await page.goBack();
      await eventually(
        async () =>
          (await searchBox(page).inputValue()) === 'owner:me status:stopped',
        'Back did not restore the search',
      );
      await page.reload();
      await eventually(
        async () =>
          (await searchBox(page).inputValue()) === 'owner:me status:stopped',
        'a reload lost the search',
      );
      assertEqual(
        new URL(page.url()).pathname,
        new URL(entityUrl('web-app')).pathname,
        'page',
      );
    },
  },
  {
    name: 'a start and a stop show Starting and Stopping live, each state within 2.5 s of Coder, and the row never moves',
    systems: BOTH,
    async run({ page }) {
      await fakeCoder.reset({ buildStepMs: 1500 });
      await linkDemo(page, 'web-app');
      const name = 'web-app-feature';
      const id = await fakeCoder.workspaceId(name);
      await page.evaluate(watchRow, name);
      const lags = [];
      const lagOf = async (state, at) => {
        await eventually(
          () =>
            page.evaluate(
              ([wanted, since]) =>
                window.__rowWatch.states.some(
                  entry => entry.state === wanted && entry.at >= since - 50,
                ),
              [state, at],
            ),
          `the row never showed ${state}`,
        );
        const shown = await page.evaluate(
          ([wanted, since]) =>
            window.__rowWatch.states.find(
              entry => entry.state === wanted && entry.at >= since - 50,
            ).at,
          [state, at],
        );
        lags.push({ state, ms: Math.max(0, shown - at) });
      };

      await page.getByRole('button', { name: `Start ${name}` }).click();
      await eventually(
        async () =>
          (await fakeCoder.coder('GET', `/api/v2/workspaces/${id}`))
            .latest_build.status === 'running',
        'Coder never started it',
      );
      const start = await buildMoments(id);
      await lagOf('Starting', start.working);
      await lagOf('Running', start.done);

      await page
        .getByRole('button', { name: `More actions for ${name}` })
        .click();
      await page.getByRole('menuitem', { name: 'Stop' }).click();
      await eventually(
        async () =>
          (await fakeCoder.coder('GET', `/api/v2/workspaces/${id}`))
            .latest_build.status === 'stopped',
        'Coder never stopped it',
      );
      const stop = await buildMoments(id);
      await lagOf('Stopping', stop.working);
      await lagOf('Stopped', stop.done);

      const slow = lags.filter(lag => lag.ms > 2500);
      assert(slow.length === 0, `shown late: ${JSON.stringify(lags)}`);
      const indexes = await page.evaluate(() => window.__rowWatch.indexes);
      assertEqual(indexes.length, 1, `row positions ${indexes}`);
    },
  },
  {
    name: 'the header button stays on the workspace it started; a second click 1 s later starts nothing else',
    // The new-system dev app's entity page has no header button: its About card links
    // to Coder instead (see 10-new-system).
    systems: ['legacy'],
    async run({ page }) {
      await fakeCoder.reset({ buildStepMs: 1500 });
      await linkDemo(page, 'payments-api');
      const header = page.locator('header');
      const start = header.getByRole('button', { name: 'Start payments-api' });
      await start.waitFor({ timeout: 20_000 });
      await fakeCoder.clearRequests();
      await start.click();
      const starting = header.getByRole('button', {
        name: 'Starting payments-api…',
      });
      await starting.waitFor();
      assert(await starting.isDisabled(), 'Starting… is disabled');
      await page.waitForTimeout(1000);
      // A second click where the button was: it must not start anything else.
      await header
        .getByRole('button')
        .first()
        .click({ force: true })
        .catch(() => {});
      assertEqual(
        await header.getByRole('button', { name: /payments-archive/ }).count(),
        0,
        'buttons naming the dormant payments-archive',
      );
      await header
        .getByRole('link', { name: 'Open payments-api in Coder' })
        .waitFor({ timeout: 30_000 });
      const builds = (await fakeCoder.requests()).filter(
        request => request.method === 'POST' && /\/builds$/.test(request.url),
      );
      assertEqual(builds.length, 1, 'builds requested');
    },
  },
  {
    name: 'the card at 1440 and 800 px, light and dark (screenshots)',
    systems: BOTH,
    async run({ page }) {
      await linkDemo(page, 'web-app');
      for (const theme of ['light', 'dark']) {
        await page.evaluate(
          id => window.localStorage.setItem('theme', id),
          theme,
        );
        for (const width of [1440, 800]) {
          await page.setViewportSize({ width, height: 1000 });
          await page.reload();
          const list = page.getByRole('list', { name: 'Coder workspaces' });
          await list.waitFor();
          await list.getByText('Failed').first().waitFor();
          // Nothing may stick out of the card, at either width.
          const overflow = await page.evaluate(() =>
            [...document.querySelectorAll('ul[aria-labelledby] > li')].some(
              row => row.scrollWidth > row.clientWidth + 1,
            ),
          );
          assert(!overflow, `a row overflows at ${width} px (${theme})`);
          // The card itself: in the new system it sits below the About card.
          await page
            .getByRole('heading', { name: 'Coder workspaces' })
            .locator('xpath=ancestor::*[contains(@class, "MuiCard-root")][1]')
            .screenshot({ path: screenshotPath(`card-${width}-${theme}.png`) });
        }
      }
      await page.evaluate(() => window.localStorage.removeItem('theme'));
    },
  },
  {
    name: 'links into the dev Coder open real pages: the session token, a workspace, its build logs',
    systems: BOTH,
    async run({ page, context }) {
      await openEntity(page, 'web-app');
      const opened = async link => {
        const [tab] = await Promise.all([
          context.waitForEvent('page'),
          link.click(),
        ]);
        await tab.waitForLoadState();
        return tab;
      };
      const tokenPage = await opened(
        page.getByRole('link', { name: /Get a session token from Coder/ }),
      );
      const token = await tokenPage
        .getByRole('textbox', { name: 'Session token' })
        .inputValue();
      assertEqual(token, DEMO_TOKEN, 'the token Coder shows');
      await tokenPage.close();

      await submitToken(page, token);
      const list = page.getByRole('list', { name: 'Coder workspaces' });
      await list.waitFor();
      const workspacePage = await opened(
        list.getByRole('link', { name: /^web-app-main/ }),
      );
      await workspacePage
        .getByRole('heading', { level: 1, name: /web-app-main/ })
        .waitFor();
      await workspacePage.close();

      const logsPage = await opened(
        list.getByRole('link', { name: /Build logs of web-app-broken/ }),
      );
      await logsPage
        .getByText(/Unable to pull image/)
        .first()
        .waitFor();
      await logsPage.close();
    },
  },
  {
    name: '“Show more” appends the next page where the user is, keeping keyboard focus',
    systems: BOTH,
    async run({ page }) {
      // Every fifth seeded workspace is on acme/web-app: 150 → 30 more rows.
      await fakeCoder.seed(150);
      await linkDemo(page, 'web-app');
      const list = page.getByRole('list', { name: 'Coder workspaces' });
      await eventually(
        async () => (await list.getByRole('listitem').count()) === 25,
        'the first page has 25 rows',
      );
      const more = page.getByRole('button', { name: /^Show more/ });
      await more.focus();
      const before = await page.evaluate(() => window.scrollY);
      await page.keyboard.press('Enter');
      await eventually(
        async () => (await list.getByRole('listitem').count()) > 25,
        'the next page never arrived',
      );
      const focused = await page.evaluate(
        () =>
          document.activeElement?.textContent ??
          document.activeElement?.tagName,
      );
      assert(
        /Show more|web-app|bench/i.test(focused ?? ''),
        `focus went elsewhere: ${focused}`,
      );
      const after = await page.evaluate(() => window.scrollY);
      assert(after >= before, `the page scrolled up: ${before} → ${after}`);
    },
  },
];
