/*
 * A bench-only dev app with one page: three workspace cards for the same entity, as an
 * app might show on an overview, a Coder tab and a sidebar. bench/coderLoad.mjs starts it
 * with `backstage-cli package start --entrypoint bench/threeCards` to measure what such a
 * page costs Coder. Settings as in dev/EntityPage.tsx.
 */
import { Content, Header, Page } from '@backstage/core-components';
import { createDevApp } from '@backstage/dev-utils';
import { EntityProvider } from '@backstage/plugin-catalog-react';
import Grid from '@material-ui/core/Grid';
import {
  type CoderAppConfig,
  CoderProvider,
  CoderWorkspacesCard,
  coderPlugin,
} from '../src';
import { webAppEntity } from '../dev/entities';

const appConfig: Omit<CoderAppConfig, 'deployment'> = {
  workspaces: {
    defaultTemplateName: 'devcontainers',
    defaultMode: 'manual',
    repoUrlParamKeys: ['repo_url', 'custom_repo'],
    params: { region: 'eu-helsinki' },
  },
};

function ThreeCardsPage() {
  return (
    <EntityProvider entity={webAppEntity}>
      <CoderProvider appConfig={appConfig as CoderAppConfig}>
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
      </CoderProvider>
    </EntityProvider>
  );
}

createDevApp()
  .registerPlugin(coderPlugin)
  .addPage({
    path: '/three-cards',
    title: 'Three cards',
    element: <ThreeCardsPage />,
  })
  .render();
