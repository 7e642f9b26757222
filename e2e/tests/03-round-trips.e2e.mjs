/* eslint-disable no-console */
/*
 * What a returning user costs Coder: requests and serial round trips from page load to
 * the list, with 150 ms of latency added by the fake Coder so sequencing shows.
 */
import { writeFile } from 'node:fs/promises';
import { APP_URL } from '../../dev/stack.mjs';
import { assert, DEMO_TOKEN, openEntity, submitToken } from '../lib/app.mjs';
import { fakeCoder } from '../lib/fakeCoder.mjs';

const REPO_KEYS = 3; // the dev app's repoUrlParamKeys: repo_url, custom_repo, source_repo
// users/me beside one search that covers every key: the budget does not grow with K.
const REQUEST_BUDGET = 2;

export const tests = [
  {
    name: 'a returning user sees the list after one round trip of at most 2 requests, with K = 3',
    async run({ page }) {
      await openEntity(page, 'web-app');
      await submitToken(page, DEMO_TOKEN);
      await page.getByRole('list', { name: 'Coder workspaces' }).waitFor();
      await fakeCoder.setFaults({ latencyMs: 150 });

      const timings = new Map();
      const started = Date.now();
      page.on('request', request => {
        if (request.url().includes('/api/proxy/coder/')) {
          timings.set(request, {
            url: request.url(),
            start: Date.now() - started,
          });
        }
      });
      page.on('requestfinished', request => {
        const timing = timings.get(request);
        if (timing) timing.end = Date.now() - started;
      });
      await page.goto(`${APP_URL}/entity/web-app`);
      await page.getByRole('list', { name: 'Coder workspaces' }).waitFor();
      const painted = Date.now() - started;
      await fakeCoder.clearFaults();

      const requests = [...timings.values()].filter(
        timing => timing.start <= painted,
      );
      // A round trip is serial when it starts only after another Coder response arrived.
      const firstEnd = Math.min(
        ...requests.map(timing => timing.end ?? Infinity),
      );
      const serial = requests.filter(timing => timing.start >= firstEnd).length;
      const perWorkspace = requests.filter(timing =>
        /\/workspaces\/[0-9a-f-]{36}|\/icon\//.test(timing.url),
      );
      const figures = {
        repoKeys: REPO_KEYS,
        requestsToCoder: requests.length,
        roundTrips: 1 + serial,
        perWorkspaceRequests: perWorkspace.length,
        listPaintedMs: painted,
        addedLatencyMs: 150,
        requests: requests.map(
          timing =>
            `${timing.start}-${timing.end}ms ${new URL(timing.url).pathname}`,
        ),
      };
      console.log(`      ${JSON.stringify(figures)}`);
      await writeFile(
        'test-results/round-trips.json',
        JSON.stringify(figures, null, 2),
      );
      assert(
        figures.requestsToCoder <= REQUEST_BUDGET,
        `${figures.requestsToCoder} requests (budget ${REQUEST_BUDGET})`,
      );
      assert(
        figures.roundTrips === 1,
        `${figures.roundTrips} serial round trips (budget 1)`,
      );
      assert(
        figures.perWorkspaceRequests === 0,
        'requests per workspace or icon went through the proxy',
      );
    },
  },
];
