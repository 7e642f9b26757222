import type { CoderWorkspace } from '../api/types';

/** Coder's own list order (CONTRACT §3): running first, then owner, then name. */
function compareLikeCoder(a: CoderWorkspace, b: CoderWorkspace): number {
  const running = (workspace: CoderWorkspace) =>
    workspace.latest_build.transition === 'start' &&
    workspace.latest_build.job.status === 'succeeded'
      ? 0
      : 1;
  return (
    running(a) - running(b) ||
    a.owner_name.toLowerCase().localeCompare(b.owner_name.toLowerCase()) ||
    a.name.toLowerCase().localeCompare(b.name.toLowerCase())
  );
}

/**
 * Merges the results of several searches (one per repository parameter), keeping each
 * workspace once and Coder's order.
 */
export function mergeWorkspaceLists(
  lists: CoderWorkspace[][],
): CoderWorkspace[] {
  if (lists.length === 1) return lists[0];
  const byId = new Map<string, CoderWorkspace>();
  for (const list of lists) {
    for (const workspace of list) {
      if (!byId.has(workspace.id)) byId.set(workspace.id, workspace);
    }
  }
  return [...byId.values()].sort(compareLikeCoder);
}
