import type { Entity } from '@backstage/catalog-model';
import { alertApiRef } from '@backstage/core-plugin-api';
import { EntityProvider } from '@backstage/plugin-catalog-react';
import {
  registerMswTestHooks,
  renderInTestApp,
  TestApiProvider,
} from '@backstage/test-utils';
import { screen, waitFor, within } from '@testing-library/react';
import { http, HttpResponse } from 'msw';
import { setupServer } from 'msw/node';
import {
  coderTestApis,
  TEST_PROXY_URL,
  TEST_TOKEN,
} from '../../testUtils/coderTestApis';
import {
  userFixture,
  workspaceFixture,
} from '../../testUtils/workspaceFixtures';
import type { JsonObject } from '../../../dev/contract/fixtures';
import { CoderProvider } from '../CoderProvider';
import { CoderWorkspacesCard } from './CoderWorkspacesCard';

const server = setupServer();
registerMswTestHooks(server);

const webApp: Entity = {
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Component',
  metadata: {
    name: 'web-app',
    annotations: { 'coder.com/repo-url': 'https://github.com/acme/web-app' },
  },
  spec: { type: 'service', owner: 'team', lifecycle: 'production' },
};

/** The same workspace as Coder would describe it in `status`. */
function as(workspace: JsonObject, status: string): JsonObject {
  const again = workspaceFixture(workspace.name as string, { status });
  return { ...again, id: workspace.id };
}

describe('CoderWorkspacesCard live status', () => {
  it('follows a transitioning workspace on its own, shows each state, then asks for the list again', async () => {
    const starting = workspaceFixture('web-app-main', { status: 'starting' });
    const other = workspaceFixture('web-app-other', { status: 'stopped' });
    let coderState = 'starting';
    const listRequests: string[] = [];
    const followRequests: string[] = [];
    server.use(
      http.get(`${TEST_PROXY_URL}/api/v2/users/me`, () =>
        HttpResponse.json(userFixture()),
      ),
      http.get(`${TEST_PROXY_URL}/api/v2/workspaces`, ({ request }) => {
        listRequests.push(request.url);
        const current = as(starting, coderState);
        return HttpResponse.json({ workspaces: [current, other], count: 2 });
      }),
      http.get(`${TEST_PROXY_URL}/api/v2/workspaces/:id`, ({ params }) => {
        followRequests.push(params.id as string);
        return HttpResponse.json(as(starting, coderState));
      }),
    );
    const { apis } = coderTestApis({ token: TEST_TOKEN });
    const alertApi = { post: jest.fn(), alert$: jest.fn() };
    await renderInTestApp(
      <TestApiProvider apis={[...apis, [alertApiRef, alertApi]] as any}>
        <EntityProvider entity={webApp}>
          <CoderProvider>
            <CoderWorkspacesCard readEntityData />
          </CoderProvider>
        </EntityProvider>
      </TestApiProvider>,
    );
    const row = async () =>
      (await screen.findByText('web-app-main')).closest('li')!;
    expect(
      await within(await row()).findByText('Starting'),
    ).toBeInTheDocument();
    expect(listRequests).toHaveLength(1);

    coderState = 'running';
    expect(
      await within(await row()).findByText('Running', undefined, {
        timeout: 4_000,
      }),
    ).toBeInTheDocument();
    // Only the transitioning workspace was read on its own, and the list was asked
    // again once it settled (not every few seconds meanwhile).
    expect(new Set(followRequests)).toEqual(new Set([starting.id]));
    await waitFor(() => expect(listRequests).toHaveLength(2));
    // The finished build is announced, once.
    await waitFor(() =>
      expect(alertApi.post).toHaveBeenCalledWith({
        message: 'web-app-main is running.',
        severity: 'success',
        display: 'transient',
      }),
    );
    expect(alertApi.post).toHaveBeenCalledTimes(1);
  }, 10_000);
});
