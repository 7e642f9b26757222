/*
 * Hostile input from every side the browser can reach: what the user pastes or types,
 * what sits in localStorage, and what "Coder" answers. The fake Coder validates names like
 * Coder does and has fixed template icons, so hostile answers are made by rewriting its
 * real responses on their way to the page. Nothing may run, crash or leak the token.
 */
import {
  assert,
  assertEqual,
  DEMO_TOKEN,
  openEntity,
  submitToken,
} from '../lib/app.mjs';
import { fakeCoder } from '../lib/fakeCoder.mjs';
import { FAKE_CODER_URL } from '../../dev/stack.mjs';

const TOKEN_KEY = 'backstage-plugin-coder/session-token';
const SEARCHES = '**/api/proxy/coder/api/v2/workspaces?**';
const DEVCONTAINERS = 'c0de0002-0000-4000-8000-000000000001';

const card = page => page.getByRole('region', { name: 'Coder workspaces' });
const workspacesList = page =>
  page.getByRole('list', { name: 'Coder workspaces' });
const storedToken = page =>
  page.evaluate(key => window.localStorage.getItem(key), TOKEN_KEY);

async function linkDemo(page) {
  await openEntity(page, 'web-app');
  await submitToken(page, DEMO_TOKEN);
  await workspacesList(page).waitFor();
}

/** Rewrites the workspaces of every search answer on its way to the page. */
async function rewriteWorkspaces(page, rewrite) {
  await page.route(SEARCHES, async route => {
    const response = await route.fetch();
    const body = await response.json();
    body.workspaces = body.workspaces.map(rewrite);
    await route.fulfill({ response, json: body });
  });
  await page.getByRole('button', { name: 'Refresh workspaces' }).click();
}

/** Fails if a script planted in data ran. */
async function assertNothingRan(page) {
  assertEqual(
    await page.evaluate(() => window.__hostile),
    undefined,
    'a script from the data ran',
  );
}

