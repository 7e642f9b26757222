import type { Entity } from '@backstage/catalog-model';
import { EntityProvider } from '@backstage/plugin-catalog-react';
import {
  registerMswTestHooks,
  renderInTestApp,
  TestApiProvider,
} from '@backstage/test-utils';
import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { http, HttpResponse } from 'msw';
import { setupServer } from 'msw/node';
import { useLocation, useNavigate } from 'react-router-dom';
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

function entity(name: string): Entity {
  return {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Component',
    metadata: {
      name,
      annotations: { 'coder.com/repo-url': `https://github.com/acme/${name}` },
    },
    spec: { type: 'service', owner: 'team', lifecycle: 'production' },
  };
}

let location = '';

/** Two entity pages under one router, as a Backstage app has them. */
function EntityPages() {
  const current = useLocation();
  const navigate = useNavigate();
  location = `${current.pathname}${current.search}`;
  const name = current.pathname.split('/').pop() || 'web-app';
  return (
    <>
      <button onClick={() => navigate('/entity/payments-api')}>
        Payments API
      </button>
      <button onClick={() => navigate(-1)}>Back</button>
      <EntityProvider entity={entity(name)}>
        <CoderWorkspacesCard readEntityData />
        <CoderWorkspacesCard readEntityData title="Stopped ones" />
      </EntityProvider>
    </>
  );
}

const searchBoxes = () =>
  screen.getAllByRole('textbox', { name: /search workspaces/i });

describe('CoderWorkspacesCard search in the page URL', () => {
  beforeEach(() => {
    server.use(
      http.get(`${TEST_PROXY_URL}/api/v2/users/me`, () =>
        HttpResponse.json(userFixture()),
      ),
      http.get(`${TEST_PROXY_URL}/api/v2/workspaces`, () =>
        HttpResponse.json({ workspaces: [workspaceFixture('a')], count: 1 }),
      ),
    );
  });

  it('keeps each card’s search in the URL, so another entity starts afresh and Back restores it', async () => {
    const { apis } = coderTestApis({ token: TEST_TOKEN });
    await renderInTestApp(
      <TestApiProvider apis={apis as any}>
        <CoderProvider>
          <EntityPages />
        </CoderProvider>
      </TestApiProvider>,
      { routeEntries: ['/entity/web-app'] },
    );
    await screen.findAllByText('a');
    await userEvent.type(searchBoxes()[0], ' status:running');
    await waitFor(() =>
      expect(
        new URLSearchParams(location.split('?')[1]).get('coder-search'),
      ).toBe('owner:me status:running'),
    );
    // The second card has its own parameter and keeps its own text.
    expect(searchBoxes()[1]).toHaveValue('owner:me');

    await userEvent.click(screen.getByRole('button', { name: 'Payments API' }));
    await waitFor(() => expect(searchBoxes()[0]).toHaveValue('owner:me'));
    expect(location).toBe('/entity/payments-api');

    await userEvent.click(screen.getByRole('button', { name: 'Back' }));
    await waitFor(() =>
      expect(searchBoxes()[0]).toHaveValue('owner:me status:running'),
    );
    expect(searchBoxes()[1]).toHaveValue('owner:me');
  });

  it('starts from the search in the URL, e.g. after a reload', async () => {
    const { apis } = coderTestApis({ token: TEST_TOKEN });
    await renderInTestApp(
      <TestApiProvider apis={apis as any}>
        <CoderProvider>
          <EntityPages />
        </CoderProvider>
      </TestApiProvider>,
      {
        routeEntries: [
          `/entity/web-app?coder-search-stopped-ones=${encodeURIComponent(
            'owner:me status:stopped',
          )}`,
        ],
      },
    );
    await screen.findAllByText('a');
    expect(searchBoxes()[0]).toHaveValue('owner:me');
    expect(searchBoxes()[1]).toHaveValue('owner:me status:stopped');
  });
});
