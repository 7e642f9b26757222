import { decodeStruct, FieldKind } from '../body';
import { apiError, ValidationError } from '../errors';
import { goQuote } from '../goText';
import { parseRfc3339Nano } from '../goTime';
import type {
  BuildParameterRecord,
  BuildReason,
  FollowUpBuild,
  WorkspaceTransition,
} from '../records';
import type { ApiContext } from '../router';
import { serializeAgent, serializeBuild } from '../serialize';
import { jobStatus } from '../status';
import { createBuild } from '../workspaceBuilder';
import {
  buildParam,
  canReadWorkspace,
  isOwnerRole,
  uuidParam,
  workspaceParam,
} from './lookups';
import { parsePagination } from './pagination';
import { notFound } from '../errors';

/** Workspace builds: history, new builds (start/stop/delete), cancel, parameters. */

export function getWorkspaceBuilds(context: ApiContext): void {
  const workspace = workspaceParam(context, context.params.workspace);
  const page = parsePagination(context.url);
  const sinceText = context.url.searchParams.get('since') ?? '';
  let since: number | undefined;
  if (sinceText !== '') {
    const parsed = parseRfc3339Nano(sinceText);
    if (!parsed.ok)
      throw apiError(400, 'bad `since` format, must be RFC3339', parsed.error);
    since = parsed.value;
  }
  let builds = [...workspace.builds].reverse();
  if (page.afterId) {
    const after = builds.find(build => build.id === page.afterId);
    if (!after)
      throw apiError(
        400,
        `Record at "after_id" (${goQuote(page.afterId)}) does not exist.`,
      );
    builds = builds.filter(build => build.buildNumber < after.buildNumber);
  }
  if (since !== undefined)
    builds = builds.filter(build => build.createdAt >= (since as number));
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

const BUILD_REASONS = [
  'dashboard',
  'cli',
  'ssh_connection',
  'vscode_connection',
  'jetbrains_connection',
  'task_manual_pause',
];

const CREATE_BUILD_FIELDS: Record<string, FieldKind> = {
  template_version_id: { kind: 'uuid' },
  transition: { kind: 'string', goType: 'codersdk.WorkspaceTransition' },
  dry_run: { kind: 'bool' },
  state: { kind: 'bytes' },
  orphan: { kind: 'bool' },
  rich_parameter_values: { kind: 'parameters' },
  log_level: { kind: 'string', goType: 'codersdk.ProvisionerLogLevel' },
  template_version_preset_id: { kind: 'uuid' },
  reason: { kind: 'string', goType: 'codersdk.CreateWorkspaceBuildReason' },
  on_success: {
    kind: 'object',
    goType: 'codersdk.CreateWorkspaceBuildOnSuccessRequest',
    fields: {
      transition: { kind: 'string', goType: 'codersdk.WorkspaceTransition' },
      template_version_id: { kind: 'uuid' },
      template_version_preset_id: { kind: 'uuid' },
      rich_parameter_values: { kind: 'parameters' },
    },
  },
};

const tagFailure = (
  field: string,
  tag: string,
  value: string,
): ValidationError => ({
  field,
  detail: `Validation failed for tag ${goQuote(tag)} with value: "${value}"`,
});

export async function postWorkspaceBuild(context: ApiContext): Promise<void> {
  const workspace = workspaceParam(context, context.params.workspace);
  const body = decodeStruct(
    await context.readJson(),
    'CreateWorkspaceBuildRequest',
    CREATE_BUILD_FIELDS,
  );
  const transition = (body.transition as string | undefined) ?? '';
  const logLevel = (body.log_level as string | undefined) ?? '';
  const reason = (body.reason as string | undefined) ?? '';
  const onSuccess = body.on_success as Record<string, unknown> | undefined;

  const validations: ValidationError[] = [];
  if (!['start', 'stop', 'delete'].includes(transition))
    validations.push(tagFailure('transition', 'oneof', transition));
  if (logLevel !== '' && logLevel !== 'debug')
    validations.push(tagFailure('log_level', 'oneof', logLevel));
  if (reason !== '' && !BUILD_REASONS.includes(reason))
    validations.push(tagFailure('reason', 'oneof', reason));
  if (onSuccess) {
    const childTransition = (onSuccess.transition as string | undefined) ?? '';
    if (childTransition !== 'start')
      validations.push(tagFailure('transition', 'oneof', childTransition));
  }
  if (validations.length > 0)
    throw apiError(400, 'Validation failed.', undefined, validations);

  if (workspace.deleted && transition !== 'delete') {
    throw apiError(409, 'Cannot start a deleted workspace!');
  }
  if (body.orphan === true && transition !== 'delete') {
    throw apiError(400, 'Orphan is only permitted when deleting a workspace.');
  }
  if (onSuccess && transition !== 'stop') {
    throw apiError(
      400,
      'on_success is only supported when the transition is "stop".',
    );
  }
  const customState =
    body.orphan === true ||
    (body.state !== undefined && (body.state as unknown[] | string).length > 0);
  if (customState && !isOwnerRole(context.actor)) {
    throw apiError(
      403,
      'Only template managers may provide custom state',
      'Only template managers may provide custom state',
    );
  }
  if (logLevel !== '' && !isOwnerRole(context.actor)) {
    const message =
      'Workspace builds with a custom log level are restricted to administrators only.';
    throw apiError(400, message, message);
  }

  let followUp: FollowUpBuild | undefined;
  if (onSuccess) {
    followUp = {
      transition: 'start',
      templateVersionId: onSuccess.template_version_id as string | undefined,
      richParameterValues:
        (onSuccess.rich_parameter_values as
          BuildParameterRecord[] | undefined) ?? [],
    };
  }
  const build = createBuild(
    context.deployment.store,
    context.deployment.runner,
    {
      workspace,
      transition: transition as WorkspaceTransition,
      initiator: context.actor,
      templateVersionId: body.template_version_id as string | undefined,
      richParameterValues:
        (body.rich_parameter_values as BuildParameterRecord[] | undefined) ??
        [],
      reason: (reason || 'initiator') as BuildReason,
      onSuccess: followUp,
      injectedFailure: () => context.deployment.faults.takeBuildFailure(),
    },
  );
  context.respond(201, serializeBuild(context.wire, workspace, build));
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
  if (!template?.allowUserCancelWorkspaceJobs && !isOwnerRole(context.actor)) {
    throw apiError(
      403,
      'User is not allowed to cancel workspace builds. Owner role is required.',
    );
  }
  if (build.job.completedAt !== undefined)
    throw apiError(400, 'Job has already completed!');
  if (build.job.canceledAt !== undefined)
    throw apiError(400, 'Job has already been marked as canceled!');
  const status = jobStatus(build.job);
  if (expectStatus !== '' && status !== expectStatus) {
    throw apiError(
      412,
      'Job is not in the expected state.',
      `Expected status ${goQuote(expectStatus)}, but job has status ${goQuote(status)}.`,
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
