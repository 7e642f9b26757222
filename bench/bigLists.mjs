/*
 * Big lists: 5,000 workspaces on the entity's repository. How long the card takes to
 * show them once Coder has answered, whether every one stays reachable, how much memory
 * the tab holds, whether scrolling janks, and how typing in the search box feels.
 */
import {
  APP_URL,
  coderApi,
  coderResourceTimings,
  fakeAdmin,
  heapUsedMb,
  openLinkedPage,
  percentile,
  round,
  sleep,
  waitForListsPainted,
} from './helpers.mjs';

// The fake puts every fifth bench workspace on acme/web-app (a quarter of them, less
// every tenth, which uses the docker template): 25,000 seeded → 5,000 listed.
const BENCH_WORKSPACES = 25_000;
const REPO = 'https://github.com/acme/web-app';
const DEBOUNCE_MS = 400;
const PAGE_SIZE = 25;
// 50 keystrokes a user might type after "owner:me "; most prefixes are new searches.
const TYPED = 'name:bench-0 status:stopped template:devcontainers';
const KEYSTROKES = 50;

/** Coder's own count for the card's search (Coder ORs the two parameters' pairs). */
async function expectedTotal() {
  const q = `owner:me param:"repo_url=${REPO}" param:"custom_repo=${REPO}"`;
  const { count } = await coderApi(
    'GET',
    `/api/v2/workspaces?limit=1&q=${encodeURIComponent(q)}`,
  );
  return count;
}

/** In the page: waits until the last keystroke's echo (and search, if any) painted. */
function keystrokeSettled({ debounceMs, timeoutMs }) {
  const probes = window.__bench;
  return new Promise(resolve => {
    const began = performance.now();
    const check = () => {
      const keystroke = probes.keystrokes[probes.keystrokes.length - 1];
      if (!keystroke) {
        if (performance.now() - began > timeoutMs) resolve(undefined);
        else setTimeout(check, 20);
        return;
      }
      const started = probes.fetchFlips.find(
        flip => flip.disabled && flip.at >= keystroke.start + debounceMs - 20,
      );
      const finished =
        started &&
        probes.fetchFlips.find(
          flip =>
            !flip.disabled &&
            flip.at > started.at &&
            flip.paintedAt !== undefined,
        );
      const waited = performance.now() - keystroke.start;
      const noSearch = !started && waited > debounceMs + 700;
      if (
        keystroke.echoMs !== undefined &&
        (finished || noSearch || waited > timeoutMs)
      ) {
        resolve({
          echoMs: keystroke.echoMs,
          listUpdateMs: finished ? finished.paintedAt - keystroke.start : null,
        });
      } else {
        setTimeout(check, 20);
      }
    };
    check();
  });
}

function resetProbes(page) {
  return page.evaluate(() => {
    window.__bench.keystrokes = [];
    window.__bench.fetchFlips = [];
  });
}

async function searchesIdle(page) {
  await page.waitForFunction(
    () =>
      !document
        .querySelector('[aria-label="Refresh workspaces"]')
        ?.hasAttribute('disabled'),
    null,
    { timeout: 60_000 },
  );
}

