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
import { sampleEntities } from '../entities';
import { EntityPage } from './EntityPage';
import { DevSidebar } from './DevSidebar';
// As a classic create-app app's index.tsx does: Backstage UI's styles (and its reset).
// eslint-disable-next-line @backstage/no-ui-css-imports-in-non-frontend
import '@backstage/ui/css/styles.css';
import { devAppConfig } from './appConfig';

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
        </FlatRoutes>
      </DevSidebar>
    </AppRouter>
  </CoderProvider>,
);

ReactDOM.createRoot(document.getElementById('root')!).render(<Root />);
