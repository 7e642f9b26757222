import AddIcon from '@material-ui/icons/Add';
import CloudIcon from '@material-ui/icons/Cloud';
import { dialogApiRef, useApi } from '@backstage/frontend-plugin-api';
import {
  EntityContextMenuItemBlueprint,
  EntityIconLinkBlueprint,
} from '@backstage/plugin-catalog-react/alpha';
import { isCoderAvailable } from '../catalog/isCoderAvailable';
import { useWorkspacesConfigOrError } from '../hooks/useCoderWorkspacesConfig';
import { useOpenInCoderLink } from './useOpenInCoderLink';

/** "Open in Coder" among the About card's links. @alpha */
export const coderOpenEntityIconLink = EntityIconLinkBlueprint.make({
  name: 'open',
  params: {
    filter: isCoderAvailable,
    useProps: () => ({ ...useOpenInCoderLink(), icon: <CloudIcon /> }),
  },
});

function useCreateWorkspaceMenuItem() {
  const dialogApi = useApi(dialogApiRef);
  const { workspacesConfig } = useWorkspacesConfigOrError({
    readEntityData: true,
  });
  return {
    title: 'Create Coder workspace',
    // A bad app-config is named in the workspaces card; here the item is just off.
    disabled: !workspacesConfig,
    // The dialog links the account first when needed, then shows the form.
    // The dialogs load on the click: nothing of the card's code is paid up front.
    onClick: async () => {
      if (!workspacesConfig) return;
      const { openCoderDialog } = await import('./extensionParts');
      openCoderDialog(dialogApi, 'create', workspacesConfig);
    },
  };
}

/** "Create Coder workspace" in the entity page's context menu. @alpha */
export const coderCreateWorkspaceContextMenuItem =
  EntityContextMenuItemBlueprint.make({
    name: 'create-workspace',
    params: {
      icon: <AddIcon />,
      filter: isCoderAvailable,
      useProps: useCreateWorkspaceMenuItem,
    },
  });
