/*
 * Linking a Coder account and seeing an entity's workspaces, through the real proxy.
 */
import {
  assert,
  assertEqual,
  DEMO_TOKEN,
  eventually,
  listedWorkspaceNames,
  openEntity,
  submitToken,
} from '../lib/app.mjs';
import { fakeCoder } from '../lib/fakeCoder.mjs';
import { screenshotPath } from '../lib/system.mjs';
import { FAKE_CODER_URL } from '../../dev/stack.mjs';

const WEB_APP_WORKSPACES = [
  'web-app-broken',
  'web-app-feature',
  'web-app-legacy',
  'web-app-main',
  'web-app-review',
  'web-app-spike',
];

async function linkDemo(page, entity = 'web-app') {
  await openEntity(page, entity);
  await submitToken(page, DEMO_TOKEN);
  await page.getByRole('list', { name: 'Coder workspaces' }).waitFor();
}

async function search(page, text) {
  const box = page.getByRole('textbox', { name: 'Search workspaces' });
  await box.fill(text);
}

export const tests = [
  {
    name: 'first visit: link form, wrong token refused, right token lists only this repo’s own workspaces',
    systems: ['legacy', 'new'],
    async run({ page }) {
      await openEntity(page, 'web-app');
      const tokenLink = page.getByRole('link', {
        name: /get a session token from coder/i,
      });
      assertEqual(
        await tokenLink.getAttribute('href'),
        `${FAKE_CODER_URL}/cli-auth`,
        'token link',
      );
      await page.screenshot({ path: screenshotPath('auth-form.png') });

      await submitToken(page, 'wrongwrong-fakeCoderWrongSecret01');
      const alert = page.getByRole('alert');
      await alert.waitFor();
      assert(
        /coder rejected the token/i.test(await alert.innerText()),
        'wrong token message',
      );
      await page.screenshot({ path: screenshotPath('auth-form-rejected.png') });

      await submitToken(page, `  ${DEMO_TOKEN}\n`);
      const names = await eventually(async () => {
        const listed = await listedWorkspaceNames(page);
        return listed.length > 0 && listed;
      }, 'workspaces never appeared');
      assertEqual(
        [...names].sort(),
        WEB_APP_WORKSPACES,
        'demo’s web-app workspaces (not alice’s, not other repos’)',
      );
      const html = await page.content();
      assert(!html.includes(DEMO_TOKEN), 'the token appears in the DOM');
      assert(!page.url().includes(DEMO_TOKEN), 'the token appears in the URL');
    },
  },
  {
    name: 'a reload keeps the account linked',
    async run({ page }) {
      await linkDemo(page);
      await page.reload();
      await page.getByRole('list', { name: 'Coder workspaces' }).waitFor();
      assert(
        !(await page.getByLabel('Coder session token').count()),
        'the link form came back after reload',
      );
    },
  },
  {
    name: 'search narrows the list and a bad query shows Coder’s message',
    systems: ['legacy', 'new'],
    async run({ page }) {
      await linkDemo(page);
      await search(page, 'owner:me status:failed');
      await eventually(
        async () =>
          JSON.stringify(await listedWorkspaceNames(page)) ===
          '["web-app-broken"]',
        'status:failed did not narrow the list',
      );
      await search(page, 'owner:me colour:red');
      const message = page.getByText(/is not a valid query param/);
      await message.waitFor();
      assert(
        /Invalid workspace search query/.test(await message.innerText()),
        'Coder’s message under the box',
      );
    },
  },
  {
    name: 'Coder stopped shows “unreachable”; restarted, the card recovers without a reload',
    async run({ page, stack }) {
      await linkDemo(page);
      await stack.stopFakeCoder();
      try {
        await page.getByRole('button', { name: 'Refresh workspaces' }).click();
        await page
          .getByText(/coder is unreachable/i)
          .waitFor({ timeout: 20_000 });
        assert(
          !(await page.getByText(/no workspaces/i).count()),
          'an outage was shown as "no workspaces"',
        );
        await page.screenshot({ path: 'screenshots/error-unreachable.png' });
      } finally {
        await stack.startFakeCoder();
      }
      await page
        .getByRole('list', { name: 'Coder workspaces' })
        .waitFor({ timeout: 20_000 });
    },
  },
  {
    name: 'a token revoked on Coder returns the user to the link form with a reason',
    async run({ page }) {
      await linkDemo(page);
      await search(page, 'owner:me status:running');
      await fakeCoder.revoke({ user: 'demo' });
      await page.getByRole('button', { name: 'Refresh workspaces' }).click();
      const alert = page.getByRole('alert');
      await alert.waitFor({ timeout: 15_000 });
      assert(
        /no longer accepts your token/i.test(await alert.innerText()),
        'revocation message',
      );
      await fakeCoder.reset();
      await submitToken(page, DEMO_TOKEN);
      const box = page.getByRole('textbox', { name: 'Search workspaces' });
      await box.waitFor();
      assertEqual(
        await box.inputValue(),
        'owner:me status:running',
        'search text kept',
      );
    },
  },
  {
    name: 'unlinking from the menu forgets the token',
    async run({ page }) {
      await linkDemo(page);
      await page.getByRole('button', { name: 'More Coder actions' }).click();
      await page
        .getByRole('menuitem', { name: /unlink coder account \(demo\)/i })
        .click();
      await page.getByLabel('Coder session token').waitFor();
      await page.reload();
      await page.getByLabel('Coder session token').waitFor();
    },
  },
  {
    name: 'an entity with no repository explains which annotation is missing',
    async run({ page }) {
      await linkDemo(page);
      await page.getByRole('link', { name: 'No repository' }).click();
      await page
        .getByText('coder.com/repo-url', { exact: true })
        .first()
        .waitFor();
      assert(
        !(await page.getByRole('list', { name: 'Coder workspaces' }).count()),
        'listed without a repository',
      );
    },
  },
  {
    name: 'a broken coder.com/params value is named and the rest of the card works',
    systems: ['legacy', 'new'],
    async run({ page }) {
      await linkDemo(page, 'broken-config');
      await page
        .getByText('metadata.annotations["coder.com/params"]')
        .waitFor();
      await page.getByText('metadata.annotations["coder.com/mode"]').waitFor();
      const names = await listedWorkspaceNames(page);
      assertEqual(
        [...names].sort(),
        WEB_APP_WORKSPACES,
        'workspaces still listed',
      );
      await page.screenshot({ path: screenshotPath('config-issues.png') });
    },
  },
  {
    name: 'the create link carries template, mode, parameters and the repository',
    async run({ page }) {
      await linkDemo(page, 'payments-api');
      await page
        .getByRole('button', { name: 'Create workspace', exact: true })
        .click();
      const link = page
        .getByRole('dialog', { name: 'Create a workspace' })
        .getByRole('link', { name: /open coder's form instead/i });
      const url = new URL(await link.getAttribute('href'));
      assertEqual(
        `${url.origin}${url.pathname}`,
        `${FAKE_CODER_URL}/templates/devcontainers/workspace`,
        'path',
      );
      assertEqual(
        Object.fromEntries(url.searchParams),
        {
          mode: 'form',
          'param.region': 'eu-helsinki',
          'param.cpu': '4',
          'param.repo_url': 'https://gitlab.com/acme/payments-api',
          'param.custom_repo': 'https://gitlab.com/acme/payments-api',
          'param.source_repo': 'https://gitlab.com/acme/payments-api',
        },
        'query',
      );
    },
  },
];
