import type { CoderWorkspace } from '../../api/types';

/** What {@link CoderOpenButton} will do when clicked. @public */
export type CoderOpenPlan =
  | { kind: 'open'; workspace: CoderWorkspace }
  | { kind: 'start'; workspace: CoderWorkspace }
  | { kind: 'create' };

const newest = (a: CoderWorkspace, b: CoderWorkspace) =>
  Date.parse(b.created_at) - Date.parse(a.created_at);
const recentlyUsed = (a: CoderWorkspace, b: CoderWorkspace) =>
  Date.parse(b.last_used_at) - Date.parse(a.last_used_at);

/**
 * The most recently used running workspace is opened; failing that the newest one that
 * can start is started; failing that a new one is created.
 *
 * @public
 */
export function planOpen(workspaces: CoderWorkspace[]): CoderOpenPlan {
  const running = workspaces
    .filter(workspace => workspace.latest_build.status === 'running')
    .sort(recentlyUsed);
  if (running.length > 0) return { kind: 'open', workspace: running[0] };
  const startable = workspaces
    .filter(workspace =>
      ['stopped', 'failed', 'canceled'].includes(workspace.latest_build.status),
    )
    .sort(newest);
  if (startable.length > 0) return { kind: 'start', workspace: startable[0] };
  const busy = workspaces
    .filter(workspace => workspace.latest_build.status !== 'deleted')
    .sort(newest);
  // A workspace mid-transition will be openable soon: point at it rather than create.
  if (busy.length > 0) return { kind: 'open', workspace: busy[0] };
  return { kind: 'create' };
}
