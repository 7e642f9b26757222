/*
 * The example software template, run in the host app as a user runs it: the scaffolder's
 * form with our CoderWorkspaceTemplate field (linking in place if the browser has no
 * token yet), the task with our coder:workspace:create action against the fake Coder,
 * then the new service's entity page, whose card shows the workspace running. The steps
 * are e2e/tests/13-scaffolder.e2e.mjs's; Coder's side is checked through its own API.
 */
import { eventually } from '../../e2e/lib/app.mjs';

export const TEMPLATE_PATH = '/create/templates/default/coder-service';
const CARD_TITLE = 'Coder workspaces';

/** A service name no earlier run used (also a valid Coder workspace name). */
const uniqueName = mode => `svc-${mode}-${Date.now().toString(36).slice(-6)}`;

async function coderGet(coderUrl, token, apiPath) {
  const response = await fetch(`${coderUrl}${apiPath}`, {
    headers: { 'Coder-Session-Token': token },
  });
  if (!response.ok)
    throw new Error(
      `GET ${apiPath} from the fake Coder: HTTP ${response.status}`,
    );
  return response.json();
}

/**
 * Runs the template in `browser` (launchBrowser); `step(name, fn)` times each part.
 * Returns the service's name and what Coder holds for its workspace.
 */
export async function runExampleTemplate({
  browser,
  appUrl,
  backendUrl,
  coderUrl,
  demoToken,
  mode,
  step,
}) {
  const { page, shot } = browser;
  const name = uniqueName(mode);
  try {
    await step('browser: the example template’s form opens', async () => {
      await page.goto(`${appUrl}${TEMPLATE_PATH}`);
      const enter = page.getByRole('button', { name: /enter/i });
      const nameField = page.getByRole('textbox', { name: 'Name' });
      // The catalog reads the template's location a little after the backend starts;
      // until then the scaffolder answers 404.
      await eventually(
        async () => {
          if (await enter.isVisible()) await enter.click();
          if (await nameField.isVisible()) return true;
          await nameField.waitFor({ timeout: 5000 }).catch(() => undefined);
          if (await nameField.isVisible()) return true;
          await page.reload();
          return false;
        },
        `the template at ${TEMPLATE_PATH} never showed its form`,
        120_000,
      );
      await page.screenshot({ path: shot('5-template-form') });
    });

    await step(
      'browser: fill the form; the Coder field is linked',
      async () => {
        await page.getByRole('textbox', { name: 'Name' }).fill(name);
        await page
          .getByRole('textbox', { name: 'Description' })
          .fill('Made by scripts/host-app');
        await page.getByRole('button', { name: 'Next' }).click();
        // The card's flow linked this browser already; should it not have, the field
        // offers the card's link form in place.
        const tokenField = page.getByLabel('Coder session token');
        const repoParameter = page
          .getByText(/Set by the template when it runs/)
          .first();
        await tokenField.or(repoParameter).first().waitFor();
        if (await tokenField.isVisible()) {
          await tokenField.fill(demoToken);
          await page.getByRole('button', { name: 'Link account' }).click();
        }
        await repoParameter.waitFor();
        await page.screenshot({
          path: shot('6-template-field'),
          fullPage: true,
        });
      },
    );

    const openWorkspace = page.getByRole('link', {
      name: 'Open the workspace in Coder',
    });
    await step('browser: Review, Create; the task finishes', async () => {
      await page.getByRole('button', { name: 'Review' }).click();
      await page.getByRole('button', { name: 'Create' }).click();
      await openWorkspace.waitFor({ timeout: 120_000 });
      await page.screenshot({ path: shot('7-task-finished') });
    });

    const workspace = await step(
      'Coder API: the workspace runs on the published repository',
      async () => {
        const { workspaces } = await coderGet(
          coderUrl,
          demoToken,
          `/api/v2/workspaces?q=${encodeURIComponent(`name:${name}`)}`,
        );
        if (workspaces.length !== 1)
          throw new Error(
            `Coder has ${workspaces.length} workspaces named ${name}, expected 1`,
          );
        const [found] = workspaces;
        const status = found.latest_build.status;
        if (status !== 'running')
          throw new Error(`${name} is ${status} in Coder, expected running`);
        const parameters = await coderGet(
          coderUrl,
          demoToken,
          `/api/v2/workspacebuilds/${found.latest_build.id}/parameters`,
        );
        const repoUrl = parameters.find(p => p.name === 'repo_url')?.value;
        const published = `${backendUrl}/api/dev-git/${name}`;
        if (repoUrl !== published)
          throw new Error(
            `${name}'s repo_url is ${repoUrl}, expected the published ${published}`,
          );
        const href = await openWorkspace.getAttribute('href');
        const expected = `${coderUrl}/@${found.owner_name}/${name}`;
        if (href !== expected)
          throw new Error(`the task links to ${href}, expected ${expected}`);
        return { owner: found.owner_name, status, repoUrl };
      },
    );

    await step(
      'browser: Open in the catalog; the service’s card shows it Running',
      async () => {
        await page.getByRole('link', { name: 'Open in the catalog' }).click();
        const card = page.getByRole('list', { name: CARD_TITLE });
        let lastReload = Date.now();
        await eventually(
          async () => {
            const rows = await card.getByRole('listitem').allTextContents();
            if (rows.some(row => row.includes(name) && row.includes('Running')))
              return true;
            // A page opened before the catalog had processed the entity stays "not found".
            if (Date.now() - lastReload > 15_000) {
              lastReload = Date.now();
              await page.reload();
            }
            return false;
          },
          `the new service's card does not show ${name} running`,
          90_000,
        );
        // Centred: the relations graph above it grows after it renders, which would
        // push a merely scrolled-to card out of view again.
        await card.evaluate(list => list.scrollIntoView({ block: 'center' }));
        await page.waitForTimeout(500);
        await card.evaluate(list => list.scrollIntoView({ block: 'center' }));
        await page.screenshot({ path: shot('8-service-card') });
      },
    );
    return { name, ...workspace };
  } catch (error) {
    await page.screenshot({ path: shot('template-failure') }).catch(() => {});
    throw error;
  }
}
