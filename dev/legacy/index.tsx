import '@backstage/cli/asset-types';
import ReactDOM from 'react-dom/client';
import { Navigate, Route } from 'react-router-dom';
import { createApp } from '@backstage/app-defaults';
import { FlatRoutes } from '@backstage/core-app-api';
import { configApiRef, createApiFactory } from '@backstage/core-plugin-api';
import {
  ScmIntegrationsApi,
  scmIntegrationsApiRef,
} from '@backstage/integration-react';
import { CatalogEntityPage } from '@backstage/plugin-catalog';
import { ScaffolderPage } from '@backstage/plugin-scaffolder';
import { ScaffolderFieldExtensions } from '@backstage/plugin-scaffolder-react';
import {
  AlertDisplay,
  OAuthRequestDialog,
  SignInPage,
} from '@backstage/core-components';
import { CoderPage } from '../../src/plugin';
import { CoderWorkspaceTemplateFieldExtension } from '../../src';
import { CoderProvider } from '../../src/components/CoderProvider';
import { sampleEntities } from '../entities';
import { EntityPage } from './EntityPage';
import { CatalogEntityContent } from './CatalogEntityContent';
import { DevSidebar } from './DevSidebar';
// As a classic create-app app's index.tsx does: Backstage UI's styles (and its reset).
// eslint-disable-next-line @backstage/no-ui-css-imports-in-non-frontend
import '@backstage/ui/css/styles.css';
import { devAppConfig } from './appConfig';

/*
 * The classic-system dev app (`npm start -- --legacy`), wired as the README's classic
 * steps say: no `plugins: [coderPlugin]`, CoderProvider around the app, the card on
 * entity pages. That the plugin's APIs are found from these alone is part of the test.
 * The scaffolder page has the example template, with our field added the classic way.
 */
const app = createApp({
  // What a create-app app's apis.ts registers; the scaffolder needs it.
  apis: [
    createApiFactory({
      api: scmIntegrationsApiRef,
      deps: { configApi: configApiRef },
      factory: ({ configApi }) => ScmIntegrationsApi.fromConfig(configApi),
    }),
  ],
  components: {
    SignInPage: props => (
      <SignInPage
        {...props}
        providers={['guest']}
        title="Coder plugin dev app"
      />
    ),
  },
});

const AppRouter = app.getRouter();

const Root = app.createRoot(
  <CoderProvider appConfig={devAppConfig}>
    <AlertDisplay />
    <OAuthRequestDialog />
    <AppRouter>
      <DevSidebar entities={sampleEntities}>
        <FlatRoutes>
          <Route path="/" element={<Navigate to="/entity/web-app" />} />
          {sampleEntities.map(entity => (
            <Route
              key={entity.metadata.name}
              path={`/entity/${entity.metadata.name}`}
              element={<EntityPage entity={entity} />}
            />
          ))}
          <Route path="/coder" element={<CoderPage />} />
          <Route path="/create" element={<ScaffolderPage />}>
            <ScaffolderFieldExtensions>
              <CoderWorkspaceTemplateFieldExtension />
            </ScaffolderFieldExtensions>
          </Route>
          <Route
            path="/catalog/:namespace/:kind/:name"
            element={<CatalogEntityPage />}
          >
            <CatalogEntityContent />
          </Route>
        </FlatRoutes>
      </DevSidebar>
    </AppRouter>
  </CoderProvider>,
);

ReactDOM.createRoot(document.getElementById('root')!).render(<Root />);