export const tests = [
  {
    name: 'a token pasted with spaces, tabs and a line break links the account',
    async run({ page }) {
      await openEntity(page, 'web-app');
      await submitToken(page, `\t  ${DEMO_TOKEN} \r\n `);
      await workspacesList(page).waitFor();
      assertEqual(await storedToken(page), DEMO_TOKEN, 'stored token');
    },
  },
  {
    name: '10 KB of junk instead of a token is refused before any request, and nothing is stored',
    async run({ page }) {
      await openEntity(page, 'web-app');
      const junk = Array.from(
        { length: 10 * 1024 },
        (_, index) =>
          'abcdefghijklmnopqrstuvwxyz0123456789-'[(index * 7919) % 37],
      ).join('');
      await fakeCoder.clearRequests();
      await submitToken(page, junk);
      const alert = page.getByRole('alert');
      await alert.waitFor();
      assert(
        /That is not a Coder session token/.test(await alert.innerText()),
        `refusal: ${await alert.innerText()}`,
      );
      assertEqual(
        (await fakeCoder.requests()).length,
        0,
        'requests that reached Coder',
      );
      assert(
        !(await alert.innerText()).includes(junk.slice(0, 40)),
        'the junk is echoed back',
      );
      assertEqual(await storedToken(page), null, 'stored token');
      await page.getByLabel('Coder session token').waitFor();
    },
  },
  {
    name: 'junk no HTTP header can carry (emoji, NUL) is refused without reaching Coder or crashing',
    async run({ page }) {
      await openEntity(page, 'web-app');
      await fakeCoder.clearRequests();
      await submitToken(page, `${'🔑'.repeat(2000)}${'ü'.repeat(2000)}\u0000`);
      const alert = page.getByRole('alert');
      await alert.waitFor();
      assert(
        /That is not a Coder session token/.test(await alert.innerText()),
        `refusal: ${await alert.innerText()}`,
      );
      assertEqual(await storedToken(page), null, 'stored token');
      assertEqual(
        (await fakeCoder.requests()).length,
        0,
        'requests that reached Coder',
      );
    },
  },
  {
    name: 'a stored token no header can carry is dropped on load: the link form, never a blank card',
    async run({ page }) {
      await openEntity(page, 'web-app');
      await fakeCoder.clearRequests();
      await page.evaluate(
        key => window.localStorage.setItem(key, 'ü🔑'),
        TOKEN_KEY,
      );
      await page.reload();
      await page.getByLabel('Coder session token').waitFor();
      assert(
        !/no workspaces/i.test(await card(page).innerText()),
        'shown as "no workspaces"',
      );
      assertEqual(await storedToken(page), null, 'stored token');
      const withToken = (await fakeCoder.requests()).filter(
        request => request.headers['coder-session-token'],
      );
      assertEqual(withToken.length, 0, 'requests sent with the bad value');
    },
  },
  {
    name: 'the token never appears in the page, a URL or the console, through errors and revocation',
    async run({ page }) {
      const secret = DEMO_TOKEN.split('-')[1];
      const seen = [];
      page.on('console', message => seen.push(`console: ${message.text()}`));
      page.on('request', request => seen.push(`request: ${request.url()}`));
      page.on('framenavigated', frame =>
        seen.push(`navigation: ${frame.url()}`),
      );
      const html = [];
      const snapshot = async () => {
        html.push(await page.content());
        html.push(
          await page.evaluate(() =>
            [...document.querySelectorAll('input, textarea')]
              .map(field => field.value)
              .join('\n'),
          ),
        );
      };

      await linkDemo(page);
      await snapshot();
      await page
        .getByRole('textbox', { name: 'Search workspaces' })
        .fill('owner:me status:running');
      await page
        .getByText(/Running/)
        .first()
        .waitFor();
      await fakeCoder.setFaults({ malformedJson: true });
      await page.getByRole('button', { name: 'Refresh workspaces' }).click();
      await card(page)
        .getByText(/Unexpected answer from Coder/)
        .waitFor();
      await snapshot();
      await fakeCoder.setFaults({ dropConnections: true });
      await page.getByRole('button', { name: 'Try again' }).click();
      await card(page)
        .getByText(/Coder is unreachable \(HTTP/)
        .waitFor({ timeout: 20_000 });
      await snapshot();
      await fakeCoder.clearFaults();
      await fakeCoder.revoke({ user: 'demo' });
      await page.getByRole('button', { name: 'Try again' }).click();
      await page.getByLabel('Coder session token').waitFor({ timeout: 20_000 });
      await snapshot();

      for (const text of [...seen, ...html]) {
        assert(
          !text.includes(secret) && !text.includes(encodeURIComponent(secret)),
          `the token leaked: ${text.slice(0, 200)}`,
        );
      }
      assert(
        seen.some(entry => entry.startsWith('request:')),
        'no requests were watched',
      );
    },
  },
  {
    name: 'Coder refuses markup in workspace names, and markup in names and template names it returns renders as text',
    async run({ page }) {
      const created = await fetch(
        `${FAKE_CODER_URL}/api/v2/users/me/workspaces`,
        {
          method: 'POST',
          headers: {
            'Coder-Session-Token': DEMO_TOKEN,
            'Content-Type': 'application/json',
          },
          body: JSON.stringify({
            name: '<img src=x>',
            template_id: DEVCONTAINERS,
          }),
        },
      );
      assertEqual(created.status, 400, 'Coder’s answer to a name with markup');

      await linkDemo(page);
      const name = '<img src=x onerror="window.__hostile=1">';
      const owner = '"><svg onload="window.__hostile=2">';
      const template = '<script>window.__hostile=3</script>';
      await rewriteWorkspaces(page, (workspace, index) =>
        index === 0
          ? {
              ...workspace,
              name,
              owner_name: owner,
              template_display_name: template,
            }
          : workspace,
      );
      await card(page).getByText(name).first().waitFor();
      await card(page).getByText(template, { exact: true }).waitFor();
      await assertNothingRan(page);
      assertEqual(
        await card(page).locator('img[src="x"], svg[onload], script').count(),
        0,
        'elements created from the data',
      );
      const href = await card(page)
        .getByRole('link', { name: new RegExp(name.slice(0, 8)) })
        .getAttribute('href');
      assertEqual(
        href,
        `${FAKE_CODER_URL}/@${encodeURIComponent(owner)}/${encodeURIComponent(name)}`,
        'link to the workspace',
      );
    },
  },
  {
    name: 'template icons with javascript:, data: or vbscript: addresses are never loaded',
    async run({ page }) {
      await linkDemo(page);
      const icons = [
        // eslint-disable-next-line no-script-url
        'javascript:window.__hostile=1',
        ' JavaScript:window.__hostile=2',
        'data:image/svg+xml,<svg xmlns="http://www.w3.org/2000/svg" onload="window.__hostile=3"/>',
        'vbscript:msgbox(1)',
      ];
      await rewriteWorkspaces(page, (workspace, index) => ({
        ...workspace,
        template_icon: icons[index % icons.length],
        template_display_name: `Hostile ${index}`,
      }));
      await card(page).getByText('Hostile 0').first().waitFor();
      const sources = await card(page)
        .locator('img')
        .evaluateAll(images => images.map(image => image.getAttribute('src')));
      assertEqual(
        sources.filter(source => !/^https?:/.test(source ?? '')),
        [],
        'images loaded from hostile icon addresses',
      );
      await assertNothingRan(page);
    },
  },
  {
    name: 'a 10,000-character workspace name wraps inside the card',
    async run({ page }) {
      await linkDemo(page);
      const name = `w${'x'.repeat(9999)}`;
      await rewriteWorkspaces(page, (workspace, index) =>
        index === 0 ? { ...workspace, name } : workspace,
      );
      await card(page).getByText(name).waitFor();
      const overflow = await page.evaluate(() => {
        const region = document.querySelector('section[aria-labelledby]');
        return {
          card: region.scrollWidth - region.clientWidth,
          page: document.documentElement.scrollWidth - window.innerWidth,
        };
      });
      assertEqual(overflow, { card: 0, page: 0 }, 'horizontal overflow (px)');
    },
  },
  {
    name: 'an answer of the wrong shape names the field, and a __proto__ key pollutes nothing',
    async run({ page }) {
      await linkDemo(page);
      await page.route(SEARCHES, route =>
        route.fulfill({
          status: 200,
          contentType: 'application/json',
          body: '{"__proto__":{"polluted":true},"workspaces":[{"id":42}],"count":1}',
        }),
      );
      await page.getByRole('button', { name: 'Refresh workspaces' }).click();
      const message = card(page).getByText(/workspaces\.0\.id/);
      await message.waitFor();
      assert(
        /Unexpected response from Coder/.test(await message.innerText()),
        await message.innerText(),
      );
      assertEqual(
        await page.evaluate(() => ({}).polluted),
        undefined,
        'Object.prototype.polluted',
      );
    },
  },
  {
    name: 'markup typed into the search reaches Coder as text, and Coder’s echo of it renders as text',
    async run({ page }) {
      await linkDemo(page);
      // A quoted key Coder does not know: its error echoes the markup back.
      const typed = '"><img src=x onerror=window.__hostile=1>":x';
      await page
        .getByRole('textbox', { name: 'Search workspaces' })
        .fill(`owner:me ${typed}`);
      await page.getByText(/is not a valid query param/).waitFor();
      await assertNothingRan(page);
      assertEqual(
        await card(page).locator('img[src="x"]').count(),
        0,
        'elements created from the search text',
      );
    },
  },
];
