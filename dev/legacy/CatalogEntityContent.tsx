import { useEntity } from '@backstage/plugin-catalog-react';
import { EntityPage } from './EntityPage';

/**
 * The page for entities the catalog holds but dev/entities.ts does not, such as a service
 * the example software template just created: the same stand-in entity page, fed by the
 * catalog plugin's entity route (which also gives the scaffolder's "Open in the catalog"
 * link somewhere to go).
 */
export function CatalogEntityContent() {
  const { entity } = useEntity();
  return <EntityPage entity={entity} />;
}
