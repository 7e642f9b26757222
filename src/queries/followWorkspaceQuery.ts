import { queryOptions } from '@tanstack/react-query';
import type { CoderApi } from '../api/CoderApi';
import { coderQueryKeys } from './coderQueryKeys';
import { isWorkspaceTransitioning } from './workspacesQueries';

/**
 * How often a transitioning workspace is read on its own. Coder's builds change state
 * every few seconds; at this pace the row shows each state about a second after Coder
 * reaches it, for one small request per workspace rather than the whole list.
 */
export const CODER_FOLLOW_POLL_MS = 2_000;

/**
 * `GET /api/v2/workspaces/{id}`, polled while the workspace transitions and not after:
 * its last answer (settled) stays in the cache until the list catches up. Paused while
 * the tab is hidden, like the list.
 */
export function followWorkspaceQueryOptions(
  api: CoderApi,
  sessionVersion: number,
  workspaceId: string,
) {
  return queryOptions({
    queryKey: coderQueryKeys.workspace(sessionVersion, workspaceId),
    queryFn: ({ signal }) => api.getWorkspace(workspaceId, { signal }),
    meta: { sessionVersion },
    refetchInterval: query => {
      const { data, status } = query.state;
      if (status === 'error') return false;
      return !data || isWorkspaceTransitioning(data)
        ? CODER_FOLLOW_POLL_MS
        : false;
    },
    refetchIntervalInBackground: false,
    // Always fresh: a follow that starts again must ask, not reuse a settled answer.
    staleTime: 0,
    gcTime: 30_000,
  });
}
