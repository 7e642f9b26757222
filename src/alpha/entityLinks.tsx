import CloudIcon from '@material-ui/icons/Cloud';
import CloudOutlinedIcon from '@material-ui/icons/CloudOutlined';
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
    // Short on purpose: Backstage UI's menu re-measures in a loop (a ResizeObserver
    // notice, shown as an error by the dev server's overlay) when an item is wider than
    // the catalog's own ones. The Coder icon says whose workspace it is.
    title: 'New workspace',
    // A bad app-config is named in the workspaces card; here the item is just off.
    disabled: !workspacesConfig,
    // The dialog links the account first when needed, then shows the form.
    // The dialogs load on the click: nothing of the card's code is paid up front.
    onClick: async () => {
      if (!workspacesConfig) return;
      const { openCreateWorkspaceDialog } = await import('../lazyParts');
      openCreateWorkspaceDialog(dialogApi, workspacesConfig);
    },
  };
}

/** "New workspace" (a Coder one) in the entity page's context menu. @alpha */
export const coderCreateWorkspaceContextMenuItem =
  EntityContextMenuItemBlueprint.make({
    name: 'create-workspace',
    params: {
      // The size and line weight of the menu's own icons.
      icon: <CloudOutlinedIcon style={{ fontSize: 16 }} />,
      filter: isCoderAvailable,
      useProps: useCreateWorkspaceMenuItem,
    },
  });
