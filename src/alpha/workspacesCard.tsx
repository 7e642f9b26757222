import { EntityCardBlueprint } from '@backstage/plugin-catalog-react/alpha';
import { isCoderAvailable } from '../catalog/isCoderAvailable';
import { optionalBoolean, optionalString } from './configSchema';

/**
 * The workspaces card on entity pages that opt into Coder (`isCoderAvailable`). Re-filter
 * it in app-config (`filter: { kind: component }`) to show it on every component.
 *
 * @alpha
 */
export const coderWorkspacesEntityCard = EntityCardBlueprint.makeWithOverrides({
  name: 'workspaces',
  configSchema: {
    title: optionalString('Card title. Default: "Coder workspaces".'),
    readEntityData: optionalBoolean(
      "Scope the card to the entity's repository and settings. Default: true.",
    ),
  },
  factory(originalFactory, { config }) {
    return originalFactory({
      filter: isCoderAvailable,
      loader: async () => {
        const { CoderWorkspacesCard } = await import('../lazyParts');
        return (
          <CoderWorkspacesCard
            title={config.title}
            readEntityData={config.readEntityData ?? true}
          />
        );
      },
    });
  },
});
