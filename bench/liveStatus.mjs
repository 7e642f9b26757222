/*
 * Live status: how soon a row shows the state Coder has reached. The fake's builds take
 * 1.5 s per step (pending → starting/stopping → running/stopped); the user starts and
 * stops web-app-feature from its row five times. Coder's moments come from the builds'
 * own timestamps (job started_at / completed_at); the row's from a probe that reads
 * the card every frame. Both clocks are this machine's.
 */
import {
  coderApi,
  fakeAdmin,
  openLinkedPage,
  percentile,
  round,
  waitForListsPainted,
} from './helpers.mjs';

const WORKSPACE = 'web-app-feature';
const BUILD_STEP_MS = 1_500;
const CYCLES = 5;
const LABEL =
  /(Running|Starting|Stopping|Stopped|Pending|Deleting|Canceling|Canceled|Failed|Deleted)/;

/** In the page: every frame, note each change of a row's state and position. */
function installRowProbe([name, labelSource]) {
  const label = new RegExp(labelSource);
  const seen = { changes: [], positions: [] };
  window.__liveStatus = seen;
  let lastState;
  let lastIndex;
  const look = () => {
    const rows = [...document.querySelectorAll('ul[aria-labelledby] > li')];
    const index = rows.findIndex(row =>
      row.querySelector('a')?.textContent?.trim().startsWith(name),
    );
    const row = rows[index];
    const state = row ? label.exec(row.textContent ?? '')?.[1] : undefined;
    if (state && state !== lastState) {
      seen.changes.push({ state, at: Date.now() });
      lastState = state;
    }
    if (index !== -1 && index !== lastIndex) {
      seen.positions.push({ index, state, at: Date.now() });
      lastIndex = index;
    }
    requestAnimationFrame(look);
  };
  look();
}

const micros = text => Date.parse(text);

/** Coder's moments for one build: when it began to work, and when it finished. */
function coderMoments(build) {
  const working = build.transition === 'start' ? 'Starting' : 'Stopping';
  const done = build.transition === 'start' ? 'Running' : 'Stopped';
  return [
    { state: working, at: micros(build.job.started_at) },
    { state: done, at: micros(build.job.completed_at) },
  ];
}

async function waitForStatus(id, status) {
  const started = Date.now();
  for (;;) {
    const workspace = await coderApi('GET', `/api/v2/workspaces/${id}`);
    if (
      workspace.latest_build.status === status &&
      workspace.latest_build.resources.every(resource =>
        (resource.agents ?? []).every(agent => agent.status !== 'connecting'),
      )
    ) {
      return workspace;
    }
    if (Date.now() - started > 30_000) {
      throw new Error(`${WORKSPACE} never reached ${status}`);
    }
    await new Promise(resolve => setTimeout(resolve, 200));
  }
}

export async function measureLiveStatus({ browser }) {
  await fakeAdmin('POST', '/reset', { buildStepMs: BUILD_STEP_MS });
  const { context, page } = await openLinkedPage(browser, '/entity/web-app');
  try {
    await waitForListsPainted(page);
    const { workspaces } = await coderApi(
      'GET',
      `/api/v2/workspaces?q=${encodeURIComponent(`owner:me name:${WORKSPACE}`)}`,
    );
    const { id } = workspaces.find(workspace => workspace.name === WORKSPACE);
    await page.evaluate(installRowProbe, [WORKSPACE, LABEL.source]);
    const clickedAt = Date.now();

    for (let cycle = 0; cycle < CYCLES; cycle++) {
      await page.getByRole('button', { name: `Start ${WORKSPACE}` }).click();
      await waitForStatus(id, 'running');
      await page
        .getByRole('list', { name: 'Coder workspaces' })
        .getByText('Running', { exact: true })
        .first()
        .waitFor();
      await page
        .getByRole('button', { name: `More actions for ${WORKSPACE}` })
        .click();
      await page.getByRole('menuitem', { name: 'Stop' }).click();
      await waitForStatus(id, 'stopped');
      await page.waitForFunction(
        () => window.__liveStatus.changes.at(-1)?.state === 'Stopped',
      );
    }

    const builds = await coderApi(
      'GET',
      `/api/v2/workspaces/${id}/builds?limit=${CYCLES * 2}`,
    );
    const moments = builds
      .filter(build => micros(build.created_at) >= clickedAt - 1000)
      .flatMap(coderMoments)
      .sort((a, b) => a.at - b.at);
    const { changes, positions } = await page.evaluate(
      () => window.__liveStatus,
    );
    // Each Coder moment: the first time after it that the row showed that state.
    const lags = moments.map(moment => {
      const shown = changes.find(
        change => change.state === moment.state && change.at >= moment.at - 50,
      );
      return shown ? Math.max(0, shown.at - moment.at) : Infinity;
    });
    const missed = lags.filter(lag => lag === Infinity).length;
    const finite = lags.filter(Number.isFinite);
    const intermediate = changes.filter(change =>
      ['Starting', 'Stopping'].includes(change.state),
    ).length;
    return {
      figures: {
        rowShowsStateP50Ms: {
          label: `Coder reaches a state → the row shows it (p50, ${moments.length} states, ${BUILD_STEP_MS} ms build steps)`,
          value: round(percentile(finite, 50)),
          unit: 'ms',
        },
        rowShowsStateP95Ms: {
          label: 'Coder reaches a state → the row shows it (p95)',
          value: missed > 0 ? 99_999 : round(percentile(finite, 95)),
          unit: 'ms',
        },
        intermediateStatesShown: {
          label: `Starting/Stopping shown (of ${CYCLES * 2} builds)`,
          value: intermediate,
          unit: '',
        },
        rowMoves: {
          label: 'times the row moved while its workspace changed state',
          value: Math.max(0, positions.length - 1),
          unit: '',
        },
      },
      details: {
        lagsMs: lags.map(lag => (Number.isFinite(lag) ? round(lag) : 'never')),
        rowStates: changes.map(change => change.state),
        positions,
      },
    };
  } finally {
    await fakeAdmin('POST', '/reset', { buildStepMs: 0 });
    await context.close();
  }
}
