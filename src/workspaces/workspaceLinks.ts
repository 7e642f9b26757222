import type {
  CoderRegion,
  CoderWorkspace,
  CoderWorkspaceApp,
} from '../api/types';
import { safeUrl, safeUrlPrefix } from './safeUrl';

/** A place a workspace can be opened. @public */
export interface WorkspaceLink {
  key: string;
  label: string;
  kind: 'dashboard' | 'terminal' | 'vscode' | 'app';
  /** Ready to follow; always http(s) or an allowed desktop scheme. Absent when `withKey` is set. */
  href?: string;
  /** Build the final URL with a Coder API key at click time; the key is never rendered. */
  withKey?: (key: string) => string;
  /** The app's icon as a safe http(s) address, resolved against the access URL. */
  icon?: string;
  agentName?: string;
}

// A wildcard host as Coder configures it (`*.apps.example.com`, `*--apps.example.com`,
// optionally with a port) and an app's subdomain (`<slug>[--<agent>]--<workspace>--
// <owner>`, coderd/workspaceapps/appurl): host characters only, so the result cannot
// smuggle in a user name, another host or a path.
const WILDCARD_HOST = /^[a-z0-9.*-]*\*[a-z0-9.*-]*(:\d{1,5})?$/i;
const SUBDOMAIN_NAME = /^[a-z0-9-]+$/i;

/**
 * Every way to open a workspace, as Coder's dashboard offers them (CONTRACT §6): the
 * dashboard page always; for each connected agent, VS Code desktop and the web terminal
 * when its `display_apps` include them, and its visible apps (external, command,
 * subdomain through the primary region's wildcard host, path apps through the primary
 * region's `path_app_url`).
 *
 * Every address goes through {@link safeUrl}: a link whose base or value is not http(s)
 * (or, for external apps, an allowed desktop scheme) is left out, never rendered.
 *
 * @public
 */
export function workspaceLinks(
  workspace: CoderWorkspace,
  options: { accessUrl: string; primaryRegion?: CoderRegion },
): WorkspaceLink[] {
  const { primaryRegion } = options;
  const accessUrl = safeUrlPrefix(options.accessUrl);
  if (!accessUrl) return [];
  const owner = encodeURIComponent(workspace.owner_name);
  const name = encodeURIComponent(workspace.name);
  const links: WorkspaceLink[] = [];
  const dashboard = safeUrl(`${accessUrl}/@${owner}/${name}`);
  if (dashboard) {
    links.push({
      key: 'dashboard',
      label: 'Open in Coder',
      kind: 'dashboard',
      href: dashboard,
    });
  }
  if (workspace.latest_build.status !== 'running') return links;

  // Path apps are served from the primary region's path_app_url (the access URL unless
  // a proxy serves them). Set but unsafe: no path app at all, not the access URL.
  const pathAppBase = primaryRegion?.path_app_url
    ? safeUrlPrefix(primaryRegion.path_app_url)
    : accessUrl;
  for (const agent of workspace.latest_build.resources.flatMap(
    resource => resource.agents,
  )) {
    if (agent.status !== 'connected') continue;
    const agentPath = `/@${owner}/${name}.${encodeURIComponent(agent.name)}`;
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
    const terminal = safeUrl(`${accessUrl}${agentPath}/terminal`);
    if (agent.display_apps.includes('web_terminal') && terminal) {
      links.push({
        key: `${agent.id}/terminal`,
        label: 'Terminal',
        kind: 'terminal',
        href: terminal,
      });
    }
    for (const app of agent.apps) {
      const link = appLink(app, {
        accessUrl,
        agentPath,
        agentName: agent.name,
        pathAppBase,
        wildcardHostname: primaryRegion?.wildcard_hostname,
      });
      if (link) links.push({ key: `${agent.id}/${app.id}`, ...link });
    }
  }
  return links;
}

function appLink(
  app: CoderWorkspaceApp,
  context: {
    /** Safe, without a trailing slash. */
    accessUrl: string;
    agentPath: string;
    agentName: string;
    /** Safe, without a trailing slash; undefined when the region's is unsafe. */
    pathAppBase: string | undefined;
    wildcardHostname: string | undefined;
  },
): Omit<WorkspaceLink, 'key'> | undefined {
  if (app.hidden) return undefined;
  const base = {
    label: app.display_name || app.slug,
    kind: 'app' as const,
    icon: safeUrl(app.icon, { base: `${context.accessUrl}/` }),
    agentName: context.agentName,
  };
  const withHref = (href: string | undefined) =>
    href ? { ...base, href } : undefined;
  if (app.external) {
    const url = safeUrl(app.url, { allowDesktopSchemes: true });
    if (!url) return undefined;
    if (url.includes('$SESSION_TOKEN')) {
      // Coder substitutes the token only for desktop schemes, never into web URLs.
      if (/^https?:/i.test(url)) return undefined;
      return {
        ...base,
        withKey: key => url.replace(/\$SESSION_TOKEN/g, key),
      };
    }
    return withHref(url);
  }
  if (app.command) {
    return withHref(
      safeUrl(
        `${context.accessUrl}${context.agentPath}/terminal?app=${encodeURIComponent(app.slug)}`,
      ),
    );
  }
  if (app.subdomain && app.subdomain_name) {
    // No (valid) wildcard host configured: Coder cannot serve it.
    return withHref(
      subdomainAppUrl(
        new URL(context.accessUrl).protocol,
        context.wildcardHostname,
        app.subdomain_name,
      ),
    );
  }
  if (!context.pathAppBase) return undefined;
  // Keep the trailing slash: Coder redirects without it (CONTRACT §6).
  return withHref(
    safeUrl(
      `${context.pathAppBase}${context.agentPath}/apps/${encodeURIComponent(app.slug)}/`,
    ),
  );
}

/** `<scheme>//<wildcard host with * replaced>/`, as Coder's dashboard builds it. */
function subdomainAppUrl(
  protocol: string,
  wildcardHostname: string | undefined,
  subdomainName: string,
): string | undefined {
  if (!wildcardHostname || !WILDCARD_HOST.test(wildcardHostname)) {
    return undefined;
  }
  if (!SUBDOMAIN_NAME.test(subdomainName)) return undefined;
  return safeUrl(
    `${protocol}//${wildcardHostname.replace(/\*/g, subdomainName)}/`,
  );
}
