import type { Entity } from '@backstage/catalog-model';
import { Content, Header, Page } from '@backstage/core-components';
import { EntityProvider } from '@backstage/plugin-catalog-react';
import Grid from '@material-ui/core/Grid';
import { CoderOpenButton } from '../src/components/CoderOpenButton';
import { CoderProvider } from '../src/components/CoderProvider';
import { CoderWorkspacesCard } from '../src/components/CoderWorkspacesCard';
import type { CoderAppConfig } from '../src/config/CoderAppConfig';

/** Props of {@link EntityPage}. */
export interface EntityPageProps {
  entity: Entity;
}

/*
 * Like the README's App.tsx: accessUrl comes from app-config.yaml (which follows
 * CODER_URL), the workspace defaults from the appConfig prop.
 */
const appConfig: Omit<CoderAppConfig, 'deployment'> = {
  workspaces: {
    defaultTemplateName: 'devcontainers',
    defaultMode: 'manual',
    repoUrlParamKeys: ['repo_url', 'custom_repo'],
    params: { region: 'eu-helsinki' },
  },
};

/** A stand-in for a catalog entity page in a real Backstage app. */
export function EntityPage(props: EntityPageProps) {
  const { entity } = props;
  return (
    <EntityProvider entity={entity}>
      <CoderProvider appConfig={appConfig as CoderAppConfig}>
        <Page themeId="tool">
          <Header
            title={entity.metadata.title ?? entity.metadata.name}
            subtitle={entity.metadata.description}
          >
            <CoderOpenButton />
          </Header>
          <Content>
            <Grid container spacing={3}>
              <Grid item md={6} xs={12}>
                <CoderWorkspacesCard readEntityData />
              </Grid>
            </Grid>
          </Content>
        </Page>
      </CoderProvider>
    </EntityProvider>
  );
}
