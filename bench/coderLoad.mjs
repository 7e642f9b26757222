/*
 * Load on Coder: what one page with three workspace cards for the same entity asks of
 * Coder, counted in the fake Coder's request log: on load, per minute when idle, while a
 * workspace transitions, while the tab is hidden, and for a search Coder rejected.
 */
import { spawn } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { stopChildren, waitForUrl } from '../dev/stack.mjs';
import {
  APP_URL,
  coderApi,
  coderRequests,
  fakeAdmin,
  fromPage,
  openLinkedPage,
  round,
  sleep,
  waitForListsPainted,
} from './helpers.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const CARDS = 3;
// Longer than two 60 s polls of the list (one search per card, whatever K).
const IDLE_WINDOW_MS = 125_000;
const HIDDEN_WINDOW_MS = 15_000;
const REJECTED_WINDOW_MS = 10_000;
// Each build phase lasts this long, so a stop takes ~50 s: hidden first, then visible.
const BUILD_STEP_MS = 25_000;
const WEB_APP_MAIN = 'c0de0004-0000-4000-8000-000000000001';

/**
 * The dev app has one card per page and dev/ is not ours to change, so the bench swaps
 * the stack's dev app for bench/threeCards.tsx on the same port.
 */
async function startThreeCardsApp(stack) {
  const devApp = stack.children.find(child => child.label === 'dev app');
  if (devApp) {
    await stopChildren([devApp]);
    stack.children.splice(stack.children.indexOf(devApp), 1);
  }
  const app = spawn(
    path.join(root, 'node_modules', '.bin', 'backstage-cli'),
    ['package', 'start', '--entrypoint', 'bench/threeCards'],
    {
      cwd: root,
      env: { ...process.env, CODER_URL: stack.coderUrl, BROWSER: 'none' },
      stdio: ['ignore', 'ignore', 'ignore'],
      detached: true,
    },
  );
  app.label = 'three-cards app';
  stack.children.push(app);
  await waitForUrl(APP_URL, { child: app, timeoutMs: 300_000 });
}

/** In the page: what a browser does when the tab goes to the background and back. */
function setTabHidden(hidden) {
  if (hidden) {
    Object.defineProperty(document, 'visibilityState', {
      configurable: true,
      get: () => 'hidden',
    });
    Object.defineProperty(document, 'hidden', {
      configurable: true,
      get: () => true,
    });
  } else {
    delete document.visibilityState;
    delete document.hidden;
  }
  document.dispatchEvent(new Event('visibilitychange', { bubbles: true }));
  return { visibilityState: document.visibilityState, hidden: document.hidden };
}

async function countDuring(ms, filter = () => true) {
  await fakeAdmin('DELETE', '/requests');
  const started = Date.now();
  await sleep(ms);
  const requests = fromPage(await coderRequests()).filter(filter);
  return { count: requests.length, minutes: (Date.now() - started) / 60_000 };
}

const perMinute = ({ count, minutes }) => round(count / minutes, 1);

export async function measureCoderLoad({ browser, stack }) {
  await startThreeCardsApp(stack);
  await fakeAdmin('POST', '/reset', { buildStepMs: 0 });
  const { context, page } = await openLinkedPage(browser, '/three-cards');
  try {
    await waitForListsPainted(page, CARDS);

    // Page load: three cards, one set of requests.
    await fakeAdmin('DELETE', '/requests');
    await page.goto(`${APP_URL}/three-cards`);
    await waitForListsPainted(page, CARDS);
    await page.waitForLoadState('networkidle');
    const load = fromPage(await coderRequests());

    // Idle: nothing changes anywhere.
    const idle = await countDuring(IDLE_WINDOW_MS);

    // A workspace stops (from elsewhere); the user refreshes one card and sees it.
    await fakeAdmin('PUT', '/config', { buildStepMs: BUILD_STEP_MS });
    await coderApi('POST', `/api/v2/workspaces/${WEB_APP_MAIN}/builds`, {
      transition: 'stop',
    });
    await page
      .getByRole('button', { name: 'Refresh workspaces' })
      .first()
      .click();
    await page.getByText('Pending').first().waitFor({ timeout: 15_000 });

    // Hidden tab while the workspace transitions: polling must pause.
    const hiddenState = await page.evaluate(setTabHidden, true);
    const hidden = await countDuring(HIDDEN_WINDOW_MS);
    const stillHidden = await page.evaluate(() => document.visibilityState);
    await page.evaluate(setTabHidden, false);
    const onReturn = await countDuring(3_000);

    // Visible again, still transitioning: count until the stop has finished.
    await fakeAdmin('DELETE', '/requests');
    const transitionFrom = Date.now();
    for (;;) {
      const workspace = await coderApi(
        'GET',
        `/api/v2/workspaces/${WEB_APP_MAIN}`,
      );
      if (workspace.latest_build.status === 'stopped') break;
      if (Date.now() - transitionFrom > 3 * BUILD_STEP_MS) {
        throw new Error('the stop never finished');
      }
      await sleep(500);
    }
    const transitioning = {
      count: fromPage(await coderRequests()).length,
      minutes: (Date.now() - transitionFrom) / 60_000,
    };
    await fakeAdmin('PUT', '/config', { buildStepMs: 0 });

    // A search Coder rejects (400): asked once; asking again cannot change the answer.
    await page
      .getByRole('textbox', { name: 'Search workspaces' })
      .first()
      .fill('owner:me colour:red');
    await page
      .getByText(/is not a valid query param/)
      .first()
      .waitFor({ timeout: 15_000 });
    const rejected = await countDuring(REJECTED_WINDOW_MS, request =>
      decodeURIComponent(request.url).includes('colour'),
    );

    return {
      figures: {
        threeCardsLoadRequests: {
          label: `requests to load ${CARDS} cards (K = 3)`,
          value: load.length,
          unit: '',
        },
        idlePerMinute: {
          label: `idle, ${CARDS} cards`,
          value: perMinute(idle),
          unit: '/min',
        },
        transitioningPerMinute: {
          label: `a workspace transitioning, ${CARDS} cards (followed every 2 s)`,
          value: perMinute(transitioning),
          unit: '/min',
        },
        hiddenPerMinute: {
          label: 'tab hidden (during a transition)',
          value: perMinute(hidden),
          unit: '/min',
        },
        onReturnRequests: {
          label: 'requests when the tab is shown again',
          value: onReturn.count,
          unit: '',
        },
        rejectedSearchPerMinute: {
          label: 'repeats of a search Coder rejected (400)',
          value: perMinute(rejected),
          unit: '/min',
        },
      },
      details: {
        cards: CARDS,
        loadRequests: load.map(request => decodeURIComponent(request.url)),
        windows: {
          idle: { ...idle, seconds: round(idle.minutes * 60) },
          transitioning: {
            ...transitioning,
            seconds: round(transitioning.minutes * 60),
          },
          hidden: { ...hidden, seconds: round(hidden.minutes * 60) },
          rejected: { ...rejected, seconds: round(rejected.minutes * 60) },
        },
        hiddenTab: {
          how: 'document.visibilityState/hidden overridden and visibilitychange dispatched (headless Chromium never hides a page)',
          readBack: hiddenState,
          stillHiddenAtEnd: stillHidden,
        },
      },
    };
  } finally {
    await fakeAdmin('PUT', '/config', { buildStepMs: 0 }).catch(() => {});
    await context.close();
  }
}
