import CloudIcon from '@material-ui/icons/Cloud';
import { createFrontendPlugin } from '@backstage/frontend-plugin-api';
import { coderAuthApi, coderClientApi, coderTokenStoreApi } from './apis';
import { coderPage } from './coderPage';
import {
  coderCreateWorkspaceContextMenuItem,
  coderOpenEntityIconLink,
} from './entityLinks';
import { coderPluginWrapper } from './pluginWrapper';
import { coderPageRouteRef } from './routes';
import { coderWorkspaceTemplateFormField } from './scaffolderFields';
import { coderWorkspacesEntityCard } from './workspacesCard';

/**
 * The Coder plugin for the new frontend system. An app with `app.packages: all` finds
 * it on its own; otherwise add it to `createApp({ features: [...] })`.
 *
 * @alpha
 */
export const coderPlugin = createFrontendPlugin({
  pluginId: 'coder',
  title: 'Coder',
  icon: <CloudIcon />,
  routes: { root: coderPageRouteRef },
  extensions: [
    coderTokenStoreApi,
    coderAuthApi,
    coderClientApi,
    coderPluginWrapper,
    coderWorkspacesEntityCard,
    coderOpenEntityIconLink,
    coderCreateWorkspaceContextMenuItem,
    coderPage,
    coderWorkspaceTemplateFormField,
  ],
});
