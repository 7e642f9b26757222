import type { BuildRecord, WorkspaceRecord } from '../records';
import { isOutdated } from '../serialize';
import { agentStatus, buildAgents, buildStatus, jobStatus } from '../status';
import { backToBackstage } from './backLink';
import {
  markup,
  PageResult,
  renderPage,
  SafeHtml,
  timeElement,
  workspacePath,
} from './html';
import { findWorkspace, FoundWorkspace, isPage } from './lookup';
import type { PageRequest } from './request';

/**
 * GET /@{owner}/{workspace}: the workspace's page, read-only. The fake has no
 * dashboard actions; the plugin is where a developer starts and stops it.
 */

/** Older builds beyond this are left out; the API lists them all. */
const BUILD_HISTORY_LIMIT = 20;

/** The build history, newest first, each linked to its logs page. */
function buildList(base: string, workspace: WorkspaceRecord): SafeHtml {
  const builds = [...workspace.builds].reverse();
  const shown = builds.slice(0, BUILD_HISTORY_LIMIT);
  const items = shown.map(
    build =>
      markup`<li><a href="${base}/builds/${build.buildNumber}">#${build.buildNumber} ${build.transition}</a>: job ${jobStatus(build.job)}, ${timeElement(build.createdAt)}</li>`,
  );
  const hidden = builds.length - shown.length;
  return markup`<ul>${items}</ul>${
    hidden > 0 && markup`<p class="muted">${hidden} older builds not shown.</p>`
  }`;
}

function parameterTable(build: BuildRecord): SafeHtml {
  if (build.parameters.length === 0)
    return markup`<p class="muted">This build has no parameters.</p>`;
  const rows = build.parameters.map(
    parameter =>
      markup`<tr><th scope="row"><code>${parameter.name}</code></th><td><code>${parameter.value}</code></td></tr>`,
  );
  return markup`<table>
<thead><tr><th scope="col">Name</th><th scope="col">Value</th></tr></thead>
<tbody>${rows}</tbody>
</table>`;
}

function agentsOf(page: PageRequest, build: BuildRecord): SafeHtml {
  const agents = buildAgents(build);
  if (agents.length === 0) return markup`none in this build`;
  return markup`${agents.map(
    (agent, index) =>
      markup`${index > 0 && ', '}<code>${agent.name}</code> ${agentStatus(agent, page.now)}`,
  )}`;
}

function overview(page: PageRequest, found: FoundWorkspace): SafeHtml {
  const { store } = page.deployment;
  const { owner, workspace } = found;
  const template = store.templates.get(workspace.templateId);
  const latest = store.latestBuild(workspace);
  const version = store.templateVersions.get(latest.templateVersionId);
  const base = workspacePath(owner.username, workspace.name);
  return markup`<dl>
<dt>Owner</dt><dd>${owner.username} (${owner.name})</dd>
<dt>Template</dt><dd>${template?.displayName || template?.name} <span class="muted">(<code>${template?.name}</code>, version ${version?.name}${isOutdated(store, workspace) && ', outdated'})</span></dd>
<dt>Status</dt><dd><strong>${buildStatus(latest)}</strong></dd>
<dt>Last build</dt><dd><a href="${base}/builds/${latest.buildNumber}">#${latest.buildNumber} ${latest.transition}</a>, job ${jobStatus(latest.job)}</dd>
<dt>Agents</dt><dd>${agentsOf(page, latest)}</dd>
<dt>Created</dt><dd>${timeElement(workspace.createdAt)}</dd>
<dt>Last used</dt><dd>${timeElement(workspace.lastUsedAt)}</dd>
${workspace.dormantAt !== undefined && markup`<dt>Dormant since</dt><dd>${timeElement(workspace.dormantAt)}</dd>`}
${workspace.favorite && markup`<dt>Favourite</dt><dd>yes (of its owner)</dd>`}
</dl>`;
}

/** The workspace page, or a 404 page when the owner has no such workspace. */
export function workspacePage(page: PageRequest): PageResult {
  const found = findWorkspace(page);
  if (isPage(found)) return found;
  const { owner, workspace } = found;
  const latest = page.deployment.store.latestBuild(workspace);
  return {
    status: 200,
    html: renderPage({
      title: `${owner.username}/${workspace.name}`,
      heading: workspace.name,
      viewer: page.banner,
      body: markup`<section aria-label="Overview">
${overview(page, found)}
</section>
<p>This fake has no dashboard buttons. Start, stop and delete it from the Backstage card.</p>
${backToBackstage(page.request)}
<section aria-labelledby="parameters">
<h2 id="parameters">Build parameters (build #${latest.buildNumber})</h2>
${parameterTable(latest)}
</section>
<section aria-labelledby="builds">
<h2 id="builds">Builds</h2>
${buildList(workspacePath(owner.username, workspace.name), workspace)}
</section>
<p class="muted">As JSON: <code>GET /api/v2/users/${owner.username}/workspace/${workspace.name}</code> with a session token.</p>`,
    }),
  };
}
