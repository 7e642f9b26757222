import { createApp } from '@backstage/app-defaults';
import { FlatRoutes } from '@backstage/core-app-api';
import { EntityProvider } from '@backstage/plugin-catalog-react';
import { render, screen } from '@testing-library/react';
import { Route } from 'react-router-dom';
import { CoderProvider } from '../components/CoderProvider';
import { CoderWorkspacesCard } from '../components/CoderWorkspacesCard';
import { CoderOpenButton } from '../components/CoderOpenButton';
import { entityFixture } from '../testUtils/entityFixtures';

/*
 * The README's classic install, in a real classic app: no `plugins: [coderPlugin]` and no
 * Coder page route, only the pieces the steps name. The app registers a plugin's APIs
 * only for plugins it finds in its element tree, so these pieces must say which plugin
 * they belong to; without that every page throws "No implementation available for
 * apiRef{plugin.coder.auth}".
 */
const entity = entityFixture();

function renderClassicApp(tree: (page: JSX.Element) => JSX.Element) {
  const app = createApp({
    configLoader: async () => [
      {
        context: 'test',
        data: {
          app: { baseUrl: 'http://localhost:3000' },
          backend: { baseUrl: 'http://localhost:7007' },
          coder: { deployment: { accessUrl: 'https://coder.example.com' } },
        },
      },
    ],
  });
  const AppRouter = app.getRouter();
  const page = (
    <EntityProvider entity={entity}>
      <CoderWorkspacesCard readEntityData />
      <CoderOpenButton />
    </EntityProvider>
  );
  const Root = app.createRoot(
    <AppRouter>
      <FlatRoutes>
        <Route path="/" element={tree(page)} />
      </FlatRoutes>
    </AppRouter>,
  );
  return render(<Root />);
}

describe('the classic install (README steps)', () => {
  it('works with CoderProvider around the app and the card on a page', async () => {
    renderClassicApp(page => <CoderProvider>{page}</CoderProvider>);
    expect(
      await screen.findByRole('heading', { name: 'Coder workspaces' }),
    ).toBeInTheDocument();
    expect(
      await screen.findByLabelText(/Coder session token/),
    ).toBeInTheDocument();
    expect(
      screen.getByRole('button', { name: 'Link Coder account' }),
    ).toBeInTheDocument();
  });

  it('works with only the card (and the open button), no provider', async () => {
    renderClassicApp(page => page);
    expect(
      await screen.findByLabelText(/Coder session token/),
    ).toBeInTheDocument();
  });
});
