import { useCoderNotify } from '../../hooks/useCoderNotify';
import ListItemText from '@material-ui/core/ListItemText';
import MenuItem from '@material-ui/core/MenuItem';
import type { CoderWorkspace } from '../../api/types';
import { describeCoderError } from '../../api/describeCoderError';
import { useCoderApi } from '../../hooks/useCoderApi';
import { useCoderAppConfig } from '../../hooks/useCoderAppConfig';
import { useCoderQuery } from '../../hooks/useCoderQuery';
import {
  workspaceLinks,
  type WorkspaceLink,
} from '../../workspaces/workspaceLinks';

/** Props of {@link OpenWorkspaceMenuItems}. */
export interface OpenWorkspaceMenuItemsProps {
  workspace: CoderWorkspace;
  onDone: () => void;
}

/**
 * The entries of the "Open" menu. VS Code gets a freshly minted API key at click time;
 * the key goes straight to the `vscode://` hand-off and is never rendered.
 */
export function OpenWorkspaceMenuItems(props: OpenWorkspaceMenuItemsProps) {
  const { workspace, onDone } = props;
  const api = useCoderApi();
  const notify = useCoderNotify();
  const { deployment } = useCoderAppConfig();
  // Needed only for subdomain and path apps, and only once someone opens a menu.
  const regions = useCoderQuery({
    queryKey: ['regions'],
    queryFn: ({ api: coderApi, signal }) => coderApi.getRegions({ signal }),
    staleTime: 10 * 60_000,
  });
  const links = workspaceLinks(workspace, {
    accessUrl: deployment.accessUrl,
    primaryRegion: regions.data?.[0],
  });

  const openWithKey = async (link: WorkspaceLink) => {
    onDone();
    try {
      const key = await api.createApiKey('me');
      window.location.assign(link.withKey!(key));
    } catch (error) {
      notify({
        message: `Could not open ${link.label}: ${describeCoderError(error).message}`,
        severity: 'error',
      });
    }
  };

  return (
    <>
      {links.map(link =>
        link.href ? (
          <MenuItem
            key={link.key}
            component="a"
            href={link.href}
            target="_blank"
            rel="noopener noreferrer"
            onClick={onDone}
          >
            <ListItemText primary={link.label} secondary={link.agentName} />
          </MenuItem>
        ) : (
          <MenuItem key={link.key} onClick={() => openWithKey(link)}>
            <ListItemText primary={link.label} secondary={link.agentName} />
          </MenuItem>
        ),
      )}
    </>
  );
}
