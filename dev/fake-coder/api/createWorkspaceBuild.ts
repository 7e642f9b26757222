import { apiError, tagFailure, ValidationError } from '../errors';
import { decodeStruct, FieldKind } from '../goJson';
import type {
  BuildParameterRecord,
  BuildReason,
  FollowUpBuild,
  WorkspaceRecord,
  WorkspaceTransition,
} from '../records';
import type { ApiContext } from '../router';
import { serializeBuild } from '../serialize';
import { createBuild } from '../workspaceBuilder';
import { isOwnerRole, workspaceParam } from './lookups';

/**
 * POST /workspaces/{workspace}/builds, checked in the order of
 * coderd/workspacebuilds.go postWorkspaceBuilds: the body, a deleted
 * workspace, on_success (validateCreateWorkspaceBuildOnSuccess), orphan and
 * state, the builder's authorization (custom state, log level, Terraform
 * debug mode), the builder's own checks, and last the follow-up's
 * authorization (dbauthz InsertWorkspaceBuildOrchestration), which rolls the
 * new build back.
 */

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
      template_version_id: { kind: 'uuid' },
      transition: { kind: 'string', goType: 'codersdk.WorkspaceTransition' },
      template_version_preset_id: { kind: 'uuid' },
      rich_parameter_values: { kind: 'parameters' },
    },
  },
};

/** Deployment config: Terraform debug mode is off unless an admin enables it. */
const TERRAFORM_DEBUG_MODE = false;

interface BuildRequest {
  transition: string;
  logLevel: string;
  reason: string;
  dryRun: boolean;
  orphan: boolean;
  hasState: boolean;
  onSuccess?: Record<string, unknown>;
}

/** The struct tags of CreateWorkspaceBuildRequest, in field order. */
function structProblems(request: BuildRequest): ValidationError[] {
  const validations: ValidationError[] = [];
  if (!['start', 'stop', 'delete'].includes(request.transition))
    validations.push(tagFailure('transition', 'oneof', request.transition));
  if (request.logLevel !== '' && request.logLevel !== 'debug')
    validations.push(tagFailure('log_level', 'oneof', request.logLevel));
  if (request.reason !== '' && !BUILD_REASONS.includes(request.reason))
    validations.push(tagFailure('reason', 'oneof', request.reason));
  if (request.onSuccess) {
    const child = (request.onSuccess.transition as string | undefined) ?? '';
    if (child !== 'start')
      validations.push(tagFailure('transition', 'oneof', child));
  }
  return validations;
}

/** validateCreateWorkspaceBuildOnSuccess: what a restart may be combined with. */
function onSuccessProblem(request: BuildRequest): string | undefined {
  const onSuccess = request.onSuccess;
  if (!onSuccess) return undefined;
  if (request.transition !== 'stop')
    return 'OnSuccess is only permitted when stopping a workspace.';
  if (onSuccess.transition !== 'start')
    return 'OnSuccess transition must be start.';
  if (request.dryRun) return 'OnSuccess cannot be set alongside DryRun.';
  if (request.orphan) return 'OnSuccess cannot be set alongside Orphan.';
  if (request.hasState)
    return 'OnSuccess cannot be set alongside ProvisionerState.';
  if (onSuccess.template_version_preset_id && !onSuccess.template_version_id)
    return 'OnSuccess TemplateVersionPresetID requires TemplateVersionID.';
  return undefined;
}

/**
 * Who may queue the follow-up start: nobody on a dormant workspace (no role
 * may start one), and only template managers when it pins a version. Coder
 * picks the detail by whether a version is pinned, whichever check failed.
 */
function followUpRefusal(
  context: ApiContext,
  workspace: WorkspaceRecord,
  onSuccess: Record<string, unknown>,
) {
  const pinned = Boolean(onSuccess.template_version_id);
  const allowed =
    workspace.dormantAt === undefined &&
    (!pinned || isOwnerRole(context.actor));
  if (allowed) return undefined;
  return apiError(
    403,
    'Unauthorized to queue follow-up workspace build.',
    pinned
      ? 'Pinning a template version on the follow-up build requires template update permission. Omit template_version_id to use the active version.'
      : 'Queuing the follow-up workspace build requires permission to start the workspace.',
  );
}

