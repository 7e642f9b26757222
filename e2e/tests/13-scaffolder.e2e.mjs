/*
 * The example software template, run for real: the scaffolder page of the dev app, our
 * CoderWorkspaceTemplate field (linking from inside the form), the scaffolder backend
 * with our coder:workspace:create action against the fake Coder, and the new service's
 * entity page, whose card shows the workspace the task created, running.
 */
import { APP_URL, BACKEND_URL, FAKE_CODER_URL } from '../../dev/stack.mjs';
import { signInAsGuest } from '../lib/browser.mjs';
import { fakeCoder } from '../lib/fakeCoder.mjs';
import { currentSystem } from '../lib/system.mjs';
import {
  assert,
  assertEqual,
  DEMO_TOKEN,
  eventually,
  submitToken,
} from '../lib/app.mjs';

const TEMPLATE_URL = `${APP_URL}/create/templates/default/coder-service`;

/** A screenshot per system: the classic app's go to screenshots/, the new one's too, named apart. */
const shot = file =>
  `screenshots/${currentSystem() === 'new' ? 'new-system-' : ''}${file}`;

/** A service name no earlier run used (the dev backend keeps published repositories). */
const uniqueName = () =>
  `svc-${currentSystem()}-${Date.now().toString(36).slice(-6)}`;

/**
 * Opens the example template's form. The catalog reads the template's location a few
 * seconds after the backend starts; until then the scaffolder answers 404.
 */
async function openTemplate(page, url = TEMPLATE_URL) {
  await signInAsGuest(page, url);
  const name = page.getByRole('textbox', { name: 'Name' });
  await eventually(
    async () => {
      if (await name.isVisible()) return true;
      await page.reload();
      await name.waitFor({ timeout: 3000 }).catch(() => undefined);
      return name.isVisible();
    },
    'the example template never appeared in the scaffolder',
    60_000,
  );
  return name;
}

