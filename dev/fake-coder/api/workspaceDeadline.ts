import { millisecondsToMicros } from '../clock';
import { apiError } from '../errors';
import { decodeStruct } from '../goJson';
import { GO_ZERO_TIME } from '../goTime';
import type { ApiContext } from '../router';
import { workspaceParam } from './lookups';

/**
 * PUT /workspaces/{workspace}/extend (coderd/workspaces.go
 * putExtendWorkspace): 409 while the latest build is not a completed start
 * or has no deadline, then validWorkspaceDeadline's 400s ("too soon" first)
 * and the max deadline.
 */
export async function putWorkspaceExtend(context: ApiContext): Promise<void> {
  const workspace = workspaceParam(context, context.params.workspace);
  const body = decodeStruct(
    await context.readJson(),
    'PutExtendWorkspaceRequest',
    { deadline: { kind: 'time' } },
  );
  const deadline = (body.deadline as number | undefined) ?? GO_ZERO_TIME;
  if (deadline === GO_ZERO_TIME) {
    throw apiError(400, 'Validation failed.', undefined, [
      {
        field: 'deadline',
        detail:
          'Validation failed for tag "required" with value: "0001-01-01 00:00:00 +0000 UTC"',
      },
    ]);
  }
  const build = context.deployment.store.latestBuild(workspace);
  if (build.transition !== 'start') {
    throw apiError(
      409,
      `Workspace must be started, current status: ${build.transition}`,
    );
  }
  // Only completion counts: a failed or canceled start gets past this check.
  if (build.job.completedAt === undefined)
    throw apiError(409, 'Workspace is still building!');
  if (build.deadline === undefined)
    throw apiError(409, 'Workspace shutdown is manual.');
  const refuse = (reason: string) =>
    apiError(400, `Cannot extend workspace: ${reason}`);
  if (deadline < context.now + millisecondsToMicros(29 * 60_000))
    throw refuse('new deadline must be at least 30 minutes in the future');
  // Coder's text says "before" where it means "after".
  if (deadline < build.job.completedAt)
    throw refuse('new deadline must be before workspace start time');
  if (build.maxDeadline !== undefined && deadline > build.maxDeadline)
    throw apiError(400, 'Cannot extend workspace beyond max deadline.');
  build.deadline = deadline;
  build.updatedAt = context.now;
  const seconds = new Date(Math.floor(deadline / 1000))
    .toISOString()
    .replace(/\.\d+Z$/, 'Z');
  context.respond(200, { message: `Deadline updated to ${seconds}.` });
}
