import type { CoderWorkspace, CoderWorkspaceBuildRequest } from '../api/types';

/** Something a user can do to a workspace from Backstage. @public */
export type CoderWorkspaceAction =
  'start' | 'stop' | 'restart' | 'update' | 'cancel' | 'delete';

const ACTIVE_JOB_STATUSES = new Set([
  'pending',
  'starting',
  'stopping',
  'deleting',
]);

/** What the actions depend on besides the workspace. @public */
export interface WorkspaceActionsContext {
  /** The linked user has Coder's site-wide `owner` role. */
  isSiteOwner?: boolean;
}

/**
 * The actions valid for the workspace's state, in display order. While a build runs
 * only cancel is offered, and only where Coder accepts it: the template lets users
 * cancel, or the user is a site owner (coderd/workspacebuilds.go
 * verifyUserCanCancelWorkspaceBuilds). Anything else would be answered with 409 "A
 * workspace build is already active."
 *
 * @public
 */
export function availableWorkspaceActions(
  workspace: CoderWorkspace,
  context: WorkspaceActionsContext = {},
): CoderWorkspaceAction[] {
  const { status } = workspace.latest_build;
  if (status === 'deleted' || status === 'canceling') return [];
  // A state this version does not know may be a build in progress: Coder would refuse
  // a start or stop, so only delete (which Coder checks itself) is offered.
  if (status === 'unknown') return ['delete'];
  if (ACTIVE_JOB_STATUSES.has(status)) {
    const mayCancel =
      workspace.template_allow_user_cancel_workspace_jobs ||
      context.isSiteOwner === true;
    return mayCancel && status !== 'deleting' ? ['cancel'] : [];
  }
  const update: CoderWorkspaceAction[] = workspace.outdated ? ['update'] : [];
  if (status === 'running') return ['stop', 'restart', ...update, 'delete'];
  // stopped, failed, canceled
  return ['start', ...update, 'delete'];
}

/**
 * The build request for an action, as Coder's dashboard sends it (CONTRACT §3): start
 * keeps the current template version, update moves to the active one, restart and a
 * running update are one stop with `on_success` start. That follow-up start carries no
 * version: Coder builds it on the template's active version
 * (coderd/wsbuildorchestrator), and refuses members a pinned one (coderd/database/
 * dbauthz), so on an outdated workspace a restart updates it too.
 *
 * @public
 */
export function workspaceBuildRequest(
  workspace: CoderWorkspace,
  action: Exclude<CoderWorkspaceAction, 'cancel'>,
): CoderWorkspaceBuildRequest {
  const running = workspace.latest_build.status === 'running';
  switch (action) {
    case 'start':
      return {
        transition: 'start',
        template_version_id: workspace.latest_build.template_version_id,
        reason: 'dashboard',
      };
    case 'stop':
      return { transition: 'stop' };
    case 'restart':
      return { transition: 'stop', on_success: { transition: 'start' } };
    case 'update':
      return running
        ? { transition: 'stop', on_success: { transition: 'start' } }
        : {
            transition: 'start',
            template_version_id: workspace.template_active_version_id,
            reason: 'dashboard',
          };
    case 'delete':
    default:
      return { transition: 'delete' };
  }
}

/** Words for an action, for buttons and announcements. @public */
export const WORKSPACE_ACTION_TEXT: Record<
  CoderWorkspaceAction,
  { label: string; progressive: string; done: string }
> = {
  start: { label: 'Start', progressive: 'Starting', done: 'start' },
  stop: { label: 'Stop', progressive: 'Stopping', done: 'stop' },
  restart: { label: 'Restart', progressive: 'Restarting', done: 'restart' },
  update: { label: 'Update', progressive: 'Updating', done: 'update' },
  cancel: {
    label: 'Cancel build',
    progressive: 'Canceling the build of',
    done: 'cancel the build of',
  },
  delete: { label: 'Delete', progressive: 'Deleting', done: 'delete' },
};
