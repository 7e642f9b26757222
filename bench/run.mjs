/* eslint-disable no-console */
/*
 * `npm run bench`: bundle size, round trips, big lists and load on Coder, measured in
 * headless Chromium through the real chain (fake Coder → Backstage proxy → dev app).
 * Prints a table and writes bench/results.json, budgets missed included; `npm run
 * bench:check` turns misses into an exit code. Beside a running `npm start`, move the
 * ports: DEV_APP_PORT=13000 DEV_BACKEND_PORT=17007 FAKE_CODER_PORT=13900 npm run bench
 */
import { writeFile } from 'node:fs/promises';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { APP_URL, FAKE_CODER_URL, startStack } from '../dev/stack.mjs';
import { launchBrowser } from '../e2e/lib/browser.mjs';
import { measureBigLists } from './bigLists.mjs';
import { measureBundle } from './bundle.mjs';
import { checkBudgets, readBudgets } from './check.mjs';
import { measureCoderLoad } from './coderLoad.mjs';
import { measureLiveStatus } from './liveStatus.mjs';
import { measureRoundTrips } from './roundTrips.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));

// dev/stack.mjs's startFakeCoder checks that port 3900 is free whatever FAKE_CODER_PORT
// says, so a moved stack cannot start beside `npm start`. Until it checks the moved port,
// point that one check there.
const fakeCoderPort = Number(process.env.FAKE_CODER_PORT || 3900);
if (fakeCoderPort !== 3900) {
  const listen = net.Server.prototype.listen;
  net.Server.prototype.listen = function listenOnMovedPort(port, ...rest) {
    return listen.call(this, port === 3900 ? fakeCoderPort : port, ...rest);
  };
}

const groups = {};
const started = Date.now();
const elapsed = () => `${((Date.now() - started) / 1000).toFixed(0)} s`;

// BENCH_ONLY=liveStatus,roundTrips measures those groups alone (while working on them).
const only = process.env.BENCH_ONLY?.split(',').filter(Boolean);

async function measure(name, run) {
  if (only && !only.includes(name)) return;
  console.log(`bench: ${name}… (${elapsed()})`);
  try {
    groups[name] = await run();
  } catch (error) {
    console.log(`bench: ${name} failed: ${error?.stack ?? error}`);
    groups[name] = { error: String(error?.message ?? error) };
  }
}

await measure('bundle', measureBundle);

console.log(
  `bench: starting the stack (app ${APP_URL}, Coder ${FAKE_CODER_URL})…`,
);
const stackLog = [];
const stack = await startStack({
  // The measured pages are the classic dev app's (/entity/web-app): one card, no catalog.
  system: 'legacy',
  fakeCoderArgs: ['--build-step-ms', '0', '--quiet'],
  log: (label, text) => stackLog.push(`[${label}] ${text}`),
});
let browser;
try {
  browser = await launchBrowser();
  await measure('roundTrips', () => measureRoundTrips({ browser }));
  await measure('bigLists', () => measureBigLists({ browser }));
  await measure('liveStatus', () => measureLiveStatus({ browser }));
  // Last: it replaces the dev app with the three-card bench app…
  await measure('coderLoad', () => measureCoderLoad({ browser, stack }));
  // …whose second page has one repository parameter.
  await measure('roundTripsOneKey', () =>
    measureRoundTrips({ browser, path: '/one-repo-key', repoKeys: 1 }),
  );
} finally {
  await browser?.close();
  await stack.stop();
}

const budgets = await readBudgets();
const results = {
  generatedAt: new Date().toISOString(),
  environment: {
    node: process.version,
    chromium: browser?.version(),
    cpus: os.cpus().length,
    app: 'dev app (development build, React development mode)',
    seconds: Math.round((Date.now() - started) / 1000),
  },
  groups,
};
const verdicts = checkBudgets(results, budgets);
results.budgets = verdicts;
await writeFile(
  path.join(here, 'results.json'),
  `${JSON.stringify(results, null, 2)}\n`,
);

const verdictByKey = new Map(verdicts.map(verdict => [verdict.key, verdict]));
const rows = [['group', 'figure', 'value', 'budget', '']];
for (const [group, result] of Object.entries(groups)) {
  if (result.error) {
    rows.push([group, `FAILED: ${result.error}`, '', '', '']);
    continue;
  }
  for (const [name, figure] of Object.entries(result.figures)) {
    const verdict = verdictByKey.get(`${group}.${name}`);
    let status = '';
    if (verdict) status = verdict.ok ? 'ok' : 'MISSED';
    const unit = figure.unit ? ` ${figure.unit}` : '';
    rows.push([
      group,
      figure.label,
      `${figure.value ?? '–'}${unit}`,
      verdict?.limit ?? '',
      status,
    ]);
  }
}
const widths = rows[0].map((_, column) =>
  Math.max(...rows.map(row => row[column].length)),
);
for (const [index, row] of rows.entries()) {
  console.log(
    row.map((cell, column) => cell.padEnd(widths[column])).join('  '),
  );
  if (index === 0)
    console.log(widths.map(width => '─'.repeat(width)).join('  '));
}
const contributors = groups.bundle?.details?.topContributors;
for (const [part, list] of Object.entries(contributors ?? {})) {
  console.log(
    `\nTop contributors to the bundle, ${part} (minified bytes, before gzip):`,
  );
  for (const { input, minifiedBytes } of list) {
    console.log(`  ${String(minifiedBytes).padStart(7)} B  ${input}`);
  }
}
const missed = verdicts.filter(verdict => !verdict.ok);
console.log(
  `\nbench: ${verdicts.length - missed.length} budgets met, ${missed.length} missed; bench/results.json written (${elapsed()}).`,
);
