import type { Entity } from '@backstage/catalog-model';
import { Content, Header, Page } from '@backstage/core-components';
import { EntityProvider } from '@backstage/plugin-catalog-react';
import Grid from '@material-ui/core/Grid';
import { CoderOpenButton } from '../../src/components/CoderOpenButton';
import { CoderWorkspacesCard } from '../../src/components/CoderWorkspacesCard';

/** Props of {@link EntityPage}. */
export interface EntityPageProps {
  entity: Entity;
}

/** A stand-in for a catalog entity page in a real Backstage app. */
export function EntityPage(props: EntityPageProps) {
  const { entity } = props;
  return (
    <EntityProvider entity={entity}>
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
    </EntityProvider>
  );
}