export async function measureBigLists({ browser }) {
  await fakeAdmin('POST', '/reset', { buildStepMs: 0 });
  for (let added = 0; added < BENCH_WORKSPACES; added += 5000) {
    await fakeAdmin('POST', '/seed', { count: 5000 });
  }
  const total = await expectedTotal();

  const { context, page } = await openLinkedPage(browser, '/entity/web-app');
  const responseBytes = new Map();
  page.on('requestfinished', async request => {
    if (request.url().includes('/api/proxy/coder/api/v2/workspaces')) {
      const sizes = await request.sizes().catch(() => undefined);
      if (sizes) responseBytes.set(request.url(), sizes.responseBodySize);
    }
  });
  try {
    await waitForListsPainted(page);
    // A clean load, measured: Coder's answers arrive → the list is painted.
    await page.goto(`${APP_URL}/entity/web-app`);
    const painted = await waitForListsPainted(page);
    const searches = (await coderResourceTimings(page)).filter(
      request => request.url.includes('/workspaces?') && request.end <= painted,
    );
    const lastResponse = Math.max(...searches.map(request => request.end));
    const list = page.getByRole('list', { name: 'Coder workspaces' });
    const rows = await list.getByRole('listitem').count();
    const more = page.getByRole('button', { name: /show more/i });
    const notShown = Number(
      /\((\d+) not shown\)/.exec((await more.textContent()) ?? '')?.[1] ?? 0,
    );
    const heapAfterLoad = await heapUsedMb(page);

    // "Show more" three times: click → the next 25 rows painted, one page asked of Coder.
    const showMoreMs = [];
    const showMoreRequests = [];
    for (let index = 1; index <= 3; index++) {
      const asked = [];
      const onRequest = request => {
        if (request.url().includes('/api/proxy/coder/api/v2/workspaces?')) {
          const params = new URL(request.url()).searchParams;
          asked.push(`offset=${params.get('offset')} limit=${params.get('limit')}`);
        }
      };
      page.on('request', onRequest);
      await page.evaluate(() => {
        window.__bench.clickAt = undefined;
        document.addEventListener(
          'click',
          event => {
            window.__bench.clickAt = event.timeStamp;
          },
          { capture: true, once: true },
        );
      });
      await more.click();
      const shownAt = await page
        .waitForFunction(
          expected =>
            document.querySelectorAll('ul[aria-labelledby] > li').length >=
              expected && performance.now(),
          rows + index * PAGE_SIZE,
          { polling: 'raf' },
        )
        .then(handle => handle.jsonValue());
      showMoreMs.push(
        shownAt - (await page.evaluate(() => window.__bench.clickAt)),
      );
      page.off('request', onRequest);
      showMoreRequests.push(asked);
    }
    const rowsAfterShowMore = await list.getByRole('listitem').count();
    const notShownAfterShowMore = Number(
      /\((\d+) not shown\)/.exec((await more.textContent()) ?? '')?.[1] ?? 0,
    );

    // Scroll the 100 rows down and up again with the wheel, watching frames and long tasks.
    const box = await list.boundingBox();
    await page.mouse.move(box.x + box.width / 2, box.y + 100);
    await page.evaluate(() => {
      const probes = window.__bench;
      probes.frames = [];
      probes.scrollFrom = performance.now();
      const loop = now => {
        probes.frames.push(now);
        if (!probes.scrollDone) requestAnimationFrame(loop);
      };
      probes.scrollDone = false;
      requestAnimationFrame(loop);
    });
    for (const direction of [1, -1]) {
      for (let step = 0; step < 25; step++) {
        await page.mouse.wheel(0, direction * 200);
        await sleep(30);
      }
    }
    const scroll = await page.evaluate(() => {
      const probes = window.__bench;
      probes.scrollDone = true;
      const gaps = probes.frames
        .slice(1)
        .map((frame, index) => frame - probes.frames[index]);
      const tasks = (probes.longTasks ?? []).filter(
        task => task.start >= probes.scrollFrom,
      );
      return {
        supported: probes.longTasks !== undefined,
        longTasks: tasks.length,
        longestTaskMs: Math.max(0, ...tasks.map(task => task.duration)),
        longestFrameMs: Math.max(0, ...gaps),
        frames: probes.frames.length,
      };
    });

    // Keystrokes, one at a time: echo, then the list after the debounce and the search.
    const search = page.getByRole('textbox', { name: 'Search workspaces' });
    await search.fill('owner:me ');
    await sleep(DEBOUNCE_MS + 300);
    await searchesIdle(page);
    await search.focus();
    await page.keyboard.press('End');
    const oneByOne = [];
    for (const character of TYPED.slice(0, KEYSTROKES)) {
      await resetProbes(page);
      await page.keyboard.type(character);
      const settled = await page.evaluate(keystrokeSettled, {
        debounceMs: DEBOUNCE_MS,
        timeoutMs: 30_000,
      });
      if (settled) oneByOne.push(settled);
    }
    const echoIdle = oneByOne.map(sample => sample.echoMs);
    const listUpdates = oneByOne
      .map(sample => sample.listUpdateMs)
      .filter(value => value !== null);

    // Keystrokes pressed the moment the answer to a 5,000-match search lands (one page): spaces typed between two
    // terms, so every pause is a new search that matches every workspace, and the next
    // key goes in as soon as that search's answer has been received.
    await search.fill('owner:me name:bench');
    await sleep(DEBOUNCE_MS + 300);
    await searchesIdle(page);
    await search.focus();
    await search.evaluate(input => input.setSelectionRange(8, 8));
    let answerLanded = () => {};
    const onAnswer = request => {
      if (decodeURIComponent(request.url()).includes('repo_url=')) {
        answerLanded();
      }
    };
    page.on('requestfinished', onAnswer);
    const nextAnswer = () =>
      new Promise(resolve => {
        answerLanded = resolve;
      });
    await page.keyboard.type(' ');
    await resetProbes(page);
    const typingFrom = await page.evaluate(() => performance.now());
    let missedAnswers = 0;
    for (let index = 0; index < KEYSTROKES; index++) {
      const landed = await Promise.race([
        nextAnswer().then(() => true),
        sleep(10_000).then(() => false),
      ]);
      if (!landed) missedAnswers += 1;
      await page.keyboard.type(' ');
    }
    page.off('requestfinished', onAnswer);
    await sleep(DEBOUNCE_MS + 300);
    await searchesIdle(page);
    const typing = await page.evaluate(from => {
      const probes = window.__bench;
      const tasks = (probes.longTasks ?? []).filter(task => task.start >= from);
      return {
        echo: probes.keystrokes.map(keystroke => keystroke.echoMs),
        longTasks: tasks.length,
        longestTaskMs: Math.max(0, ...tasks.map(task => task.duration)),
        medianTaskMs: tasks.map(task => task.duration).sort((a, b) => a - b)[
          Math.floor(tasks.length / 2)
        ],
      };
    }, typingFrom);
    const echoLoaded = typing.echo.filter(value => value !== undefined);
    if (echoLoaded.length < KEYSTROKES) {
      throw new Error(
        `only ${echoLoaded.length} of ${KEYSTROKES} keystrokes reached the search box`,
      );
    }
    const heapAfterTyping = await heapUsedMb(page);

    return {
      figures: {
        workspaces: {
          label: 'workspaces matching the entity',
          value: total,
          unit: '',
        },
        responseMB: {
          label: 'size of the answer (first page)',
          value: round(
            searches.reduce(
              (sum, request) => sum + (responseBytes.get(request.url) ?? 0),
              0,
            ) /
              1024 /
              1024,
            1,
          ),
          unit: 'MB',
        },
        listPaintedAfterResponseMs: {
          label: 'answer arrived → list painted',
          value: round(painted - lastResponse),
          unit: 'ms',
        },
        allWorkspacesReachable: {
          label: `${rows} rows + "Show more" reach all`,
          value: rows === PAGE_SIZE && rows + notShown === total,
          unit: '',
        },
        showMoreOnePageEach: {
          label: '"Show more" asks Coder for the next page alone (offset/limit)',
          value: showMoreRequests.every(
            (asked, index) =>
              asked.length === 1 &&
              asked[0] ===
                `offset=${(index + 1) * PAGE_SIZE} limit=${PAGE_SIZE}`,
          ),
          unit: '',
        },
        countExactAfterShowMore: {
          label: `${rowsAfterShowMore} rows + "not shown" = Coder's count after 3 × "Show more"`,
          value: rowsAfterShowMore + notShownAfterShowMore === total,
          unit: '',
        },
        showMoreMaxMs: {
          label: '"Show more" click → 25 more rows painted (max of 3)',
          value: round(Math.max(...showMoreMs)),
          unit: 'ms',
        },
        heapAfterLoadMb: {
          label: 'JS heap with the list loaded',
          value: heapAfterLoad,
          unit: 'MB',
        },
        heapAfterTypingMb: {
          label: 'JS heap after the typing runs',
          value: heapAfterTyping,
          unit: 'MB',
        },
        scrollLongTasks: {
          label: `long tasks while scrolling ${rowsAfterShowMore} rows`,
          value: scroll.supported ? scroll.longTasks : 'n/a',
          unit: '',
        },
        scrollLongestFrameMs: {
          label: 'longest frame while scrolling',
          value: round(scroll.longestFrameMs),
          unit: 'ms',
        },
        keystrokeEchoP50Ms: {
          label: 'keystroke → next frame, one key at a time (p50)',
          value: round(percentile(echoIdle, 50)),
          unit: 'ms',
        },
        keystrokeEchoP95Ms: {
          label: 'keystroke → next frame, one key at a time (p95)',
          value: round(percentile(echoIdle, 95)),
          unit: 'ms',
        },
        keystrokeEchoWhileLoadingP50Ms: {
          label:
            'keystroke → next frame, as the answer to a 5,000-match search lands (p50)',
          value: round(percentile(echoLoaded, 50)),
          unit: 'ms',
        },
        keystrokeEchoWhileLoadingP95Ms: {
          label:
            'keystroke → next frame, as the answer to a 5,000-match search lands (p95)',
          value: round(percentile(echoLoaded, 95)),
          unit: 'ms',
        },
        listUpdateP50Ms: {
          label: `keystroke → list updated, incl. ${DEBOUNCE_MS} ms debounce (p50)`,
          value: round(percentile(listUpdates, 50)),
          unit: 'ms',
        },
        listUpdateP95Ms: {
          label: `keystroke → list updated, incl. ${DEBOUNCE_MS} ms debounce (p95)`,
          value: round(percentile(listUpdates, 95)),
          unit: 'ms',
        },
      },
      details: {
        seeded: BENCH_WORKSPACES,
        rowsShown: rows,
        notShown,
        showMoreMs: showMoreMs.map(value => round(value)),
        showMoreRequests,
        scroll,
        oneKeyAtATime: {
          typed: `owner:me ${TYPED.slice(0, KEYSTROKES)}`,
          keystrokes: oneByOne.length,
          searches: listUpdates.length,
          echoMaxMs: round(Math.max(...echoIdle)),
          listUpdateMaxMs: round(Math.max(...listUpdates)),
        },
        asAnswersLand: {
          keystrokes: echoLoaded.length,
          answersNotSeen: missedAnswers,
          echoMaxMs: round(Math.max(...echoLoaded)),
          longTasks: typing.longTasks,
          medianLongTaskMs: round(typing.medianTaskMs),
          longestTaskMs: round(typing.longestTaskMs),
        },
      },
    };
  } finally {
    await context.close();
  }
}
