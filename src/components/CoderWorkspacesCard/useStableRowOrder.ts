import { useRef } from 'react';
import type { CoderWorkspace } from '../../api/types';
import { isWorkspaceTransitioning } from '../../queries/workspacesQueries';

/**
 * Coder's order puts running workspaces first, so a start or a stop would move its row
 * while the user watches it (or has its menu open). A row that is `held`, or whose
 * workspace transitions, keeps the position it had; the other rows fill the remaining
 * places in Coder's order. Once the workspace settles it takes Coder's place again.
 */
export function stableRowOrder(
  previous: readonly string[],
  next: readonly CoderWorkspace[],
  held: ReadonlySet<string>,
): CoderWorkspace[] {
  const byId = new Map(next.map(workspace => [workspace.id, workspace]));
  const slots: Array<CoderWorkspace | undefined> = Array.from(
    { length: next.length },
    () => undefined,
  );
  previous.forEach((id, index) => {
    const workspace = byId.get(id);
    if (
      workspace &&
      index < next.length &&
      (held.has(id) || isWorkspaceTransitioning(workspace))
    ) {
      slots[index] = workspace;
    }
  });
  const placed = new Set(slots.map(workspace => workspace?.id));
  const rest = next.filter(workspace => !placed.has(workspace.id));
  let taken = 0;
  return slots.map(slot => slot ?? rest[taken++]);
}

/** {@link stableRowOrder} across renders of one list. */
export function useStableRowOrder(
  workspaces: readonly CoderWorkspace[],
  held: ReadonlySet<string>,
): CoderWorkspace[] {
  const previous = useRef<readonly string[]>([]);
  const ordered = stableRowOrder(previous.current, workspaces, held);
  previous.current = ordered.map(workspace => workspace.id);
  return ordered;
}
