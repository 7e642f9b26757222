import {
  registerMswTestHooks,
  renderInTestApp,
  TestApiProvider,
} from '@backstage/test-utils';
import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { http, HttpResponse } from 'msw';
import { setupServer } from 'msw/node';
import type { CoderWorkspacesConfig } from '../../hooks/useCoderWorkspacesConfig';
import {
  coderTestApis,
  TEST_ACCESS_URL,
  TEST_PROXY_URL,
  TEST_TOKEN,
} from '../../testUtils/coderTestApis';
import { userFixture } from '../../testUtils/workspaceFixtures';
import { CoderProvider } from '../CoderProvider';
import { CreateWorkspaceDialog } from './CreateWorkspaceDialog';
import { TEMPLATE } from './__testUtils__/dialogHarness';

const server = setupServer();
registerMswTestHooks(server);

// The harness's template: the one Coder offers in these tests.
const DEVCONTAINERS = TEMPLATE;

const DEPRECATED = {
  message:
    'Template "devcontainers" has been deprecated, and cannot be used to create a new workspace.',
  detail: 'Use the Docker template instead.',
};

function serveCoder(created: object[]) {
  server.use(
    http.get(`${TEST_PROXY_URL}/api/v2/users/me`, () =>
      HttpResponse.json(userFixture()),
    ),
    // Coder's template list leaves deprecated templates out.
    http.get(`${TEST_PROXY_URL}/api/v2/templates`, () =>
      HttpResponse.json([DEVCONTAINERS]),
    ),
    http.get(
      `${TEST_PROXY_URL}/api/v2/templateversions/:id/rich-parameters`,
      () => HttpResponse.json([]),
    ),
    http.post(
      `${TEST_PROXY_URL}/api/v2/users/me/workspaces`,
      async ({ request }) => {
        created.push((await request.json()) as object);
        // Deprecated between loading the form and sending it.
        return HttpResponse.json(DEPRECATED, { status: 400 });
      },
    ),
  );
}

function config(templateName: string): CoderWorkspacesConfig {
  return {
    readsEntityData: true,
    mode: 'auto',
    templateName,
    params: {},
    repoUrl: 'https://github.com/acme/web-app',
    repoUrlParamKeys: ['repo_url'],
    repository: {
      repoUrl: 'https://github.com/acme/web-app',
      repoUrlParamKeys: ['repo_url'],
    },
    issues: [],
  } as unknown as CoderWorkspacesConfig;
}

async function renderDialog(templateName: string, autoSubmit = true) {
  const { apis } = coderTestApis({ token: TEST_TOKEN });
  await renderInTestApp(
    <TestApiProvider apis={apis as any}>
      <CoderProvider
        appConfig={{ deployment: { accessUrl: TEST_ACCESS_URL } } as any}
      >
        <CreateWorkspaceDialog
          open
          onClose={() => {}}
          workspacesConfig={config(templateName)}
          autoSubmit={autoSubmit}
        />
      </CoderProvider>
    </TestApiProvider>,
  );
  return screen.findByRole('dialog', { name: 'Create a workspace' });
}

describe('CreateWorkspaceDialog', () => {
  it('says when the configured template is not offered, instead of an empty dialog, and creates nothing', async () => {
    const created: object[] = [];
    serveCoder(created);
    const dialog = await renderDialog('legacy-vm');

    expect(await within(dialog).findByRole('alert')).toHaveTextContent(
      'Coder does not offer the template "legacy-vm" to you: it may be deprecated, or you may not have access to it. Choose another template.',
    );
    await userEvent.click(
      within(dialog).getByRole('button', { name: /template/i }),
    );
    await userEvent.click(
      await screen.findByRole('option', { name: 'Dev Containers' }),
    );
    // Picked by the user, not configured: the form waits for the Create button.
    expect(
      await within(dialog).findByRole('button', { name: 'Create workspace' }),
    ).toBeEnabled();
    await new Promise(resolve => setTimeout(resolve, 200));
    expect(created).toEqual([]);
  });

  it("shows Coder's reason when the template was deprecated after the form loaded", async () => {
    const created: object[] = [];
    serveCoder(created);
    const dialog = await renderDialog('devcontainers', false);
    await userEvent.click(
      await within(dialog).findByRole('button', { name: 'Create workspace' }),
    );

    expect(await within(dialog).findByRole('alert')).toHaveTextContent(
      `${DEPRECATED.message} ${DEPRECATED.detail}`,
    );
    expect(created).toHaveLength(1);
  });
});
