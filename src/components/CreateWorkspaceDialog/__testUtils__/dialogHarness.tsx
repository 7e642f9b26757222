import { alertApiRef } from '@backstage/core-plugin-api';
import { renderInTestApp, TestApiProvider } from '@backstage/test-utils';
import { screen } from '@testing-library/react';
import { http, HttpResponse } from 'msw';
import type { SetupServer } from 'msw/node';
import type { CoderTemplateParameter } from '../../../api/types';
import type { CoderWorkspacesConfig } from '../../../hooks/useCoderWorkspacesConfig';
import {
  coderTestApis,
  TEST_ACCESS_URL,
  TEST_PROXY_URL,
  TEST_TOKEN,
} from '../../../testUtils/coderTestApis';
import {
  userFixture,
  workspaceFixture,
} from '../../../testUtils/workspaceFixtures';
import { CoderProvider } from '../../CoderProvider';
import { CreateWorkspaceDialog } from '../CreateWorkspaceDialog';

/** The repository the card in these tests lists workspaces for. */
export const REPO_URL = 'https://github.com/acme/web-app';

/** The one template Coder offers in these tests. */
export const TEMPLATE = {
  id: 'c0de0002-0000-4000-8000-000000000001',
  name: 'devcontainers',
  display_name: 'Dev Containers',
  description: 'Develop in a devcontainer.',
  icon: '',
  organization_id: 'c0de0001-0000-4000-8000-000000000001',
  organization_name: 'coder',
  active_version_id: 'c0de0003-0000-4000-8000-000000000001',
  deprecated: false,
  allow_user_cancel_workspace_jobs: true,
};

/** A rich parameter in Coder's wire format, plain text and optional unless told. */
export function parameter(
  fields: Partial<CoderTemplateParameter> & { name: string },
): CoderTemplateParameter {
  return {
    display_name: '',
    description: '',
    type: 'string',
    form_type: 'input',
    mutable: true,
    default_value: '',
    icon: '',
    options: [],
    required: false,
    ephemeral: false,
    validation_error: '',
    validation_regex: '',
    validation_min: null,
    validation_max: null,
    validation_monotonic: '',
    ...fields,
  };
}

/** The template's repository parameter, as the seeded devcontainers template has it. */
export const REPO_PARAMETER = parameter({
  name: 'repo_url',
  display_name: 'Repository URL',
  required: true,
});

/**
 * Serves one template with `parameters`; each create request body lands in the returned
 * list, and Coder answers with `answer` (by default, the created workspace).
 */
export function serveCoder(
  server: SetupServer,
  parameters: CoderTemplateParameter[],
  answer?: (body: { name: string }) => Response | Promise<Response>,
) {
  const created: Array<{
    name: string;
    rich_parameter_values: Array<{ name: string; value: string }>;
  }> = [];
  server.use(
    http.get(`${TEST_PROXY_URL}/api/v2/users/me`, () =>
      HttpResponse.json(userFixture()),
    ),
    http.get(`${TEST_PROXY_URL}/api/v2/templates`, () =>
      HttpResponse.json([TEMPLATE]),
    ),
    http.get(
      `${TEST_PROXY_URL}/api/v2/templateversions/:id/rich-parameters`,
      () => HttpResponse.json(parameters),
    ),
    http.post(
      `${TEST_PROXY_URL}/api/v2/users/me/workspaces`,
      async ({ request }) => {
        const body = (await request.json()) as (typeof created)[number];
        created.push(body);
        return answer
          ? answer(body)
          : HttpResponse.json(workspaceFixture(body.name, { owner: 'demo' }), {
              status: 201,
            });
      },
    ),
  );
  return created;
}

/** A card's settings for {@link REPO_URL} with the `devcontainers` template. */
export function cardConfig(
  overrides: Partial<CoderWorkspacesConfig> = {},
): CoderWorkspacesConfig {
  return {
    readsEntityData: true,
    mode: 'manual',
    templateName: 'devcontainers',
    params: {},
    repoUrl: REPO_URL,
    repoUrlParamKeys: ['repo_url'],
    repository: { repoUrl: REPO_URL, repoUrlParamKeys: ['repo_url'] },
    issues: [],
    ...overrides,
  };
}

/**
 * Renders the dialog as a classic app does (alerts, not toasts) and returns it with the
 * alert API's mock; `apis` adds or replaces APIs (e.g. a toast API).
 */
export async function renderDialog(
  options: {
    config?: CoderWorkspacesConfig;
    autoSubmit?: boolean;
    onClose?: () => void;
    apis?: Array<readonly [unknown, unknown]>;
  } = {},
) {
  const { apis } = coderTestApis({ token: TEST_TOKEN });
  const alertApi = { post: jest.fn(), alert$: jest.fn() };
  await renderInTestApp(
    <TestApiProvider
      apis={[...apis, [alertApiRef, alertApi], ...(options.apis ?? [])] as any}
    >
      <CoderProvider
        appConfig={{ deployment: { accessUrl: TEST_ACCESS_URL } } as any}
      >
        <CreateWorkspaceDialog
          open
          onClose={options.onClose ?? (() => {})}
          workspacesConfig={options.config ?? cardConfig()}
          autoSubmit={options.autoSubmit}
        />
      </CoderProvider>
    </TestApiProvider>,
  );
  const dialog = await screen.findByRole('dialog', {
    name: 'Create a workspace',
  });
  return { dialog, alertApi };
}
