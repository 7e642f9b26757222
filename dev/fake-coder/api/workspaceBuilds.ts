import { apiError, notFound } from '../errors';
import { goQuote } from '../goText';
import { parseRfc3339Nano, RFC3339_LAYOUT } from '../goTime';
import type { ApiContext } from '../router';
import { serializeAgent, serializeBuild } from '../serialize';
import { jobStatus } from '../status';
import {
  buildParam,
  canReadWorkspace,
  isOwnerRole,
  uuidParam,
  workspaceParam,
} from './lookups';
import { parsePagination } from './pagination';

/** Workspace builds: history, one build, cancel, parameters; agents. */

export function getWorkspaceBuilds(context: ApiContext): void {
  const workspace = workspaceParam(context, context.params.workspace);
  const page = parsePagination(context.url);
  const sinceText = context.url.searchParams.get('since') ?? '';
  let since: number | undefined;
  if (sinceText !== '') {
    const parsed = parseRfc3339Nano(sinceText, RFC3339_LAYOUT);
    if (!parsed.ok)
      throw apiError(400, 'bad `since` format, must be RFC3339', parsed.error);
    since = parsed.value;
  }
  let builds = [...workspace.builds].reverse();
  if (page.afterId) {
    // Any build is a cursor, even another workspace's: its number is what counts.
    const after = context.deployment.store.builds.get(page.afterId);
    if (!after)
      throw apiError(
        400,
        `Record at "after_id" (${goQuote(page.afterId)}) does not exist.`,
      );
    builds = builds.filter(build => build.buildNumber > after.buildNumber);
  }
  // GetWorkspaceBuildsByWorkspaceID: `created_at > @since`.
  if (since !== undefined)
    builds = builds.filter(build => build.createdAt > (since as number));
  builds = builds.slice(
    page.offset,
    page.limit > 0 ? page.offset + page.limit : undefined,
  );
  context.respond(
    200,
    builds.map(build => serializeBuild(context.wire, workspace, build)),
  );
}

export function getWorkspaceBuild(context: ApiContext): void {
  const { build, workspace } = buildParam(
    context,
    context.params.workspacebuild,
  );
  context.respond(200, serializeBuild(context.wire, workspace, build));
}

export function getWorkspaceBuildParameters(context: ApiContext): void {
  const { build } = buildParam(context, context.params.workspacebuild);
  context.respond(
    200,
    build.parameters.map(parameter => ({
      name: parameter.name,
      value: parameter.value,
    })),
  );
}

/** PATCH /workspacebuilds/{workspacebuild}/cancel */
export function patchCancelWorkspaceBuild(context: ApiContext): void {
  const { build, workspace } = buildParam(
    context,
    context.params.workspacebuild,
  );
  const expectStatus = context.url.searchParams.get('expect_status') ?? '';
  if (
    expectStatus !== '' &&
    expectStatus !== 'running' &&
    expectStatus !== 'pending'
  ) {
    throw apiError(
      400,
      `Invalid expect_status ${goQuote(expectStatus)}. Only 'running' or 'pending' are allowed.`,
    );
  }
  const template = context.deployment.store.templates.get(workspace.templateId);
  const mayCancel =
    Boolean(template?.allowUserCancelWorkspaceJobs) ||
    isOwnerRole(context.actor);
  // verifyUserCanCancelWorkspaceBuilds lets `expect_status=pending` through.
  if (expectStatus !== 'pending' && !mayCancel) {
    throw apiError(
      403,
      'User is not allowed to cancel workspace builds. Owner role is required.',
    );
  }
  if (build.job.completedAt !== undefined)
    throw apiError(400, 'Job has already completed!');
  if (build.job.canceledAt !== undefined)
    throw apiError(400, 'Job has already been marked as canceled!');
  if (expectStatus !== '' && jobStatus(build.job) !== expectStatus)
    throw apiError(412, 'Job is not in the expected state.');
  // dbauthz UpdateProvisionerJobWithCancelByID checks the template again.
  if (!mayCancel) {
    throw apiError(
      500,
      'Internal error updating provisioner job.',
      'only owners can cancel workspace builds',
    );
  }
  context.deployment.runner.cancel(build);
  context.respond(200, { message: 'Job has been marked as canceled...' });
}

export function getWorkspaceAgent(context: ApiContext): void {
  const id = uuidParam(context.params.workspaceagent);
  const { store } = context.deployment;
  const entry = store.agents.get(id);
  const workspace = entry
    ? store.workspaces.get(entry.build.workspaceId)
    : undefined;
  if (!entry || !workspace || !canReadWorkspace(context.actor, workspace))
    throw notFound();
  context.respond(200, serializeAgent(context.wire, entry.agent));
}
