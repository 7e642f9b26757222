import {
  coreServices,
  createBackendModule,
} from '@backstage/backend-plugin-api';
import { scaffolderActionsExtensionPoint } from '@backstage/plugin-scaffolder-node';
import { createCoderWorkspaceAction } from './actions/createCoderWorkspaceAction';

/**
 * Adds the `coder:workspace:create` action to the scaffolder. Nothing is read from
 * config at startup: the action reads the Coder URL each time it runs.
 *
 * @public
 */
export const scaffolderModuleCoder = createBackendModule({
  pluginId: 'scaffolder',
  moduleId: 'coder',
  register(env) {
    env.registerInit({
      deps: {
        scaffolder: scaffolderActionsExtensionPoint,
        config: coreServices.rootConfig,
      },
      async init({ scaffolder, config }) {
        scaffolder.addActions(createCoderWorkspaceAction({ config }));
      },
    });
  },
});
