/*
 * "Open in Coder" for an entity, and the Coder page.
 */
import { APP_URL, FAKE_CODER_URL } from '../../dev/stack.mjs';
import {
  assert,
  assertEqual,
  DEMO_TOKEN,
  eventually,
  listedWorkspaceNames,
  openEntity,
  submitToken,
} from '../lib/app.mjs';
import { screenshotPath } from '../lib/system.mjs';

async function linkDemo(page, entity) {
  await openEntity(page, entity);
  await submitToken(page, DEMO_TOKEN);
  await page.getByRole('heading', { name: 'Coder workspaces' }).waitFor();
}

export const tests = [
  {
    name: 'open button: opens the most recently used running workspace',
    async run({ page }) {
      await linkDemo(page, 'web-app');
      const button = page
        .locator('header')
        .getByRole('link', { name: /^Open .* in Coder$/ });
      await button.waitFor();
      const label = await button.textContent();
      const name = /Open (.*) in Coder/i.exec(label)[1];
      assertEqual(
        await button.getAttribute('href'),
        `${FAKE_CODER_URL}/@demo/${name}`,
        'open link',
      );
      assert(
        ['web-app-review', 'web-app-spike'].includes(name),
        `opened ${name}, not the most recently used`,
      );
      await page.screenshot({ path: 'screenshots/open-button.png' });
    },
  },
  {
    name: 'open button: starts the newest stopped workspace when none runs',
    async run({ page }) {
      await linkDemo(page, 'payments-api');
      const start = page
        .locator('header')
        .getByRole('button', { name: 'Start payments-api' });
      await start.waitFor({ timeout: 20_000 });
      await start.click();
      await page
        .getByRole('link', { name: 'Open payments-api in Coder' })
        .waitFor({ timeout: 30_000 });
    },
  },
  {
    name: 'open button: offers to create when the repository has no workspace',
    async run({ page }) {
      await linkDemo(page, 'empty-service');
      await page
        .locator('header')
        .getByRole('button', { name: 'Create a workspace', exact: true })
        .click();
      // empty-service is in auto mode: one confirming click creates, then the
      // button opens it.
      await page
        .getByRole('dialog', { name: 'Create a workspace' })
        .getByRole('button', { name: 'Create workspace' })
        .click();
      await page
        .getByRole('link', {
          name: /^Open empty-service-[a-z0-9]{4} in Coder$/,
        })
        .waitFor({ timeout: 30_000 });
    },
  },
  {
    name: 'the Coder page lists all of the user’s workspaces, the deployment and the templates',
    systems: ['legacy', 'new'],
    async run({ page }) {
      await linkDemo(page, 'web-app');
      await page.goto(`${APP_URL}/coder`);
      await page.getByRole('heading', { name: 'My workspaces' }).waitFor();
      const names = await eventually(async () => {
        const listed = await listedWorkspaceNames(page, 'My workspaces').catch(
          () => [],
        );
        return listed.length >= 11 && listed;
      }, 'the Coder page never listed the workspaces');
      assertEqual(
        [...names].sort(),
        // payments-cleanup was seeded mid-deletion and is gone by now; alice's are not listed.
        [
          'docs-site',
          'payments-api',
          'payments-archive',
          'sandbox',
          'scratch',
          'web-app-broken',
          'web-app-feature',
          'web-app-legacy',
          'web-app-main',
          'web-app-review',
          'web-app-spike',
        ],
        'the demo user’s workspaces',
      );
      await page.getByText(/^v2\.\d+/).waitFor();
      const templates = page.getByRole('list', { name: 'Templates' });
      await templates.getByText('Dev Containers').waitFor();
      assert(
        !(await templates.getByText(/legacy/i).count()),
        'a deprecated template is offered',
      );
      await page.screenshot({ path: screenshotPath('coder-page.png') });
    },
  },
];
