import AddIcon from '@material-ui/icons/Add';
import CloudIcon from '@material-ui/icons/Cloud';
import { dialogApiRef, useApi } from '@backstage/frontend-plugin-api';
import {
  EntityContextMenuItemBlueprint,
  EntityIconLinkBlueprint,
} from '@backstage/plugin-catalog-react/alpha';
import { isCoderAvailable } from '../catalog/isCoderAvailable';
import { useCoderWorkspacesConfig } from '../hooks/useCoderWorkspacesConfig';
import { openCoderDialog } from './coderDialogs';
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
  const config = useCoderWorkspacesConfig({ readEntityData: true });
  return {
    title: 'Create Coder workspace',
    // The dialog links the account first when needed, then shows the form.
    onClick: () => openCoderDialog(dialogApi, 'create', config),
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
