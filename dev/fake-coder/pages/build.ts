import { formatTimestamp, Micros } from '../clock';
import type { BuildRecord } from '../records';
import { jobStatus } from '../status';
import { fakeBuildLog } from './buildLog';
import {
  markup,
  notFoundPage,
  PageResult,
  renderPage,
  SafeHtml,
  timeElement,
  workspacePath,
} from './html';
import { findWorkspace, isPage } from './lookup';
import type { PageRequest } from './request';

/**
 * GET /@{owner}/{workspace}/builds/{number}: one build's facts and its
 * (made-up, see buildLog.ts) logs. The plugin links here for the latest
 * build's logs.
 */

function timeCell(value: Micros | undefined): SafeHtml {
  return value === undefined
    ? markup`<span class="muted">not yet</span>`
    : timeElement(value);
}

function facts(build: BuildRecord): SafeHtml {
  const { job } = build;
  return markup`<dl>
<dt>Transition</dt><dd>${build.transition}</dd>
<dt>Job status</dt><dd><strong>${jobStatus(job)}</strong></dd>
${job.error && markup`<dt>Job error</dt><dd class="error">${job.error}</dd>`}
<dt>Reason</dt><dd>${build.reason}</dd>
<dt>Created</dt><dd>${timeCell(build.createdAt)}</dd>
<dt>Started</dt><dd>${timeCell(job.startedAt)}</dd>
<dt>Completed</dt><dd>${timeCell(job.completedAt)}</dd>
${job.canceledAt !== undefined && markup`<dt>Canceled</dt><dd>${timeCell(job.canceledAt)}</dd>`}
</dl>`;
}

function logBlock(page: PageRequest, build: BuildRecord): SafeHtml {
  const lines = fakeBuildLog(page.deployment.store, build, page.now).map(
    line => {
      const text = `${formatTimestamp(line.at)}  [${line.stage}] ${line.text}`;
      return line.level === 'error'
        ? markup`<span class="error">${text}</span>\n`
        : markup`${text}\n`;
    },
  );
  return markup`<pre aria-label="Build log">${lines}</pre>`;
}

/** The build page, or a 404 page for an unknown workspace or build number. */
export function buildPage(page: PageRequest): PageResult {
  const found = findWorkspace(page);
  if (isPage(found)) return found;
  const { owner, workspace } = found;
  const raw = page.params.number;
  const number = /^[0-9]{1,9}$/.test(raw) ? Number(raw) : NaN;
  const build = workspace.builds.find(
    candidate => candidate.buildNumber === number,
  );
  const base = workspacePath(owner.username, workspace.name);
  const name = `${owner.username}/${workspace.name}`;
  if (!build) {
    const first = workspace.builds[0].buildNumber;
    const last = workspace.builds[workspace.builds.length - 1].buildNumber;
    return notFoundPage(
      page.banner,
      'Build not found',
      markup`Workspace <a href="${base}">${name}</a> has no build <code>${raw}</code>; its builds are #${first} to #${last}.`,
    );
  }
  return {
    status: 200,
    html: renderPage({
      title: `Build #${build.buildNumber} of ${name}`,
      heading: `Build #${build.buildNumber} (${build.transition})`,
      viewer: page.banner,
      body: markup`<p>Workspace <a href="${base}">${name}</a></p>
<section aria-label="Build">
${facts(build)}
</section>
<section aria-labelledby="logs">
<h2 id="logs">Logs</h2>
<p class="muted">The fake runs no Terraform: these lines are invented from the build's timestamps and transition.</p>
${logBlock(page, build)}
</section>`,
    }),
  };
}
