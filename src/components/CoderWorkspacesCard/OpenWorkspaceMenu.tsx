import { useId, useState } from 'react';
import { alertApiRef, useApi } from '@backstage/core-plugin-api';
import Button from '@material-ui/core/Button';
import ListItemText from '@material-ui/core/ListItemText';
import Menu from '@material-ui/core/Menu';
import MenuItem from '@material-ui/core/MenuItem';
import ArrowDropDownIcon from '@material-ui/icons/ArrowDropDown';
import type { CoderWorkspace } from '../../api/types';
import { describeCoderError } from '../../api/describeCoderError';
import { useCoderApi } from '../../hooks/useCoderApi';
import { useCoderAppConfig } from '../../hooks/useCoderAppConfig';
import { useCoderQuery } from '../../hooks/useCoderQuery';
import {
  workspaceLinks,
  type WorkspaceLink,
} from '../../workspaces/workspaceLinks';

/** Props of {@link OpenWorkspaceMenu}. @public */
export interface OpenWorkspaceMenuProps {
  workspace: CoderWorkspace;
}

/**
 * "Open" for a running workspace: the dashboard, VS Code Desktop, the web terminal and
 * the agents' apps. VS Code gets a freshly minted API key at click time; the key goes
 * straight to the `vscode://` hand-off and is never rendered.
 *
 * @public
 */
export function OpenWorkspaceMenu(props: OpenWorkspaceMenuProps) {
  const { workspace } = props;
  const menuId = useId();
  const api = useCoderApi();
  const alertApi = useApi(alertApiRef);
  const { deployment } = useCoderAppConfig();
  const [anchor, setAnchor] = useState<HTMLElement>();
  // Needed only for subdomain and path apps, and only once someone opens a menu.
  const regions = useCoderQuery({
    queryKey: ['regions'],
    queryFn: ({ api: coderApi, signal }) => coderApi.getRegions({ signal }),
    enabled: Boolean(anchor),
    staleTime: 10 * 60_000,
  });
  const links = workspaceLinks(workspace, {
    accessUrl: deployment.accessUrl,
    primaryRegion: regions.data?.[0],
  });

  const openWithKey = async (link: WorkspaceLink) => {
    setAnchor(undefined);
    try {
      const key = await api.createApiKey('me');
      window.location.assign(link.withKey!(key));
    } catch (error) {
      alertApi.post({
        message: `Could not open ${link.label}: ${describeCoderError(error).message}`,
        severity: 'error',
      });
    }
  };

  return (
    <>
      <Button
        size="small"
        variant="outlined"
        color="primary"
        aria-controls={menuId}
        aria-haspopup="true"
        aria-label={`Open ${workspace.name}`}
        endIcon={<ArrowDropDownIcon />}
        onClick={event => setAnchor(event.currentTarget)}
      >
        Open
      </Button>
      <Menu
        id={menuId}
        anchorEl={anchor}
        open={Boolean(anchor)}
        onClose={() => setAnchor(undefined)}
      >
        {links.map(link =>
          link.href ? (
            <MenuItem
              key={link.key}
              component="a"
              href={link.href}
              target="_blank"
              rel="noopener noreferrer"
              onClick={() => setAnchor(undefined)}
            >
              <ListItemText primary={link.label} secondary={link.agentName} />
            </MenuItem>
          ) : (
            <MenuItem key={link.key} onClick={() => openWithKey(link)}>
              <ListItemText primary={link.label} secondary={link.agentName} />
            </MenuItem>
          ),
        )}
      </Menu>
    </>
  );
}
