import { useEffect, type ReactNode } from 'react';
import ListItemIcon from '@material-ui/core/ListItemIcon';
import ListItemText from '@material-ui/core/ListItemText';
import ListSubheader from '@material-ui/core/ListSubheader';
import MenuItem from '@material-ui/core/MenuItem';
import CloudIcon from '@material-ui/icons/CloudOutlined';
import CodeIcon from '@material-ui/icons/Code';
import AppsIcon from '@material-ui/icons/Apps';
import TerminalIcon from '@material-ui/icons/Keyboard';
import type { CoderWorkspace } from '../../api/types';
import { describeCoderError } from '../../api/describeCoderError';
import { useCoderApi } from '../../hooks/useCoderApi';
import { useCoderAppConfig } from '../../hooks/useCoderAppConfig';
import { useCoderNotify } from '../../hooks/useCoderNotify';
import { useCoderQuery } from '../../hooks/useCoderQuery';
import { useCoderSession } from '../../hooks/useCoderSession';
import { handOffToDesktop } from '../../workspaces/desktopHandOff';
import { workspaceKey } from '../../workspaces/workspaceKeys';
import {
  workspaceLinks,
  type WorkspaceLink,
} from '../../workspaces/workspaceLinks';

/** Props of {@link OpenWorkspaceMenuItems}. */
export interface OpenWorkspaceMenuItemsProps {
  workspace: CoderWorkspace;
  onDone: () => void;
  /** Called once the entries are known, so the menu can fit them in the window. */
  onLoaded?: () => void;
}

const GROUPS: Array<{ title: string; kinds: Array<WorkspaceLink['kind']> }> = [
  { title: 'Coder', kinds: ['dashboard', 'terminal'] },
  { title: 'IDEs', kinds: ['vscode'] },
  { title: 'Apps', kinds: ['app'] },
];

const KIND_ICONS = {
  dashboard: CloudIcon,
  terminal: TerminalIcon,
  vscode: CodeIcon,
  app: AppsIcon,
};

function LinkIcon(props: { link: WorkspaceLink }) {
  const { link } = props;
  const Icon = KIND_ICONS[link.kind];
  return (
    <ListItemIcon style={{ minWidth: 32 }}>
      {/* link.icon passed safeUrl in workspaceLinks: http(s) only. */}
      {link.icon ? (
        <img src={link.icon} alt="" width={20} height={20} />
      ) : (
        <Icon fontSize="small" />
      )}
    </ListItemIcon>
  );
}

/** Why a running workspace offers no IDEs or apps: its agents are not connected. */
function agentNote(workspace: CoderWorkspace): string | undefined {
  const agents = workspace.latest_build.resources.flatMap(r => r.agents);
  if (agents.length === 0) return undefined;
  if (agents.every(agent => agent.status === 'connected')) return undefined;
  if (agents.some(agent => agent.status === 'connecting')) {
    return 'Apps and IDEs appear once the agent has connected.';
  }
  if (agents.some(agent => agent.status === 'unknown')) {
    return 'Coder reports an agent state this plugin does not know: apps and IDEs are not offered.';
  }
  return 'The agent is disconnected: apps and IDEs are unavailable until it is back.';
}

/**
 * The entries of the "Open" menu, grouped (Coder, IDEs, apps) with icons. VS Code and
 * `$SESSION_TOKEN` apps get the session's short-lived token (see workspaceKey) at click
 * time; the key goes straight to the desktop hand-off and is never rendered.
 */
export function OpenWorkspaceMenuItems(props: OpenWorkspaceMenuItemsProps) {
  const { workspace, onDone, onLoaded } = props;
  const api = useCoderApi();
  const { snapshot } = useCoderSession();
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
  const note = agentNote(workspace);
  useEffect(() => onLoaded?.(), [onLoaded, links.length, note]);

  const openWithKey = async (link: WorkspaceLink) => {
    onDone();
    try {
      const key = await workspaceKey(api, snapshot.version);
      handOffToDesktop(link.withKey!(key));
    } catch (error) {
      notify({
        message: `Could not open ${link.label}: ${describeCoderError(error).message}`,
        severity: 'error',
      });
    }
  };

  const item = (link: WorkspaceLink) => {
    const content = (
      <>
        <LinkIcon link={link} />
        <ListItemText primary={link.label} secondary={link.agentName} />
      </>
    );
    return link.href ? (
      <MenuItem
        key={link.key}
        component="a"
        href={link.href}
        target="_blank"
        rel="noopener noreferrer"
        onClick={onDone}
      >
        {content}
      </MenuItem>
    ) : (
      <MenuItem key={link.key} onClick={() => openWithKey(link)}>
        {content}
      </MenuItem>
    );
  };

  // MUI's Menu takes its children flat: headers and items side by side.
  const entries: ReactNode[] = [];
  for (const group of GROUPS) {
    const members = links.filter(link => group.kinds.includes(link.kind));
    if (members.length === 0) continue;
    entries.push(
      <ListSubheader key={`group-${group.title}`} disableSticky>
        {group.title}
      </ListSubheader>,
      ...members.map(item),
    );
  }
  if (note) {
    entries.push(
      <MenuItem key="agent-note" disabled style={{ whiteSpace: 'normal' }}>
        <ListItemText secondary={note} />
      </MenuItem>,
    );
  }
  return <>{entries}</>;
}