export const tests = [
  {
    name: 'the example template publishes a service and creates its Coder workspace, which its entity card shows running',
    systems: ['legacy', 'new'],
    async run({ page }) {
      await fakeCoder.reset({ buildStepMs: 300 });
      const name = uniqueName();
      // Step 1: the service.
      await (await openTemplate(page)).fill(name);
      await page
        .getByRole('textbox', { name: 'Description' })
        .fill('Made by the browser test');
      await page.getByRole('button', { name: 'Next' }).click();

      // Step 2: our field. Not linked yet: it offers the card's link form in place.
      await submitToken(page, DEMO_TOKEN);
      const repoParameter = page.getByText(/Set by the template when it runs/);
      await repoParameter.first().waitFor();
      await page.screenshot({ path: shot('scaffolder-field.png'), fullPage: true });
      await page.getByRole('button', { name: 'Review' }).click();

      // Review, then run.
      await page.getByRole('button', { name: 'Create' }).click();
      const openWorkspace = page.getByRole('link', {
        name: 'Open the workspace in Coder',
      });
      await openWorkspace.waitFor({ timeout: 90_000 });
      await page.screenshot({ path: shot('scaffolder-task-finished.png') });

      // What Coder holds: the workspace, running, on the published repository.
      const { workspaces } = await fakeCoder.coder(
        'GET',
        `/api/v2/workspaces?q=${encodeURIComponent(`name:${name}`)}`,
      );
      assertEqual(workspaces.length, 1, 'workspaces Coder has by that name');
      const [workspace] = workspaces;
      assertEqual(workspace.latest_build.status, 'running', 'its status');
      const parameters = await fakeCoder.coder(
        'GET',
        `/api/v2/workspacebuilds/${workspace.latest_build.id}/parameters`,
      );
      const repoUrl = parameters.find(p => p.name === 'repo_url')?.value;
      assert(
        repoUrl?.endsWith(`/api/dev-git/${name}`),
        `repo_url is the published repository, not ${repoUrl}`,
      );
      assertEqual(
        await openWorkspace.getAttribute('href'),
        `${FAKE_CODER_URL}/@${workspace.owner_name}/${name}`,
        'the task links to the workspace',
      );

      // The new service's page: its card finds the workspace by the repository.
      await page.getByRole('link', { name: 'Open in the catalog' }).click();
      const card = page.getByRole('list', { name: 'Coder workspaces' });
      await eventually(
        async () =>
          (await card.getByRole('listitem').allTextContents()).some(
            row => row.includes(name) && row.includes('Running'),
          ),
        `the entity card does not show ${name} running`,
        30_000,
      );
    },
  },
  {
    name: 'the form refuses a workspace name the user already has in Coder, before anything is published or created',
    systems: ['legacy', 'new'],
    async run({ page }) {
      await fakeCoder.reset({ buildStepMs: 300 });
      // One of the demo user's seeded workspaces.
      const taken = 'web-app-main';
      const named = async () =>
        (
          await fakeCoder.coder(
            'GET',
            `/api/v2/workspaces?q=${encodeURIComponent(`owner:me name:${taken}`)}`,
          )
        ).workspaces.filter(workspace => workspace.name === taken);
      const [before] = await named();
      assert(before, `the seed has no ${taken}`);

      await (await openTemplate(page)).fill(taken);
      await page.getByRole('button', { name: 'Next' }).click();
      await submitToken(page, DEMO_TOKEN);
      const refusal = `You already have a Coder workspace named "${taken}". Choose another name.`;
      const workspaceName = page.getByRole('textbox', {
        name: 'Workspace name',
      });
      await eventually(
        async () =>
          (await workspaceName.inputValue()) === taken &&
          (await page.getByText(refusal).count()) > 0,
        'the field does not say the name is taken',
      );
      await page.getByRole('button', { name: 'Review' }).click();
      // The scaffolder keeps the user on the step and lists the field's error under it
      // (a second copy of the sentence).
      await eventually(
        async () => (await page.getByText(refusal).count()) >= 2,
        'the scaffolder did not refuse the step',
      );
      assertEqual(
        await page.getByRole('button', { name: 'Create' }).count(),
        0,
        'a Create button (the step was not refused)',
      );
      await page.screenshot({ path: shot('scaffolder-name-taken.png') });

      const published = await fetch(
        `${BACKEND_URL}/api/dev-git/${taken}/catalog-info.yaml`,
      );
      assertEqual(published.status, 404, 'the published repository');
      const after = await named();
      assertEqual(after.length, 1, `workspaces named ${taken}`);
      assertEqual(
        after[0].latest_build.id,
        before.latest_build.id,
        'its latest build (nothing was built)',
      );
    },
  },
  {
    name: 'Sign in with Coder from inside the template form links in a popup and keeps what the user typed',
    systems: ['legacy', 'new'],
    async run({ page }) {
      const name = uniqueName();
      await (await openTemplate(page)).fill(name);
      await page.getByRole('button', { name: 'Next' }).click();

      const [popup] = await Promise.all([
        page.waitForEvent('popup'),
        page.getByRole('button', { name: 'Sign in with Coder' }).click(),
      ]);
      await popup.getByLabel('Email').fill('demo@example.com');
      await popup.getByLabel('Password').fill('demo-password');
      await popup.getByRole('button', { name: 'Sign In' }).click();
      await popup.getByRole('button', { name: 'Allow' }).click();

      // Linked in place: the same step, the template picker, the name from step one.
      await page
        .getByRole('radiogroup', { name: 'Coder template' })
        .waitFor({ timeout: 30_000 });
      assertEqual(
        await page.getByRole('textbox', { name: 'Workspace name' }).inputValue(),
        name,
        'the workspace name the form kept',
      );
      await page.getByRole('button', { name: 'Back' }).click();
      assertEqual(
        await page.getByRole('textbox', { name: 'Name' }).inputValue(),
        name,
        'the first step after signing in',
      );
    },
  },
  {
    name: 'without the backend module, the link-only template ends with a link to Coder’s create page carrying the choice, and creates nothing',
    systems: ['legacy', 'new'],
    async run({ page }) {
      await fakeCoder.reset({ buildStepMs: 300 });
      const name = uniqueName();
      await (
        await openTemplate(
          page,
          `${APP_URL}/create/templates/default/coder-service-link`,
        )
      ).fill(name);
      await page.getByRole('button', { name: 'Next' }).click();
      await submitToken(page, DEMO_TOKEN);
      await page
        .getByRole('textbox', { name: 'Workspace name' })
        .waitFor({ timeout: 30_000 });
      // It hands over no session, so it does not say it will act as the user.
      assertEqual(
        await page.getByText(/will act in Coder as/).count(),
        0,
        'notices that the template acts as the user',
      );
      await page.getByRole('button', { name: 'Review' }).click();
      await page.getByRole('button', { name: 'Create' }).click();
      const link = page.getByRole('link', { name: 'Create the Coder workspace' });
      await link.waitFor({ timeout: 60_000 });

      const href = new URL(await link.getAttribute('href'));
      const repoUrl = `${BACKEND_URL}/api/dev-git/${name}`;
      assertEqual(
        `${href.origin}${href.pathname}`,
        `${FAKE_CODER_URL}/templates/coder/devcontainers/workspace`,
        'the page the link opens',
      );
      assertEqual(href.searchParams.get('mode'), 'auto', 'mode');
      assertEqual(href.searchParams.get('name'), name, 'name');
      assertEqual(href.searchParams.get('param.repo_url'), repoUrl, 'repo_url');
      assertEqual(href.searchParams.get('param.region'), 'eu-helsinki', 'region');

      // Coder's page: every value fills a parameter of the template; the user confirms there.
      await page.goto(href.href);
      await page.getByText(`filled by the link: ${repoUrl}`).waitFor();
      assertEqual(
        await page.locator('.error').count(),
        0,
        'values the template has no parameter for',
      );
      const { workspaces } = await fakeCoder.coder(
        'GET',
        `/api/v2/workspaces?q=${encodeURIComponent(`name:${name}`)}`,
      );
      assertEqual(workspaces.length, 0, 'workspaces created without the user');
    },
  },
];
