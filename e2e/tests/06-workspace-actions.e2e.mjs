/*
 * Managing workspaces from the card: lifecycle actions, their conflicts and failures,
 * and the ways to open a running workspace.
 */
import { FAKE_CODER_URL } from '../../dev/stack.mjs';
import {
  assert,
  assertEqual,
  DEMO_TOKEN,
  eventually,
  openEntity,
  submitToken,
} from '../lib/app.mjs';
import { fakeCoder } from '../lib/fakeCoder.mjs';
import { screenshotPath } from '../lib/system.mjs';

async function linkDemo(page) {
  await openEntity(page, 'web-app');
  await submitToken(page, DEMO_TOKEN);
  await page.getByRole('list', { name: 'Coder workspaces' }).waitFor();
}

function row(page, name) {
  return page.getByRole('listitem').filter({
    has: page.getByRole('link', { name: new RegExp(`^${name}\\b`) }),
  });
}

async function statusOf(page, name) {
  return row(page, name)
    .locator(
      'text=/^(Running|Starting|Stopping|Stopped|Pending|Failed|Deleting|Canceling|Canceled)/',
    )
    .first()
    .innerText();
}

async function waitForStatus(page, name, status, seen) {
  await eventually(
    async () => {
      const current = await statusOf(page, name).catch(() => undefined);
      if (current && seen && seen[seen.length - 1] !== current)
        seen.push(current);
      return current === status;
    },
    `${name} never showed ${status} (saw ${seen?.join(' → ')})`,
    30_000,
  );
}

async function buildPosts(workspaceName) {
  const id = await fakeCoder.workspaceId(workspaceName);
  const requests = await fakeCoder.requests();
  return requests.filter(
    request =>
      request.method === 'POST' &&
      request.url === `/api/v2/workspaces/${id}/builds`,
  );
}

async function chooseAction(page, workspaceName, action) {
  await page
    .getByRole('button', { name: `More actions for ${workspaceName}` })
    .click();
  await page.getByRole('menuitem', { name: action, exact: true }).click();
}