/** The builder's authorize step, after the caller may act on the workspace at all. */
function authorizationProblem(context: ApiContext, request: BuildRequest) {
  const owner = isOwnerRole(context.actor);
  if ((request.orphan || request.hasState) && !owner) {
    const message = 'Only template managers may provide custom state';
    return apiError(403, message, message);
  }
  if (request.logLevel !== '' && !owner) {
    const message =
      'Workspace builds with a custom log level are restricted to administrators only.';
    return apiError(400, message, message);
  }
  if (request.logLevel !== '' && !TERRAFORM_DEBUG_MODE) {
    const message =
      'Terraform debug mode is disabled in the deployment configuration.';
    return apiError(400, message, message);
  }
  return undefined;
}

/** POST /workspaces/{workspace}/builds. */
export async function postWorkspaceBuild(context: ApiContext): Promise<void> {
  const workspace = workspaceParam(context, context.params.workspace);
  const body = decodeStruct(
    await context.readJson(),
    'CreateWorkspaceBuildRequest',
    CREATE_BUILD_FIELDS,
  );
  const state = body.state as unknown[] | string | undefined;
  const request: BuildRequest = {
    transition: (body.transition as string | undefined) ?? '',
    logLevel: (body.log_level as string | undefined) ?? '',
    reason: (body.reason as string | undefined) ?? '',
    dryRun: body.dry_run === true,
    orphan: body.orphan === true,
    hasState: state !== undefined && state.length > 0,
    onSuccess: body.on_success as Record<string, unknown> | undefined,
  };
  const validations = structProblems(request);
  if (validations.length > 0)
    throw apiError(400, 'Validation failed.', undefined, validations);

  if (workspace.deleted && request.transition !== 'delete') {
    throw apiError(
      409,
      `Cannot ${request.transition} a deleted workspace!`,
      'This workspace has been deleted and cannot be modified.',
    );
  }
  const onSuccessMessage = onSuccessProblem(request);
  if (onSuccessMessage) throw apiError(400, onSuccessMessage);
  if (request.orphan && request.transition !== 'delete')
    throw apiError(400, 'Orphan is only permitted when deleting a workspace.');
  if (request.orphan && request.hasState) {
    throw apiError(
      400,
      'ProvisionerState cannot be set alongside Orphan since state intent is unclear.',
    );
  }
  const refused = authorizationProblem(context, request);
  if (refused) throw refused;

  const transition = request.transition as WorkspaceTransition;
  let followUp: FollowUpBuild | undefined;
  if (request.onSuccess) {
    followUp = {
      transition: 'start',
      templateVersionId: request.onSuccess.template_version_id as
        string | undefined,
      richParameterValues:
        (request.onSuccess.rich_parameter_values as
          BuildParameterRecord[] | undefined) ?? [],
    };
  }
  const onSuccess = request.onSuccess;
  const build = createBuild(
    context.deployment.store,
    context.deployment.runner,
    {
      workspace,
      transition,
      initiator: context.actor,
      templateVersionId: body.template_version_id as string | undefined,
      richParameterValues:
        (body.rich_parameter_values as BuildParameterRecord[] | undefined) ??
        [],
      // Only start and stop builds take the caller's reason.
      reason: (transition !== 'delete' && request.reason
        ? request.reason
        : 'initiator') as BuildReason,
      onSuccess: followUp,
      injectedFailure: () => context.deployment.faults.takeBuildFailure(),
      beforeCommit: () => {
        const refusal =
          onSuccess && followUpRefusal(context, workspace, onSuccess);
        if (refusal) throw refusal;
      },
    },
  );
  context.respond(201, serializeBuild(context.wire, workspace, build));
}
