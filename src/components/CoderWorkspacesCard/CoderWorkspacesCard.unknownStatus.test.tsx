/*
 * A Coder newer than the plugin may report a status the plugin does not know, or one
 * workspace the plugin cannot read; the rest of the list must still show.
 */
import type { Entity } from '@backstage/catalog-model';
import { EntityProvider } from '@backstage/plugin-catalog-react';
import {
  registerMswTestHooks,
  renderInTestApp,
  TestApiProvider,
} from '@backstage/test-utils';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { http, HttpResponse } from 'msw';
import { setupServer } from 'msw/node';
import {
  buildWorkspaceAgent,
  buildWorkspaceBuild,
  buildWorkspaceResource,
  type JsonObject,
} from '../../../dev/contract/fixtures';
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
import { CoderWorkspacesCard } from './CoderWorkspacesCard';

const server = setupServer();
registerMswTestHooks(server);

const webApp: Entity = {
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Component',
  metadata: {
    name: 'web-app',
    annotations: {
      'backstage.io/source-location': 'url:https://github.com/acme/web-app',
    },
  },
  spec: { type: 'website', owner: 'team', lifecycle: 'production' },
};

function serveWorkspaces(workspaces: JsonObject[], count = workspaces.length) {
  server.use(
    http.get(`${TEST_PROXY_URL}/api/v2/users/me`, () =>
      HttpResponse.json(userFixture()),
    ),
    http.get(`${TEST_PROXY_URL}/api/v2/workspaces`, () =>
      HttpResponse.json({ workspaces, count }),
    ),
  );
}

async function renderCard() {
  const { apis } = coderTestApis({ token: TEST_TOKEN });
  await renderInTestApp(
    <TestApiProvider apis={apis as any}>
      <EntityProvider entity={webApp}>
        <CoderProvider>
          <CoderWorkspacesCard readEntityData />
        </CoderProvider>
      </EntityProvider>
    </TestApiProvider>,
  );
  return within(
    await screen.findByRole('list', { name: /coder workspaces/i }),
  ).getAllByRole('listitem');
}

/** A running workspace whose one agent reports `status`. */
function withAgentStatus(name: string, status: string): JsonObject {
  return workspaceFixture(name, {
    extra: {
      latest_build: {
        ...buildWorkspaceBuild(),
        resources: [
          buildWorkspaceResource({
            agents: [buildWorkspaceAgent({ status })],
          }),
        ],
      },
    },
  });
}

function rowOf(rows: HTMLElement[], name: string): HTMLElement {
  return rows.find(row => within(row).queryByText(name))!;
}

describe('CoderWorkspacesCard, given statuses it does not know', () => {
  it('shows every workspace, the ones with an unknown build or agent status as unknown', async () => {
    serveWorkspaces([
      workspaceFixture('web-app-main'),
      workspaceFixture('web-app-hibernating', { status: 'hibernating' }),
      withAgentStatus('web-app-dozing', 'dozing'),
    ]);
    const rows = await renderCard();

    expect(rows).toHaveLength(3);
    expect(rowOf(rows, 'web-app-main')).toHaveTextContent('Running');
    expect(
      within(rowOf(rows, 'web-app-hibernating')).getByText('Unknown'),
    ).toBeInTheDocument();
    expect(
      within(rowOf(rows, 'web-app-dozing')).getByText(
        'Running, agent status unknown',
      ),
    ).toBeInTheDocument();
    expect(screen.queryByText(/Unexpected answer/)).not.toBeInTheDocument();
  });

  it('leaves out a workspace it cannot read and shows the others, without a "Show more" for it', async () => {
    const { latest_build: _, ...unreadable } = workspaceFixture('web-app-odd');
    serveWorkspaces([
      workspaceFixture('web-app-main'),
      unreadable,
      workspaceFixture('web-app-second'),
    ]);
    const rows = await renderCard();

    expect(rows).toHaveLength(2);
    expect(screen.getByText('web-app-main')).toBeInTheDocument();
    expect(screen.getByText('web-app-second')).toBeInTheDocument();
    expect(screen.queryByText('web-app-odd')).not.toBeInTheDocument();
    expect(
      screen.queryByRole('button', { name: /show more/i }),
    ).not.toBeInTheDocument();
  });

  it('runs out of "Show more" when an unreadable workspace is on a later page', async () => {
    const all = Array.from({ length: 30 }, (_, index) =>
      workspaceFixture(`ws-${String(index).padStart(2, '0')}`),
    );
    const { latest_build: _, ...unreadable } = all[27];
    all[27] = unreadable;
    server.use(
      http.get(`${TEST_PROXY_URL}/api/v2/users/me`, () =>
        HttpResponse.json(userFixture()),
      ),
      http.get(`${TEST_PROXY_URL}/api/v2/workspaces`, ({ request }) => {
        const params = new URL(request.url).searchParams;
        const offset = Number(params.get('offset') ?? 0);
        const limit = Number(params.get('limit'));
        return HttpResponse.json({
          workspaces: all.slice(offset, offset + limit),
          count: all.length,
        });
      }),
    );
    const rows = await renderCard();
    expect(rows).toHaveLength(25);
    await userEvent.click(
      screen.getByRole('button', { name: 'Show more (5 not shown)' }),
    );
    const list = screen.getByRole('list', { name: /coder workspaces/i });
    await waitFor(() =>
      expect(within(list).getAllByRole('listitem')).toHaveLength(29),
    );
    await waitFor(() =>
      expect(
        screen.queryByRole('button', { name: /show more/i }),
      ).not.toBeInTheDocument(),
    );
  }, 30_000);
});
