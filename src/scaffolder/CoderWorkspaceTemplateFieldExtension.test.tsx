import { createApp } from '@backstage/app-defaults';
import { FlatRoutes } from '@backstage/core-app-api';
import {
  ScaffolderFieldExtensions,
  SecretsContextProvider,
  useCustomFieldExtensions,
} from '@backstage/plugin-scaffolder-react';
import { render, screen } from '@testing-library/react';
import { Route, useOutlet } from 'react-router-dom';
import { CoderWorkspaceTemplateFieldExtension } from '../plugin';

/*
 * The classic install: the field inside <ScaffolderFieldExtensions> under a route, as
 * apps put it under <ScaffolderPage />, and no CoderProvider anywhere. The host reads
 * the field extensions from its outlet the way the scaffolder page does.
 */
function ScaffolderLikePage() {
  const [field] = useCustomFieldExtensions(useOutlet());
  if (!field) return <p>No field extensions</p>;
  const Field = field.component as (
    props: Record<string, unknown>,
  ) => JSX.Element;
  return (
    <SecretsContextProvider>
      <p>Field: {field.name}</p>
      <Field
        name="coder"
        schema={{ title: 'Workspace', type: 'object' }}
        uiSchema={{}}
        idSchema={{ $id: 'root_coder' }}
        onChange={() => {}}
        rawErrors={[]}
      />
    </SecretsContextProvider>
  );
}

function renderClassicApp() {
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
  const Root = app.createRoot(
    <AppRouter>
      <FlatRoutes>
        <Route path="/" element={<ScaffolderLikePage />}>
          <ScaffolderFieldExtensions>
            <CoderWorkspaceTemplateFieldExtension />
          </ScaffolderFieldExtensions>
        </Route>
      </FlatRoutes>
    </AppRouter>,
  );
  return render(<Root />);
}

describe('CoderWorkspaceTemplateFieldExtension (classic)', () => {
  it('is found under ScaffolderFieldExtensions and brings the Coder APIs along, with no CoderProvider', async () => {
    renderClassicApp();
    expect(
      await screen.findByText('Field: CoderWorkspaceTemplate'),
    ).toBeInTheDocument();
    // The link form needs the plugin's APIs, which the app registers only for plugins
    // it finds in its element tree.
    expect(
      await screen.findByLabelText(
        /Coder session token/,
        {},
        { timeout: 10_000 },
      ),
    ).toBeInTheDocument();
    expect(
      screen.queryByText('The Coder plugin is not installed in this app'),
    ).toBeNull();
  });
});
