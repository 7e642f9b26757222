import {
  INVALID_WORKSPACE_QUERY_MESSAGE,
  searchWorkspaces,
} from '../api/workspaces';
import type { ValidationError } from '../errors';
import type { WorkspaceRecord } from '../records';
import { buildStatus } from '../status';
import type { Store } from '../store';
import {
  markup,
  PageResult,
  renderPage,
  SafeHtml,
  timeElement,
  workspacePath,
} from './html';
import type { PageRequest } from './request';

/**
 * GET /workspaces?filter=…: Coder's workspaces list, where the plugin's
 * "Open in Coder" link for a repository lands. The filter goes through the
 * same search as GET /api/v2/workspaces?q= for the same user, so the page
 * lists exactly what the API returns, in the same order, and a bad filter
 * gets Coder's validation messages.
 */

/** The dashboard's filter when the URL has none. */
export const DEFAULT_WORKSPACES_FILTER = 'owner:me';

/** Rows beyond this are counted, not listed (bench seeds reach thousands). */
export const WORKSPACES_PAGE_LIMIT = 250;

function filterForm(filter: string): SafeHtml {
  return markup`<form method="get" action="/workspaces" role="search">
<label for="filter">Filter</label>
<input id="filter" name="filter" type="search" value="${filter}" spellcheck="false">
</form>`;
}

function workspaceRow(store: Store, workspace: WorkspaceRecord): SafeHtml {
  const owner = store.users.get(workspace.ownerId)?.username ?? '';
  const template = store.templates.get(workspace.templateId);
  const latest = store.latestBuild(workspace);
  const repository = latest.parameters.find(
    parameter => parameter.name === 'repo_url',
  )?.value;
  return markup`<tr>
<td><a href="${workspacePath(owner, workspace.name)}">${owner}/${workspace.name}</a></td>
<td>${template?.displayName || template?.name}</td>
<td>${buildStatus(latest)}</td>
<td>${repository ? markup`<code>${repository}</code>` : markup`<span class="muted">none</span>`}</td>
<td>${timeElement(workspace.lastUsedAt)}</td>
</tr>`;
}

function resultsTable(store: Store, workspaces: WorkspaceRecord[]): SafeHtml {
  if (workspaces.length === 0)
    return markup`<p>No workspaces match this filter.</p>`;
  const shown = workspaces.slice(0, WORKSPACES_PAGE_LIMIT);
  const rows = shown.map(workspace => workspaceRow(store, workspace));
  const count =
    workspaces.length === 1 ? '1 workspace' : `${workspaces.length} workspaces`;
  const capped =
    workspaces.length > shown.length && `, the first ${shown.length} listed`;
  return markup`<p>${count}${capped}.</p>
<table>
<thead><tr><th scope="col">Workspace</th><th scope="col">Template</th><th scope="col">Status</th><th scope="col">Repository (<code>repo_url</code>)</th><th scope="col">Last used</th></tr></thead>
<tbody>${rows}</tbody>
</table>`;
}

function errorList(errors: ValidationError[]): SafeHtml {
  const items = errors.map(
    error => markup`<li><code>${error.field}</code>: ${error.detail}</li>`,
  );
  return markup`<div role="alert">
<p class="error">${INVALID_WORKSPACE_QUERY_MESSAGE}</p>
<ul>${items}</ul>
</div>`;
}

/** The workspaces list for the viewer, filtered as the URL says. */
export function workspacesPage(page: PageRequest): PageResult {
  const { store } = page.deployment;
  // Like the dashboard: no `filter` means "my workspaces"; an empty one, all.
  const given = page.url.searchParams.get('filter');
  const filter = given ?? DEFAULT_WORKSPACES_FILTER;
  const result = searchWorkspaces(store, page.viewer.user, filter, page.now);
  const defaulted =
    given === null && ` (none in the URL, so the dashboard's default)`;
  return {
    status: 200,
    html: renderPage({
      title: 'Workspaces',
      viewer: page.banner,
      body: markup`${filterForm(filter)}
<p>Filter received: <code>${filter}</code>${defaulted}</p>
<p class="muted">The same search as <code>GET /api/v2/workspaces?q=</code> for <strong>${page.viewer.user.username}</strong>.</p>
<section aria-label="Results">
${result.ok ? resultsTable(store, result.workspaces) : errorList(result.errors)}
</section>`,
    }),
  };
}
