import type { Entity } from '@backstage/catalog-model';
import { Content, Header, Page } from '@backstage/core-components';
import { EntityProvider } from '@backstage/plugin-catalog-react';
import Grid from '@material-ui/core/Grid';
import { DevWorkspacesList } from './DevWorkspacesList';

/** Props of {@link EntityPage}. */
export interface EntityPageProps {
  entity: Entity;
  /** The repository URL the workspaces are scoped to. */
  repoUrl: string;
}

/** A stand-in for a catalog entity page in a real Backstage app. */
export function EntityPage(props: EntityPageProps) {
  const { entity, repoUrl } = props;
  return (
    <EntityProvider entity={entity}>
      <Page themeId="tool">
        <Header
          title={entity.metadata.title ?? entity.metadata.name}
          subtitle={entity.metadata.description}
        />
        <Content>
          <Grid container spacing={3}>
            <Grid item md={6} xs={12}>
              <DevWorkspacesList
                query={`owner:me param:"repo_url=${repoUrl}"`}
              />
            </Grid>
          </Grid>
        </Content>
      </Page>
    </EntityProvider>
  );
}
