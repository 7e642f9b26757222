/*
 * Round trips: a returning user (token already linked) opens the web-app entity's card
 * with 150 ms added to every Coder response. Counts the Coder requests from navigation
 * to the painted list and how many of them had to wait for another's answer. Measured
 * at K = 3 repoUrlParamKeys (the dev app) and K = 1 (bench/threeCards.tsx): one search
 * covers every key, so the figures should not move with K.
 */
import {
  APP_URL,
  coderResourceTimings,
  fakeAdmin,
  heapUsedMb,
  openLinkedPage,
  round,
  waitForListsPainted,
} from './helpers.mjs';

/** The dev app's repoUrlParamKeys: repo_url, custom_repo, source_repo. */
export const DEV_APP_REPO_KEYS = 3;
const ADDED_LATENCY_MS = 150;
// 6 seeded web-app workspaces + every fifth bench workspace → 20 in the list.
const BENCH_WORKSPACES = 70;

/** The longest chain of requests where each starts only after the previous answered. */
function serialRoundTrips(requests) {
  const depth = new Map();
  const byStart = [...requests].sort((a, b) => a.start - b.start);
  for (const request of byStart) {
    const before = byStart.filter(
      other => other !== request && other.end <= request.start,
    );
    depth.set(
      request,
      1 + Math.max(0, ...before.map(other => depth.get(other) ?? 0)),
    );
  }
  return Math.max(0, ...depth.values());
}

const PER_WORKSPACE =
  /\/api\/v2\/(workspaces\/[0-9a-f-]{36}|workspacebuilds\/|workspaceagents\/|templateversions\/|templates\/)/;

/**
 * Options: `path` of a page with one web-app card (default: the dev app's entity page)
 * and the `repoKeys` its app is configured with.
 */
export async function measureRoundTrips({
  browser,
  path = '/entity/web-app',
  repoKeys = DEV_APP_REPO_KEYS,
}) {
  await fakeAdmin('POST', '/reset', { buildStepMs: 0 });
  await fakeAdmin('POST', '/seed', { count: BENCH_WORKSPACES });
  const { context, page } = await openLinkedPage(browser, path);
  try {
    await waitForListsPainted(page);
    await fakeAdmin('PUT', '/faults', { latencyMs: ADDED_LATENCY_MS });
    await page.goto(`${APP_URL}${path}`);
    const painted = await waitForListsPainted(page);
    await fakeAdmin('DELETE', '/faults');
    const rows = await page
      .getByRole('list', { name: 'Coder workspaces' })
      .getByRole('listitem')
      .count();
    const requests = (await coderResourceTimings(page)).filter(
      request => request.start <= painted,
    );
    const heap = await heapUsedMb(page);
    return {
      figures: {
        requests: {
          label: `Coder requests, load → list (K = ${repoKeys})`,
          value: requests.length,
          unit: '',
        },
        serialRoundTrips: {
          label: 'serial round trips',
          value: serialRoundTrips(requests),
          unit: '',
        },
        perWorkspaceRequests: {
          label: 'per-workspace requests',
          value: requests.filter(request => PER_WORKSPACE.test(request.url))
            .length,
          unit: '',
        },
        listPaintedMs: {
          label: `list painted after navigation (+${ADDED_LATENCY_MS} ms latency)`,
          value: round(painted),
          unit: 'ms',
        },
        paintAfterResponsesMs: {
          label: 'list painted after the last Coder response',
          value: round(
            painted - Math.max(...requests.map(request => request.end)),
          ),
          unit: 'ms',
        },
        heapMb: {
          label: `JS heap, ${rows} workspaces listed`,
          value: heap,
          unit: 'MB',
        },
      },
      details: {
        repoKeys,
        addedLatencyMs: ADDED_LATENCY_MS,
        workspacesListed: rows,
        requests: requests.map(
          request =>
            `${round(request.start)}–${round(request.end)} ms ${decodeURIComponent(
              new URL(request.url).pathname + new URL(request.url).search,
            ).replace(/^\/api\/proxy\/coder/, '')}`,
        ),
      },
    };
  } finally {
    await fakeAdmin('DELETE', '/faults').catch(() => {});
    await context.close();
  }
}
