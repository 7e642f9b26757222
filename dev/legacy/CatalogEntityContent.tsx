import { Progress, ResponseErrorPanel } from '@backstage/core-components';
import { useAsyncEntity } from '@backstage/plugin-catalog-react';
import { EntityPage } from './EntityPage';

/**
 * The page for entities the catalog holds but dev/entities.ts does not, such as a service
 * the example software template just created: the same stand-in entity page, fed by the
 * catalog plugin's entity route (which also gives the scaffolder's "Open in the catalog"
 * link somewhere to go). The catalog plugin renders this before the entity has loaded.
 */
export function CatalogEntityContent() {
  const { entity, loading, error } = useAsyncEntity();
  if (error) return <ResponseErrorPanel error={error} />;
  if (!entity) return loading ? <Progress /> : null;
  return <EntityPage entity={entity} />;
}
