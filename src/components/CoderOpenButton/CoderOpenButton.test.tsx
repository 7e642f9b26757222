import type { Entity } from '@backstage/catalog-model';
import { EntityProvider } from '@backstage/plugin-catalog-react';
import {
  registerMswTestHooks,
  renderInTestApp,
  TestApiProvider,
} from '@backstage/test-utils';
import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { http, HttpResponse } from 'msw';
import { setupServer } from 'msw/node';
import type { JsonObject } from '../../../dev/contract/fixtures';
import {
  coderTestApis,
  TEST_PROXY_URL,
  TEST_TOKEN,
} from '../../testUtils/coderTestApis';
import {
  userFixture,
  workspaceFixture,
} from '../../testUtils/workspaceFixtures';
import { CoderProvider } from '../CoderProvider';
import { CoderOpenButton } from './CoderOpenButton';

const server = setupServer();
registerMswTestHooks(server);

const paymentsApi: Entity = {
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Component',
  metadata: {
    name: 'payments-api',
    annotations: {
      'coder.com/repo-url': 'https://gitlab.com/acme/payments-api',
    },
  },
  spec: { type: 'service', owner: 'team', lifecycle: 'production' },
};

const daysAgo = (days: number) =>
  new Date(Date.now() - days * 86_400_000).toISOString();

function workspace(
  name: string,
  status: string,
  extra: JsonObject = {},
  id?: string,
): JsonObject {
  const made = workspaceFixture(name, { status, extra });
  return id ? { ...made, id } : made;
}

async function renderButton() {
  const { apis } = coderTestApis({ token: TEST_TOKEN });
  await renderInTestApp(
    <TestApiProvider apis={apis as any}>
      <EntityProvider entity={paymentsApi}>
        <CoderProvider>
          <CoderOpenButton />
        </CoderProvider>
      </EntityProvider>
    </TestApiProvider>,
  );
}

describe('CoderOpenButton', () => {
  it('stays on the workspace it started until it runs, never moving to a dormant one', async () => {
    const api = workspace('payments-api', 'stopped', {
      last_used_at: daysAgo(1),
    });
    const archive = workspace('payments-archive', 'stopped', {
      last_used_at: daysAgo(30),
      dormant_at: daysAgo(10),
    });
    let apiNow = api;
    const builds: string[] = [];
    server.use(
      http.get(`${TEST_PROXY_URL}/api/v2/users/me`, () =>
        HttpResponse.json(userFixture()),
      ),
      http.get(`${TEST_PROXY_URL}/api/v2/workspaces`, () =>
        HttpResponse.json({ workspaces: [apiNow, archive], count: 2 }),
      ),
      http.get(`${TEST_PROXY_URL}/api/v2/workspaces/:id`, () =>
        HttpResponse.json(apiNow),
      ),
      http.post(
        `${TEST_PROXY_URL}/api/v2/workspaces/:id/builds`,
        ({ params }) => {
          builds.push(params.id as string);
          apiNow = workspace(
            'payments-api',
            'pending',
            { last_used_at: daysAgo(1) },
            api.id as string,
          );
          return HttpResponse.json((apiNow.latest_build as JsonObject) ?? {}, {
            status: 201,
          });
        },
      ),
    );
    await renderButton();

    await userEvent.click(
      await screen.findByRole('button', { name: 'Start payments-api' }),
    );
    expect(
      await screen.findByRole('button', { name: 'Starting payments-api…' }),
    ).toBeDisabled();
    // The list now holds a pending payments-api and a stopped (dormant) archive.
    await new Promise(resolve => setTimeout(resolve, 300));
    expect(
      screen.queryByRole('button', { name: /payments-archive/ }),
    ).not.toBeInTheDocument();
    expect(builds).toEqual([api.id]);

    apiNow = workspace(
      'payments-api',
      'running',
      { last_used_at: daysAgo(0) },
      api.id as string,
    );
    expect(
      await screen.findByRole(
        'link',
        { name: 'Open payments-api in Coder' },
        { timeout: 4_000 },
      ),
    ).toBeInTheDocument();
  }, 10_000);

  it('offers to create rather than start a dormant workspace', async () => {
    server.use(
      http.get(`${TEST_PROXY_URL}/api/v2/users/me`, () =>
        HttpResponse.json(userFixture()),
      ),
      http.get(`${TEST_PROXY_URL}/api/v2/workspaces`, () =>
        HttpResponse.json({
          workspaces: [
            workspace('payments-archive', 'stopped', {
              dormant_at: daysAgo(10),
            }),
          ],
          count: 1,
        }),
      ),
    );
    await renderButton();
    expect(
      await screen.findByRole('button', { name: 'Create a workspace' }),
    ).toBeInTheDocument();
  });

  it('says Open only when the agent is connected', async () => {
    const running = workspace('payments-api', 'running');
    const build = running.latest_build as JsonObject;
    const [resource] = build.resources as JsonObject[];
    const [agent] = resource.agents as JsonObject[];
    const connecting = {
      ...running,
      latest_build: {
        ...build,
        resources: [
          { ...resource, agents: [{ ...agent, status: 'connecting' }] },
        ],
      },
    };
    server.use(
      http.get(`${TEST_PROXY_URL}/api/v2/users/me`, () =>
        HttpResponse.json(userFixture()),
      ),
      http.get(`${TEST_PROXY_URL}/api/v2/workspaces`, () =>
        HttpResponse.json({ workspaces: [connecting], count: 1 }),
      ),
      http.get(`${TEST_PROXY_URL}/api/v2/workspaces/:id`, () =>
        HttpResponse.json(connecting),
      ),
    );
    await renderButton();
    expect(
      await screen.findByRole('button', { name: 'Starting payments-api…' }),
    ).toBeDisabled();
    expect(screen.queryByRole('link')).not.toBeInTheDocument();
  });
});
