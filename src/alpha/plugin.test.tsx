import {
  createExtensionTester,
  renderInTestApp,
  renderTestApp,
  registerMswTestHooks,
} from '@backstage/frontend-test-utils';
import { EntityCardBlueprint } from '@backstage/plugin-catalog-react/alpha';
import { EntityProvider } from '@backstage/plugin-catalog-react';
import { screen } from '@testing-library/react';
import { http, HttpResponse } from 'msw';
import { setupServer } from 'msw/node';
import coderPlugin from '../alpha';
import {
  coderTestApis,
  TEST_ACCESS_URL,
  TEST_PROXY_URL,
} from '../testUtils/coderTestApis';
import { userFixture } from '../testUtils/workspaceFixtures';
import { coderWorkspacesEntityCard } from './workspacesCard';
import { entityFixture } from '../testUtils/entityFixtures';

const server = setupServer();
// What the extensions render loads lazily; the first import is slow under jest.
const LAZY = { timeout: 10_000 };
// The test app reads its own config, not the config API of coderTestApis.
const config = { coder: { deployment: { accessUrl: TEST_ACCESS_URL } } };
registerMswTestHooks(server);

const optedIn = entityFixture({
  annotations: { 'coder.com/template': 'devcontainers' },
});
const notOptedIn = entityFixture({ name: 'other' });

describe('the new-frontend-system plugin', () => {
  it('is the default export, with every extension a new-system app discovers', () => {
    expect(coderPlugin.pluginId).toBe('coder');
    for (const id of [
      'api:coder/token-store',
      'api:coder/auth',
      'api:coder/client',
      'plugin-wrapper:coder',
      'entity-card:coder/workspaces',
      'entity-icon-link:coder/open',
      'entity-context-menu-item:coder/create-workspace',
      'page:coder',
      'scaffolder-form-field:coder/workspace-template',
    ] as const) {
      expect(coderPlugin.getExtension(id)).toBeDefined();
    }
  });

  it('shows the card only on entities that opt into Coder, unless app-config re-filters it', () => {
    const filter = createExtensionTester(coderWorkspacesEntityCard).get(
      EntityCardBlueprint.dataRefs.filterFunction,
    );
    expect(filter?.(optedIn)).toBe(true);
    expect(filter?.(notOptedIn)).toBe(false);

    const refiltered = createExtensionTester(coderWorkspacesEntityCard, {
      config: { filter: { kind: 'component' } },
    });
    expect(
      refiltered.get(EntityCardBlueprint.dataRefs.filterExpression),
    ).toBeUndefined();
  });

  it("renders the card with its extension config, reading the entity's repository", async () => {
    const { apis } = coderTestApis();
    const tester = createExtensionTester(coderWorkspacesEntityCard, {
      config: { title: 'Dev environments' },
    });
    await renderInTestApp(
      <EntityProvider entity={optedIn}>{tester.reactElement()}</EntityProvider>,
      { apis: apis as any, config },
    );
    expect(
      await screen.findByRole('heading', { name: 'Dev environments' }, LAZY),
    ).toBeInTheDocument();
    expect(
      await screen.findByLabelText(/Coder session token/),
    ).toBeInTheDocument();
  });

  it('serves the Coder page at /coder inside the plugin wrapper', async () => {
    const { apis } = coderTestApis({
      token: 'abcdefghij-0123456789abcdefghijkl',
    });
    server.use(
      http.get(`${TEST_PROXY_URL}/api/v2/users/me`, () =>
        HttpResponse.json(userFixture()),
      ),
      http.get(`${TEST_PROXY_URL}/api/v2/workspaces`, () =>
        HttpResponse.json({ workspaces: [], count: 0 }),
      ),
      http.get(`${TEST_PROXY_URL}/api/v2/buildinfo`, () =>
        HttpResponse.json({ version: 'v2.37.0', external_url: '' }),
      ),
      http.get(`${TEST_PROXY_URL}/api/v2/templates`, () =>
        HttpResponse.json([]),
      ),
    );
    renderTestApp({
      features: [coderPlugin],
      apis: apis as any,
      config,
      initialRouteEntries: ['/coder'],
    });
    expect(
      await screen.findByRole('heading', { name: 'My workspaces' }, LAZY),
    ).toBeInTheDocument();
    expect(await screen.findByText('Deployment')).toBeInTheDocument();
  });
});
