import { searchWorkspaces } from '../api/workspaces';
import {
  markup,
  PageResult,
  renderPage,
  SafeHtml,
  workspacePath,
} from './html';
import type { PageRequest } from './request';

/**
 * GET /: what a person opening the fake's URL in a browser sees (real Coder
 * redirects to /workspaces). Links to every page the fake serves, filled in
 * for the viewer's workspaces, so each can be tried without Backstage.
 */

/** The home page lists this many workspaces; /workspaces has the rest. */
const HOME_WORKSPACE_LIMIT = 30;

function repositoryLinks(repositories: string[]): SafeHtml {
  const items = repositories.map(repository => {
    // The filter the plugin's "Open in Coder" link uses for one repository.
    const query = new URLSearchParams({
      filter: `owner:me param:"repo_url=${repository}"`,
    });
    return markup`<li><a href="/workspaces?${query.toString()}">${repository}</a></li>`;
  });
  return markup`<ul>${items}</ul>`;
}

function templateLinks(page: PageRequest, repository?: string): SafeHtml {
  const { store } = page.deployment;
  const items = [...store.templates.values()]
    .filter(template => !template.deleted)
    .map(template => {
      const path = `/templates/${encodeURIComponent(template.name)}/workspace`;
      const version = store.templateVersions.get(template.activeVersionId);
      const takesRepository = version?.parameters.some(
        parameter => parameter.name === 'repo_url',
      );
      // An example of the plugin's own link, query and all.
      const query = new URLSearchParams({
        mode: 'manual',
        'param.repo_url': repository ?? '',
      });
      const example =
        takesRepository &&
        repository !== undefined &&
        markup` (<a href="${path}?${query.toString()}">as the plugin links it</a>)`;
      return markup`<li><a href="${path}">${template.displayName || template.name}</a>${example}</li>`;
    });
  return markup`<ul>${items}</ul>`;
}

/** The index page. */
export function homePage(page: PageRequest): PageResult {
  const { store } = page.deployment;
  const { user } = page.viewer;
  const found = searchWorkspaces(store, user, 'owner:me', page.now);
  const workspaces = found.ok ? found.workspaces : [];
  const repositories = [
    ...new Set(
      workspaces.flatMap(workspace =>
        store
          .latestBuild(workspace)
          .parameters.filter(parameter => parameter.name === 'repo_url')
          .map(parameter => parameter.value),
      ),
    ),
  ].sort();
  const items = workspaces.slice(0, HOME_WORKSPACE_LIMIT).map(workspace => {
    const path = workspacePath(user.username, workspace.name);
    const latest = store.latestBuild(workspace);
    return markup`<li><a href="${path}">${workspace.name}</a> <span class="muted">(<a href="${path}/builds/${latest.buildNumber}">build #${latest.buildNumber} logs</a>)</span></li>`;
  });
  const more =
    workspaces.length > items.length &&
    markup`<p><a href="/workspaces">All ${workspaces.length} workspaces</a></p>`;
  return {
    status: 200,
    html: renderPage({
      title: 'Home',
      heading: 'Fake Coder',
      viewer: page.banner,
      body: markup`<p>This server imitates Coder's REST API (<code>/api/v2</code>) for the Backstage plugin's dev app and tests, and serves these few dashboard pages so the plugin's links lead somewhere.</p>
<section aria-labelledby="token">
<h2 id="token">Link Backstage</h2>
<p><a href="/cli-auth">Get a session token</a> to paste into the Backstage card.</p>
</section>
<section aria-labelledby="mine">
<h2 id="mine">Workspaces of ${user.username}</h2>
<ul>${items}</ul>
${more}
<p><a href="/workspaces">The workspaces list</a>, or by repository:</p>
${repositoryLinks(repositories)}
</section>
<section aria-labelledby="templates">
<h2 id="templates">Create a workspace</h2>
${templateLinks(page, repositories[0])}
</section>
<section aria-labelledby="developers">
<h2 id="developers">For developers</h2>
<ul>
<li><a href="/api/v2/buildinfo"><code>/api/v2/buildinfo</code></a>, which needs no token</li>
<li><a href="/__fake"><code>/__fake</code></a>: the fake's admin API (faults, reset, tokens)</li>
</ul>
</section>`,
    }),
  };
}
