/*
 * Shared by the bench groups: the fake Coder's admin API, a linked page, in-page timing
 * probes and small statistics.
 */
import { APP_URL, FAKE_CODER_URL } from '../dev/stack.mjs';
import { signInAsGuest } from '../e2e/lib/browser.mjs';
import { DEMO_TOKEN } from '../e2e/lib/app.mjs';

export { APP_URL, DEMO_TOKEN, FAKE_CODER_URL };

const TOKEN_STORAGE_KEY = 'backstage-plugin-coder/session-token';

/** Calls the fake Coder's admin API (`/__fake/*`). */
export async function fakeAdmin(method, path, body) {
  const res = await fetch(`${FAKE_CODER_URL}/__fake${path}`, {
    method,
    headers: { 'content-type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  if (!res.ok) {
    throw new Error(
      `fake Coder ${method} ${path}: ${res.status} ${await res.text()}`,
    );
  }
  const text = await res.text();
  return text ? JSON.parse(text) : undefined;
}

/** Requests Coder (the fake) received since the log was last cleared, admin calls excluded. */
export async function coderRequests() {
  return fakeAdmin('GET', '/requests');
}

/**
 * Calls the fake Coder's API as the demo user, bypassing the browser. Marked so these
 * calls can be told apart from the card's in the request log.
 */
export async function coderApi(method, path, body) {
  const res = await fetch(`${FAKE_CODER_URL}${path}`, {
    method,
    headers: {
      'Coder-Session-Token': DEMO_TOKEN,
      'Content-Type': 'application/json',
      'X-Bench': 'setup',
    },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  if (!res.ok) {
    throw new Error(
      `Coder ${method} ${path}: ${res.status} ${await res.text()}`,
    );
  }
  return res.json();
}

/** Requests made by the page (not by the bench's own setup calls). */
export function fromPage(requests) {
  return requests.filter(request => request.headers['x-bench'] !== 'setup');
}

/*
 * Runs in the page before any of its scripts: long tasks, keystroke → next frame,
 * and the refresh button's `disabled` flips (it is disabled exactly while the card's
 * searches are in flight, and re-enabled in the commit that renders their result).
 */
function installProbes() {
  const nextFrame = callback =>
    requestAnimationFrame(() => {
      const channel = new MessageChannel();
      channel.port1.onmessage = () => callback(performance.now());
      channel.port2.postMessage(undefined);
    });
  const probes = {
    longTasks: [],
    keystrokes: [],
    fetchFlips: [],
    nextFrame,
  };
  window.__bench = probes;
  try {
    new PerformanceObserver(list => {
      for (const entry of list.getEntries()) {
        probes.longTasks.push({
          start: entry.startTime,
          duration: entry.duration,
        });
      }
    }).observe({ type: 'longtask', buffered: true });
  } catch {
    // long tasks unsupported: the figures say so
    probes.longTasks = undefined;
  }
  document.addEventListener(
    'keydown',
    event => {
      if (!(event.target instanceof HTMLInputElement)) return;
      const keystroke = { key: event.key, start: event.timeStamp };
      probes.keystrokes.push(keystroke);
      nextFrame(now => {
        keystroke.echoMs = now - keystroke.start;
      });
    },
    true,
  );
  const watch = () =>
    new MutationObserver(mutations => {
      for (const mutation of mutations) {
        const target = mutation.target;
        if (target.getAttribute?.('aria-label') !== 'Refresh workspaces') {
          continue;
        }
        const flip = {
          at: performance.now(),
          disabled: target.hasAttribute('disabled'),
        };
        probes.fetchFlips.push(flip);
        if (!flip.disabled) {
          nextFrame(now => {
            flip.paintedAt = now;
          });
        }
      }
    }).observe(document.documentElement, {
      subtree: true,
      attributes: true,
      attributeFilter: ['disabled'],
    });
  if (document.documentElement) watch();
  else document.addEventListener('DOMContentLoaded', watch);
}

/**
 * A page signed in to Backstage with the demo token already linked (a returning user),
 * opened at `path`. The probes above are installed in every document it loads.
 */
export async function openLinkedPage(browser, path) {
  const context = await browser.newContext({
    viewport: { width: 1280, height: 900 },
  });
  // A link belongs to the Backstage user who made it (the token's owner is stored
  // beside it): the dev app's guest.
  await context.addInitScript(
    ([key, token, owner]) => {
      if (!window.localStorage.getItem(key)) {
        window.localStorage.setItem(`${key}:owner`, owner);
        window.localStorage.setItem(key, token);
      }
    },
    [TOKEN_STORAGE_KEY, DEMO_TOKEN, 'user:development/guest'],
  );
  await context.addInitScript(installProbes);
  const page = await context.newPage();
  await signInAsGuest(page, `${APP_URL}${path}`);
  return { context, page };
}

/**
 * In the page: resolves with `performance.now()` of the first frame in which `count`
 * workspace lists with at least one row exist.
 */
export async function waitForListsPainted(page, count = 1, timeout = 120_000) {
  const handle = await page.waitForFunction(
    expected => {
      const lists = [
        ...document.querySelectorAll('ul[aria-labelledby]'),
      ].filter(list => list.querySelector('li'));
      return lists.length >= expected && performance.now();
    },
    count,
    { polling: 'raf', timeout },
  );
  return handle.jsonValue();
}

/** The page's Coder requests (Resource Timing), times relative to navigation start. */
export async function coderResourceTimings(page) {
  return page.evaluate(() =>
    performance
      .getEntriesByType('resource')
      .filter(entry => entry.name.includes('/api/proxy/coder/'))
      .map(entry => ({
        url: entry.name,
        start: entry.startTime,
        end: entry.responseEnd,
      })),
  );
}

/** JS heap in use after a forced garbage collection, in MB. */
export async function heapUsedMb(page) {
  const cdp = await page.context().newCDPSession(page);
  try {
    await cdp.send('HeapProfiler.collectGarbage');
    await cdp.send('Performance.enable');
    const { metrics } = await cdp.send('Performance.getMetrics');
    const used = metrics.find(metric => metric.name === 'JSHeapUsedSize');
    return round(used.value / 1024 / 1024, 1);
  } finally {
    await cdp.detach();
  }
}

/** The p-th percentile (0–100) of `values`, nearest rank. */
export function percentile(values, p) {
  if (values.length === 0) return undefined;
  const sorted = [...values].sort((a, b) => a - b);
  const rank = Math.ceil((p / 100) * sorted.length);
  return sorted[Math.min(sorted.length, Math.max(1, rank)) - 1];
}

export function round(value, digits = 0) {
  if (value === undefined || value === null || Number.isNaN(value)) {
    return value;
  }
  const factor = 10 ** digits;
  return Math.round(value * factor) / factor;
}

export const sleep = ms => new Promise(resolve => setTimeout(resolve, ms));
