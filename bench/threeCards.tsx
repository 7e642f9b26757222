/*
 * A bench-only dev app. /three-cards: three workspace cards for the same entity, as an
 * app might show on an overview, a Coder tab and a sidebar. /one-repo-key: one card in
 * an app with a single repoUrlParamKeys entry (the dev app has three), for the
 * round-trip figures at K = 1. bench/coderLoad.mjs starts it with `backstage-cli
 * package start --entrypoint bench/threeCards`. Settings as in dev/legacy/index.tsx.
 */
import ReactDOM from 'react-dom/client';
import { Route } from 'react-router-dom';
import { createApp } from '@backstage/app-defaults';
import { FlatRoutes } from '@backstage/core-app-api';
import { Content, Header, Page, SignInPage } from '@backstage/core-components';
import { EntityProvider } from '@backstage/plugin-catalog-react';
import Grid from '@material-ui/core/Grid';
import { CoderProvider, CoderWorkspacesCard } from '../src';
import { webAppEntity } from '../dev/entities';
import { devAppConfig } from '../dev/legacy/appConfig';

function ThreeCardsPage() {
  return (
    <EntityProvider entity={webAppEntity}>
      <Page themeId="tool">
        <Header title="Three cards, one entity" />
        <Content>
          <Grid container spacing={3}>
            {[1, 2, 3].map(index => (
              <Grid item md={4} xs={12} key={index}>
                <CoderWorkspacesCard
                  readEntityData
                  title={`Coder workspaces ${index}`}
                />
              </Grid>
            ))}
          </Grid>
        </Content>
      </Page>
    </EntityProvider>
  );
}

const oneRepoKey = {
  ...devAppConfig,
  workspaces: { ...devAppConfig.workspaces, repoUrlParamKeys: ['repo_url'] },
};

function OneRepoKeyPage() {
  return (
    <CoderProvider appConfig={oneRepoKey}>
      <EntityProvider entity={webAppEntity}>
        <Page themeId="tool">
          <Header title="One repository parameter" />
          <Content>
            <CoderWorkspacesCard readEntityData />
          </Content>
        </Page>
      </EntityProvider>
    </CoderProvider>
  );
}

// Like the classic dev app (dev/legacy), with this one page. The provider sits in the
// app's element tree (as the README's App.tsx has it): a classic app registers the
// plugin's APIs only for the Coder pieces it finds there, not inside ThreeCardsPage.
const app = createApp({
  components: {
    SignInPage: props => <SignInPage {...props} providers={['guest']} />,
  },
});
const AppRouter = app.getRouter();
const Root = app.createRoot(
  <CoderProvider appConfig={devAppConfig}>
    <AppRouter>
      <FlatRoutes>
        <Route path="/three-cards" element={<ThreeCardsPage />} />
        <Route path="/one-repo-key" element={<OneRepoKeyPage />} />
      </FlatRoutes>
    </AppRouter>
  </CoderProvider>,
);

ReactDOM.createRoot(document.getElementById('root')!).render(<Root />);
