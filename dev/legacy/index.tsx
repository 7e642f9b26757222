import '@backstage/cli/asset-types';
import ReactDOM from 'react-dom/client';
import { Navigate, Route } from 'react-router-dom';
import { createApp } from '@backstage/app-defaults';
import { FlatRoutes } from '@backstage/core-app-api';
import {
  AlertDisplay,
  OAuthRequestDialog,
  SignInPage,
} from '@backstage/core-components';
import { CoderPage } from '../../src/plugin';
import { CoderProvider } from '../../src/components/CoderProvider';
import type { CoderAppConfig } from '../../src/config/CoderAppConfig';
import { sampleEntities } from '../entities';
import { EntityPage } from './EntityPage';
import { DevSidebar } from './DevSidebar';
// As a classic create-app app's index.tsx does: Backstage UI's styles (and its reset).
// eslint-disable-next-line @backstage/no-ui-css-imports-in-non-frontend
import '@backstage/ui/css/styles.css';

/*
 * The classic-system dev app (`npm start -- --legacy`), wired as the README's classic
 * steps say: no `plugins: [coderPlugin]`, CoderProvider around the app, the card on
 * entity pages. That the plugin's APIs are found from these alone is part of the test.
 */
const app = createApp({
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

// The README's App.tsx: accessUrl comes from app-config.yaml (which follows CODER_URL),
// the workspace defaults from this prop (app-config.yaml has the same ones).
const appConfig: Omit<CoderAppConfig, 'deployment'> = {
  workspaces: {
    defaultTemplateName: 'devcontainers',
    defaultMode: 'manual',
    repoUrlParamKeys: ['repo_url', 'custom_repo'],
    params: { region: 'eu-helsinki' },
  },
};

const AppRouter = app.getRouter();

const Root = app.createRoot(
  <CoderProvider appConfig={appConfig as CoderAppConfig}>
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
        </FlatRoutes>
      </DevSidebar>
    </AppRouter>
  </CoderProvider>,
);

ReactDOM.createRoot(document.getElementById('root')!).render(<Root />);
