/*
 * What only the new-frontend-system app has: the plugin's pieces placed by the catalog
 * itself (the About card's "Open in Coder", the entity menu's "New workspace"),
 * the sidebar's "Coder" nav item, and the card on entities the catalog serves.
 */
import { FAKE_CODER_URL } from '../../dev/stack.mjs';
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

const NEW_ONLY = ['new'];

const aboutCard = page =>
  page
    .getByRole('article')
    .filter({ has: page.getByRole('heading', { name: 'About' }) });

/**
 * The filter of Coder's workspaces page for the demo user's workspaces of `repoUrl`:
 * each of the dev app's repository parameters with each form of the URL.
 */
const repositoryFilter = repoUrl => {
  const { host, pathname } = new URL(repoUrl);
  const forms = [
    repoUrl,
    `${repoUrl}.git`,
    `git@${host}:${pathname.slice(1)}.git`,
    `git@${host}:${pathname.slice(1)}`,
  ];
  const terms = ['repo_url', 'custom_repo', 'source_repo'].flatMap(key =>
    forms.map(form => `param:"${key}=${form}"`),
  );
  return ['owner:me', ...terms].join(' ');
};

/**
 * A screenshot of the whole page. The viewport grows to fit it, since a full-page
 * capture would paint the fixed sidebar where the window happened to be scrolled.
 */
async function screenshotWholePage(page, path) {
  const height = await page.evaluate(
    () => document.documentElement.scrollHeight,
  );
  await page.setViewportSize({ width: 1280, height });
  await page.screenshot({ path });
}

async function expectOpenInCoderLink(page, repoUrl) {
  const link = aboutCard(page).getByRole('link', { name: /^Open in Coder/ });
  await link.waitFor();
  const url = new URL(await link.getAttribute('href'));
  assertEqual(
    `${url.origin}${url.pathname}`,
    `${FAKE_CODER_URL}/workspaces`,
    'the link goes to Coder’s workspaces page',
  );
  assertEqual(
    url.searchParams.get('filter'),
    repositoryFilter(repoUrl),
    'the page’s filter',
  );
}

export const tests = [
  {
    name: 'the About card links to the repository’s workspaces in Coder, before and after linking',
    systems: NEW_ONLY,
    async run({ page }) {
      await openEntity(page, 'web-app');
      // A plain link: it needs no Coder account and asks Coder nothing.
      await expectOpenInCoderLink(page, 'https://github.com/acme/web-app');
      await submitToken(page, DEMO_TOKEN);
      await eventually(
        async () => (await listedWorkspaceNames(page)).includes('web-app-main'),
        'the card never listed web-app-main (running)',
      );
      await expectOpenInCoderLink(page, 'https://github.com/acme/web-app');
      await screenshotWholePage(page, 'screenshots/new-system-entity-page.png');
    },
  },
  {
    name: 'the entity menu’s “New workspace” links the account, then creates from the dialog',
    systems: NEW_ONLY,
    async run({ page }) {
      await openEntity(page, 'web-app');
      await page.getByRole('button', { name: 'More actions' }).click();
      await page.getByRole('menuitem', { name: 'New workspace' }).click();
      // Not linked yet: the dialog asks for the account first, then shows the form.
      const link = page.getByRole('dialog', {
        name: 'Link your Coder account',
      });
      await link.getByLabel('Coder session token').fill(DEMO_TOKEN);
      await link.getByRole('button', { name: 'Link account' }).click();
      const dialog = page.getByRole('dialog', { name: 'Create a workspace' });
      const repo = dialog.getByRole('textbox', { name: 'Repository URL' });
      await repo.waitFor();
      assertEqual(
        await repo.inputValue(),
        'https://github.com/acme/web-app',
        'repository prefilled from the entity',
      );
      await dialog.getByLabel('Workspace name').fill('from-the-menu');
      await fakeCoder.clearRequests();
      await dialog
        .getByRole('button', { name: 'Create workspace', exact: true })
        .click();
      await dialog.waitFor({ state: 'detached' });
      // The card on the page shares the account and the cache with the dialog.
      await eventually(
        async () =>
          (await listedWorkspaceNames(page)).includes('from-the-menu'),
        'the card never listed the workspace created from the menu',
      );
      const creates = (await fakeCoder.requests()).filter(
        request =>
          request.method === 'POST' &&
          request.url === '/api/v2/users/me/workspaces',
      );
      assertEqual(creates.length, 1, 'create requests');
    },
  },
  {
    name: 'the sidebar’s “Coder” nav item opens the Coder page, still linked',
    systems: NEW_ONLY,
    async run({ page }) {
      await openEntity(page, 'web-app');
      await submitToken(page, DEMO_TOKEN);
      await page.getByRole('list', { name: 'Coder workspaces' }).waitFor();
      await page
        .getByRole('navigation', { name: 'sidebar nav' })
        .getByRole('link', { name: 'Coder' })
        .click();
      await page.getByRole('heading', { name: 'Coder', level: 1 }).waitFor();
      assertEqual(new URL(page.url()).pathname, '/coder', 'path');
      const names = await eventually(async () => {
        const listed = await listedWorkspaceNames(page, 'My workspaces');
        return listed.length >= 11 && listed;
      }, 'the Coder page never listed the demo user’s workspaces');
      assert(
        names.includes('sandbox') && names.includes('web-app-main'),
        `workspaces of every repository: ${names}`,
      );
      await page.getByRole('list', { name: 'Templates' }).waitFor();
      await screenshotWholePage(page, 'screenshots/new-system-coder-page.png');
    },
  },
  {
    name: 'an entity with no repository: the card names the missing annotations, the About link is off',
    systems: NEW_ONLY,
    async run({ page }) {
      await openEntity(page, 'no-repo');
      const card = page.getByRole('region', { name: 'Coder workspaces' });
      await card
        .getByRole('heading', { name: 'No repository for this entity' })
        .waitFor();
      await card.getByText('coder.com/repo-url', { exact: true }).waitFor();
      await card
        .getByText('backstage.io/source-location', { exact: true })
        .first()
        .waitFor();
      assert(
        !(await page.getByRole('list', { name: 'Coder workspaces' }).count()),
        'listed workspaces without a repository',
      );
      await aboutCard(page).getByText('Open in Coder').waitFor();
      assertEqual(
        await aboutCard(page)
          .getByRole('link', { name: /^Open in Coder/ })
          .count(),
        0,
        'links to Coder without a repository',
      );
    },
  },
];
