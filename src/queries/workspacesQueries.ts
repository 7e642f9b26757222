import { queryOptions } from '@tanstack/react-query';
import type { CoderApi } from '../api/CoderApi';
import type { CoderWorkspace, CoderWorkspacesResponse } from '../api/types';
import { coderQueryKeys } from './coderQueryKeys';

/** Poll this often while something is changing, so the user sees it happen. */
export const CODER_ACTIVE_POLL_MS = 5_000;
/** Otherwise, only often enough to notice changes made elsewhere. */
export const CODER_IDLE_POLL_MS = 60_000;

const TRANSITIONAL_STATUSES = new Set([
  'pending',
  'starting',
  'stopping',
  'deleting',
  'canceling',
]);

/** True while a workspace's build runs or its agent is still connecting. */
export function isWorkspaceTransitioning(workspace: CoderWorkspace): boolean {
  const build = workspace.latest_build;
  if (TRANSITIONAL_STATUSES.has(build.status)) return true;
  return (
    build.status === 'running' &&
    build.resources.some(resource =>
      resource.agents.some(agent => agent.status === 'connecting'),
    )
  );
}

/** The polling cadence for a workspace list: fast during transitions, slow otherwise. */
export function workspacesPollInterval(
  data: CoderWorkspacesResponse | undefined,
): number {
  return data?.workspaces.some(isWorkspaceTransitioning)
    ? CODER_ACTIVE_POLL_MS
    : CODER_IDLE_POLL_MS;
}

/**
 * One `GET /api/v2/workspaces?q=` search. Polling stops while the tab is hidden
 * (TanStack's default `refetchIntervalInBackground: false`) and resumes on return.
 */
export function workspacesQueryOptions(
  api: CoderApi,
  sessionVersion: number,
  q: string,
) {
  return queryOptions({
    queryKey: coderQueryKeys.workspaceSearch(sessionVersion, q),
    queryFn: ({ signal }) => api.getWorkspaces({ q }, { signal }),
    meta: { sessionVersion },
    // After a failure, check again soon so the card recovers by itself when Coder does.
    refetchInterval: query =>
      query.state.status === 'error'
        ? CODER_ACTIVE_POLL_MS
        : workspacesPollInterval(query.state.data),
    refetchIntervalInBackground: false,
  });
}
