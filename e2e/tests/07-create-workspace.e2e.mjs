/*
 * Creating workspaces inside Backstage: the form built from the template's rich
 * parameters, Coder's validation on the right fields, and one-click auto mode.
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

async function linkDemo(page, entity = 'web-app') {
  await openEntity(page, entity);
  await submitToken(page, DEMO_TOKEN);
}

async function createPosts() {
  return (await fakeCoder.requests()).filter(
    request =>
      request.method === 'POST' &&
      request.url === '/api/v2/users/me/workspaces',
  );
}

export const tests = [
  {
    name: 'create from the dialog: a regex failure lands on its field, the text is kept, then it succeeds',
    systems: ['legacy', 'new'],
    async run({ page }) {
      await linkDemo(page);
      await page.getByRole('list', { name: 'Coder workspaces' }).waitFor();
      await page
        .getByRole('button', { name: 'Create workspace', exact: true })
        .click();
      const dialog = page.getByRole('dialog', { name: 'Create a workspace' });
      const repo = dialog.getByRole('textbox', { name: 'Repository URL' });
      await repo.waitFor();
      assertEqual(
        await repo.inputValue(),
        'https://github.com/acme/web-app',
        'repository prefilled',
      );
      assert(
        (await repo.getAttribute('readonly')) !== null,
        'repository URL is read-only by default',
      );
      const region = dialog.getByLabel(/region/i).first();
      assert(await region.count(), 'region parameter shown');

      await dialog.getByLabel('Workspace name').fill('from-the-dialog');
      const dotfiles = dialog.getByLabel('Dotfiles URL');
      await dotfiles.fill('git@github.com:demo/dotfiles.git');
      await fakeCoder.clearRequests();
      await dialog
        .getByRole('button', { name: 'Create workspace', exact: true })
        .click();
      await dialog
        .getByText('The dotfiles URL must start with https://')
        .waitFor();
      assertEqual(
        await dotfiles.inputValue(),
        'git@github.com:demo/dotfiles.git',
        'typed text kept',
      );
      await page.screenshot({ path: screenshotPath('create-dialog.png') });

      await dotfiles.fill('https://github.com/demo/dotfiles');
      await dialog
        .getByRole('button', { name: 'Create workspace', exact: true })
        .dblclick();
      await dialog.waitFor({ state: 'detached' });
      await eventually(
        async () =>
          (await listedWorkspaceNames(page)).includes('from-the-dialog'),
        'new workspace not listed',
      );
      assertEqual(
        (await createPosts()).length,
        1,
        'create requests after a double click',
      );
    },
  },
  {
    name: 'a name already taken comes back from Coder onto the name field',
    async run({ page }) {
      await linkDemo(page);
      await page.getByRole('list', { name: 'Coder workspaces' }).waitFor();
      await page
        .getByRole('button', { name: 'Create workspace', exact: true })
        .click();
      const dialog = page.getByRole('dialog', { name: 'Create a workspace' });
      await dialog.getByRole('textbox', { name: 'Repository URL' }).waitFor();
      const name = dialog.getByLabel('Workspace name');
      await name.fill('web-app-main');
      await dialog
        .getByRole('button', { name: 'Create workspace', exact: true })
        .click();
      await dialog
        .getByText('This value is already in use and should be unique.')
        .waitFor();
      assertEqual(await name.inputValue(), 'web-app-main', 'name kept');
    },
  },
  {
    name: 'auto mode lists every value for one confirming click, then creates',
    async run({ page }) {
      await linkDemo(page, 'empty-service');
      await page.getByText(/no workspaces for this repository/i).waitFor();
      await fakeCoder.clearRequests();
      await page
        .getByRole('button', {
          name: /create a workspace from devcontainers with defaults/i,
        })
        .click();
      const dialog = page.getByRole('dialog', { name: 'Create a workspace' });
      await dialog
        .getByRole('table', { name: 'Values for the new workspace' })
        .waitFor();
      assertEqual(
        (await createPosts()).length,
        0,
        'created before the confirming click',
      );
      await page.screenshot({ path: screenshotPath('create-confirm.png') });
      await dialog.getByRole('button', { name: 'Create workspace' }).click();
      const names = await eventually(async () => {
        const listed = await listedWorkspaceNames(page).catch(() => []);
        return listed.length > 0 && listed;
      }, 'auto-created workspace never listed');
      assert(
        /^empty-service-[a-z0-9]{4}$/.test(names[0]),
        `suggested name: ${names[0]}`,
      );
      const [created] = await createPosts();
      assert(created, 'no create request');
    },
  },
];
