import { nowMicros } from './clock';
import { apiError } from './errors';
import type { BuildRunner } from './buildRunner';
import { byDisplayOrder } from './parameterOrder';
import { resolveBuildParameters } from './parameters';
import type {
  BuildParameterRecord,
  BuildReason,
  BuildRecord,
  FollowUpBuild,
  UserRecord,
  WorkspaceRecord,
  WorkspaceTransition,
} from './records';
import { isJobActive } from './status';
import type { Store } from './store';

export interface NewBuild {
  workspace: WorkspaceRecord;
  transition: WorkspaceTransition;
  initiator: UserRecord;
  /** Explicit version; otherwise the previous build's (the active one for a first build). */
  templateVersionId?: string;
  useActiveVersion?: boolean;
  richParameterValues: BuildParameterRecord[];
  reason: BuildReason;
  onSuccess?: FollowUpBuild;
  /** Asked once the build passed every check: an error its job will fail with (the `failBuilds` fault). */
  injectedFailure?: () => string | undefined;
  /**
   * Runs once every check passed, before anything is stored: what Coder does
   * later in the same transaction, so an error thrown here leaves no build.
   */
  beforeCommit?: () => void;
}

/**
 * coderd/wsbuilder Builder.Build: the checks, in Coder's order, then a new
 * build whose job is pending, handed to the runner.
 */
export function createBuild(
  store: Store,
  runner: BuildRunner,
  request: NewBuild,
): BuildRecord {
  const { workspace } = request;
  const template = store.templates.get(workspace.templateId);
  if (!template) throw apiError(500, 'failed to fetch template');
  const last = workspace.builds[workspace.builds.length - 1] as
    BuildRecord | undefined;

  const versionId =
    request.templateVersionId ??
    (request.useActiveVersion || !last
      ? template.activeVersionId
      : last.templateVersionId);
  const version = store.templateVersions.get(versionId);
  if (!version) {
    throw apiError(
      400,
      'template version does not exist',
      `get template version ${versionId}: sql: no rows in result set`,
    );
  }
  if (version.templateId !== template.id) {
    throw apiError(
      400,
      "template version doesn't match template",
      `templateVersion.TemplateID = {UUID:${version.templateId} Valid:true}, template.ID = ${template.id}`,
    );
  }
  if (last && isJobActive(last.job)) {
    throw apiError(
      409,
      'A workspace build is already active.',
      'A workspace build is already active.',
    );
  }

  const parameters = resolveBuildParameters({
    parameters: byDisplayOrder(version.parameters),
    previous: last?.parameters,
    provided: request.richParameterValues,
    classicFlow: template.useClassicParameterFlow,
  });

  request.beforeCommit?.();
  const now = nowMicros();
  const build: BuildRecord = {
    id: store.newId(),
    workspaceId: workspace.id,
    buildNumber: (last?.buildNumber ?? 0) + 1,
    transition: request.transition,
    templateVersionId: version.id,
    initiatorId: request.initiator.id,
    reason: request.reason,
    createdAt: now,
    updatedAt: now,
    job: {
      id: store.newId(),
      type: 'workspace_build',
      organizationId: template.organizationId,
      initiatorId: request.initiator.id,
      fileId: version.job.fileId,
      createdAt: now,
      updatedAt: now,
    },
    parameters,
    resources: [],
    onSuccess: request.onSuccess,
    failWith: request.injectedFailure?.(),
  };
  workspace.builds.push(build);
  store.indexBuild(build);
  if (request.transition === 'start' && workspace.dormantAt !== undefined) {
    // Starting a dormant workspace wakes it (coderd/workspacebuilds.go).
    workspace.dormantAt = undefined;
    workspace.deletingAt = undefined;
  }
  workspace.lastUsedAt = now;
  runner.track(workspace, build);
  return build;
}

/** `on_success` after a stop: the child start build, as its initiator. */
export function startFollowUp(
  store: Store,
  runner: BuildRunner,
  workspace: WorkspaceRecord,
  parent: BuildRecord,
): void {
  const followUp = parent.onSuccess;
  const initiator = store.users.get(parent.initiatorId);
  if (!followUp || !initiator) return;
  // wsbuildorchestrator fails the follow-up of a deleted or dormant workspace.
  if (workspace.deleted || workspace.dormantAt !== undefined) return;
  try {
    createBuild(store, runner, {
      workspace,
      transition: 'start',
      initiator,
      templateVersionId: followUp.templateVersionId,
      // An unpinned child build uses the template's active version when it runs.
      useActiveVersion: followUp.templateVersionId === undefined,
      richParameterValues: followUp.richParameterValues,
      reason: parent.reason,
    });
  } catch {
    // A child build that cannot be created leaves the workspace stopped, as in Coder.
  }
}
