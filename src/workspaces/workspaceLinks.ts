import type {
  CoderRegion,
  CoderWorkspace,
  CoderWorkspaceApp,
} from '../api/types';

/** A place a workspace can be opened. @public */
export interface WorkspaceLink {
  key: string;
  label: string;
  kind: 'dashboard' | 'terminal' | 'vscode' | 'app';
  /** Ready to follow. Absent when a fresh API key must be minted first (`needsKey`). */
  href?: string;
  /** Build the final URL with a new API key at click time; the key is never rendered. */
  withKey?: (key: string) => string;
  icon?: string;
  agentName?: string;
}

// External apps may use these desktop schemes (Coder's own list, CONTRACT §6); anything
// else that is not http(s) — javascript:, data:, file: — is never offered.
const DESKTOP_SCHEMES = new Set([
  'vscode:',
  'vscode-insiders:',
  'windsurf:',
  'devin:',
  'cursor:',
  'jetbrains-gateway:',
  'jetbrains:',
  'kiro:',
  'positron:',
  'antigravity:',
]);

/** Parses `href` and returns it only if its scheme is one a link may have. @public */
export function safeHref(
  href: string,
  allowDesktop = false,
): string | undefined {
  try {
    const url = new URL(href);
    if (url.protocol === 'https:' || url.protocol === 'http:') return url.href;
    if (allowDesktop && DESKTOP_SCHEMES.has(url.protocol)) return href;
  } catch {
    // not a URL
  }
  return undefined;
}

/**
 * Every way to open a workspace, as Coder's dashboard offers them (CONTRACT §6): the
 * dashboard page always; for each connected agent, VS Code desktop and the web terminal
 * when its `display_apps` include them, and its visible apps (external, command,
 * subdomain through the primary region's wildcard host, path apps).
 *
 * @public
 */
export function workspaceLinks(
  workspace: CoderWorkspace,
  options: { accessUrl: string; primaryRegion?: CoderRegion },
): WorkspaceLink[] {
  const { accessUrl, primaryRegion } = options;
  const owner = encodeURIComponent(workspace.owner_name);
  const name = encodeURIComponent(workspace.name);
  const links: WorkspaceLink[] = [
    {
      key: 'dashboard',
      label: 'Open in Coder',
      kind: 'dashboard',
      href: `${accessUrl}/@${owner}/${name}`,
    },
  ];
  if (workspace.latest_build.status !== 'running') return links;

  for (const agent of workspace.latest_build.resources.flatMap(
    resource => resource.agents,
  )) {
    if (agent.status !== 'connected') continue;
    const agentPath = `${accessUrl}/@${owner}/${name}.${encodeURIComponent(agent.name)}`;
    if (agent.display_apps.includes('vscode')) {
      links.push({
        key: `${agent.id}/vscode`,
        label: 'VS Code Desktop',
        kind: 'vscode',
        agentName: agent.name,
        withKey: key => {
          const query = new URLSearchParams({
            owner: workspace.owner_name,
            workspace: workspace.name,
            url: accessUrl,
            token: key,
            openRecent: 'true',
            agent: agent.name,
          });
          if (agent.expanded_directory)
            query.set('folder', agent.expanded_directory);
          return `vscode://coder.coder-remote/open?${query}`;
        },
      });
    }
    if (agent.display_apps.includes('web_terminal')) {
      links.push({
        key: `${agent.id}/terminal`,
        label: 'Terminal',
        kind: 'terminal',
        href: `${agentPath}/terminal`,
      });
    }
    for (const app of agent.apps) {
      const link = appLink(app, {
        agentPath,
        agentName: agent.name,
        primaryRegion,
        accessUrl,
      });
      if (link) links.push({ key: `${agent.id}/${app.id}`, ...link });
    }
  }
  return links;
}

function appLink(
  app: CoderWorkspaceApp,
  context: {
    agentPath: string;
    agentName: string;
    primaryRegion?: CoderRegion;
    accessUrl: string;
  },
): Omit<WorkspaceLink, 'key'> | undefined {
  if (app.hidden) return undefined;
  const base = {
    label: app.display_name || app.slug,
    kind: 'app' as const,
    icon: app.icon,
    agentName: context.agentName,
  };
  if (app.external) {
    if (!app.url) return undefined;
    if (app.url.includes('$SESSION_TOKEN')) {
      const template = safeHref(app.url, true);
      // Coder substitutes the token only for desktop schemes, never into web URLs.
      if (!template || /^https?:/i.test(template)) return undefined;
      return {
        ...base,
        withKey: key => template.replace(/\$SESSION_TOKEN/g, key),
      };
    }
    const href = safeHref(app.url, true);
    return href ? { ...base, href } : undefined;
  }
  if (app.command) {
    return {
      ...base,
      href: `${context.agentPath}/terminal?app=${encodeURIComponent(app.slug)}`,
    };
  }
  if (app.subdomain && app.subdomain_name) {
    const wildcard = context.primaryRegion?.wildcard_hostname;
    if (!wildcard) return undefined; // no wildcard host configured: Coder cannot serve it
    const scheme = new URL(context.accessUrl).protocol;
    return {
      ...base,
      href: safeHref(
        `${scheme}//${wildcard.replace('*', app.subdomain_name)}/`,
      ),
    };
  }
  const pathBase = context.primaryRegion?.path_app_url || context.accessUrl;
  const agentSuffix = context.agentPath.slice(context.accessUrl.length);
  return {
    ...base,
    href: `${pathBase}${agentSuffix}/apps/${encodeURIComponent(app.slug)}/`,
  };
}