export const tests = [
  {
    name: 'stopping a running workspace shows stopping, then stopped, without a reload',
    systems: ['legacy', 'new'],
    async run({ page }) {
      await linkDemo(page);
      // Each phase outlasts one poll (5 s × K = 10 s here), so the card must show it.
      await fakeCoder.setConfig({ buildStepMs: 8_000 });
      const seen = ['Running'];
      await chooseAction(page, 'web-app-main', 'Stop');
      await waitForStatus(page, 'web-app-main', 'Stopping', seen);
      await page.screenshot({ path: screenshotPath('workspace-stopping.png') });
      await waitForStatus(page, 'web-app-main', 'Stopped', seen);
      assert(
        seen.includes('Stopping'),
        `never saw stopping: ${seen.join(' → ')}`,
      );
    },
  },
  {
    name: 'a double click on start sends one request and the workspace starts',
    systems: ['legacy', 'new'],
    async run({ page }) {
      await linkDemo(page);
      await fakeCoder.clearRequests();
      await page
        .getByRole('button', { name: 'Start web-app-feature' })
        .dblclick();
      await waitForStatus(page, 'web-app-feature', 'Running');
      assertEqual(
        (await buildPosts('web-app-feature')).length,
        1,
        'POST /builds requests',
      );
    },
  },
  {
    name: 'updating an outdated workspace moves it to the active version',
    async run({ page }) {
      await linkDemo(page);
      const outdated = row(page, 'web-app-legacy').getByText('Outdated');
      await outdated.waitFor();
      await chooseAction(page, 'web-app-legacy', 'Update');
      await outdated.waitFor({ state: 'detached', timeout: 30_000 });
      await waitForStatus(page, 'web-app-legacy', 'Running');
    },
  },
  {
    name: 'delete asks for confirmation naming the workspace, then removes it',
    async run({ page }) {
      await linkDemo(page);
      await chooseAction(page, 'web-app-broken', 'Delete');
      const dialog = page.getByRole('dialog', {
        name: 'Delete web-app-broken?',
      });
      await dialog.waitFor();
      await dialog
        .getByRole('button', { name: 'Delete web-app-broken' })
        .click();
      await row(page, 'web-app-broken').waitFor({
        state: 'detached',
        timeout: 30_000,
      });
    },
  },
  {
    name: 'a build already active on Coder is reported with Coder’s 409 message',
    async run({ page }) {
      await linkDemo(page);
      await fakeCoder.setConfig({ buildStepMs: 20_000 });
      // Someone starts it elsewhere; the card still shows it stopped.
      const id = await fakeCoder.workspaceId('web-app-feature');
      const started = await fetch(
        `${FAKE_CODER_URL}/api/v2/workspaces/${id}/builds`,
        {
          method: 'POST',
          headers: {
            'Coder-Session-Token': DEMO_TOKEN,
            'Content-Type': 'application/json',
          },
          body: JSON.stringify({ transition: 'start' }),
        },
      );
      assertEqual(started.status, 201, 'start from elsewhere');
      await page.getByRole('button', { name: 'Start web-app-feature' }).click();
      await page
        .getByText(
          /could not start web-app-feature: a workspace build is already active/i,
        )
        .waitFor();
      await page.screenshot({ path: 'screenshots/workspace-conflict.png' });
    },
  },
  {
    name: 'a failed start is reported once and never retried',
    async run({ page }) {
      await linkDemo(page);
      await fakeCoder.clearRequests();
      const id = await fakeCoder.workspaceId('web-app-feature');
      await fakeCoder.setFaults({
        status500: true,
        pathPrefix: `/api/v2/workspaces/${id}/builds`,
      });
      await page.getByRole('button', { name: 'Start web-app-feature' }).click();
      await page.getByText(/could not start web-app-feature/i).waitFor();
      await page.waitForTimeout(3000);
      assertEqual(
        (await buildPosts('web-app-feature')).length,
        1,
        'POST /builds requests after a 500',
      );
      await fakeCoder.clearFaults();
    },
  },
  {
    name: 'open offers the dashboard, terminal, apps and VS Code with a fresh key',
    async run({ page, context }) {
      await linkDemo(page);
      const cdp = await context.newCDPSession(page);
      await cdp.send('Page.enable');
      const requested = [];
      cdp.on('Page.frameRequestedNavigation', event =>
        requested.push(event.url),
      );

      await page.getByRole('button', { name: 'Open web-app-main' }).click();
      const href = name =>
        page.getByRole('menuitem', { name }).getAttribute('href');
      assertEqual(
        await href(/^Open in Coder/),
        `${FAKE_CODER_URL}/@demo/web-app-main`,
        'dashboard',
      );
      assertEqual(
        await href(/^Terminal/),
        `${FAKE_CODER_URL}/@demo/web-app-main.main/terminal`,
        'terminal',
      );
      assertEqual(
        await href(/^code-server/),
        `${FAKE_CODER_URL}/@demo/web-app-main.main/apps/code-server/`,
        'path app',
      );
      assertEqual(
        await href(/^htop/),
        `${FAKE_CODER_URL}/@demo/web-app-main.main/terminal?app=htop`,
        'command app',
      );
      assert(
        !(await page
          .getByRole('menuitem', { name: /VS Code/ })
          .getAttribute('href')),
        'VS Code link rendered a key',
      );
      await page.screenshot({ path: 'screenshots/open-menu.png' });

      await fakeCoder.clearRequests();
      await page.getByRole('menuitem', { name: /VS Code/ }).click();
      const vscode = await eventually(
        () => requested.find(url => url.startsWith('vscode:')),
        'no vscode:// hand-off',
      );
      const url = new URL(vscode);
      assertEqual(
        `${url.protocol}//${url.host}${url.pathname}`,
        'vscode://coder.coder-remote/open',
        'scheme and path',
      );
      const query = Object.fromEntries(url.searchParams);
      assertEqual(
        {
          owner: query.owner,
          workspace: query.workspace,
          url: query.url,
          openRecent: query.openRecent,
          agent: query.agent,
        },
        {
          owner: 'demo',
          workspace: 'web-app-main',
          url: FAKE_CODER_URL,
          openRecent: 'true',
          agent: 'main',
        },
        'VS Code query',
      );
      assert(
        query.token && query.token !== DEMO_TOKEN,
        'VS Code got a freshly minted key',
      );

      // Reuse by a second click in the same session is proved in jest
      // (workspaceKeys.test.ts): headless Chromium handles a second external-protocol
      // launch from one page unreliably, so it is not driven here.

      // One named, short-lived token (POST /users/me/keys/tokens), no session key.
      const requests = await fakeCoder.requests();
      const minted = requests.filter(
        request => request.url === '/api/v2/users/me/keys/tokens',
      );
      assertEqual(
        minted.map(request => request.method),
        ['POST'],
        'tokens minted',
      );
      const body = JSON.parse(minted[0].body);
      assert(
        /^backstage-vscode-[a-z0-9]{8}$/.test(body.token_name),
        `token_name ${body.token_name}`,
      );
      assertEqual(body.lifetime, 86_400_000_000_000, 'lifetime (ns)');
      assertEqual(
        requests.filter(request => request.url === '/api/v2/users/me/keys')
          .length,
        0,
        'session keys minted',
      );
      // Coder holds it as demo's named token, and it is the key VS Code got.
      const tokens = await fakeCoder.coder(
        'GET',
        '/api/v2/users/me/keys/tokens',
      );
      assertEqual(
        tokens.map(token => [
          token.id,
          token.token_name,
          token.lifetime_seconds,
        ]),
        [[query.token.split('-')[0], body.token_name, 86_400]],
        'named tokens',
      );
    },
  },
];
