import { queryOptions } from '@tanstack/react-query';
import type { CoderApi } from '../api/CoderApi';
import type { CoderWorkspace } from '../api/types';
import { isCoderResponseError } from '../api/errors';
import { coderQueryKeys } from './coderQueryKeys';

/**
 * Workspaces a card asks for at first and per "Show more": enough for a repository,
 * small enough that a deployment with thousands never blocks typing.
 */
export const CODER_WORKSPACES_PAGE_SIZE = 25;

/** After a failure that can heal by itself, look again this soon (within the budget). */
export const CODER_ACTIVE_POLL_MS = 5_000;
/**
 * The list's own cadence, only often enough to notice changes made elsewhere. A
 * workspace that transitions is followed on its own (followWorkspaceQuery), so the
 * list need not poll faster meanwhile.
 */
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

/** True for failures that can heal by themselves: network, 5xx, 429, bad bodies. */
function isTransient(error: unknown): boolean {
  return (
    !isCoderResponseError(error) ||
    error.coder.status >= 500 ||
    error.coder.status === 429
  );
}

function retryAfterMs(error: unknown): number | undefined {
  if (!isCoderResponseError(error)) return undefined;
  const seconds = error.coder.retryAfterSeconds;
  return seconds === undefined ? undefined : seconds * 1000;
}

/** Which part of a search one request asks for, and its share of the card's budget. */
export interface WorkspacesRequestOptions {
  /** Skip this many matches (Coder's `offset`): later pages of one search. */
  offset?: number;
  /** At most this many workspaces; omitted: every match. */
  limit?: number;
  /** How many requests make up the list (pages, or searches to intersect). */
  shareOfBudget?: number;
}

/**
 * One `GET /api/v2/workspaces?q=&offset=&limit=` request, part of a list made of
 * `shareOfBudget` requests. The list's polling budget is shared among them, so a list
 * costs Coder one request a minute however many pages it shows (transitioning
 * workspaces are followed one by one, see followWorkspaceQuery). Polling stops while the tab is hidden
 * (TanStack's default `refetchIntervalInBackground: false`) and resumes on return.
 */
export function workspacesQueryOptions(
  api: CoderApi,
  sessionVersion: number,
  q: string,
  request: WorkspacesRequestOptions = {},
) {
  const { offset, limit } = request;
  const share = Math.max(1, request.shareOfBudget ?? 1);
  return queryOptions({
    queryKey: coderQueryKeys.workspaceSearch(sessionVersion, q, limit, offset),
    queryFn: ({ signal }) =>
      api.getWorkspaces({ q, limit, offset }, { signal }),
    meta: { sessionVersion },
    refetchInterval: query => {
      const { error, status } = query.state;
      if (status === 'error') {
        // Outages heal by themselves, so look again soon (within the card's shared
        // budget, and never sooner than Coder's Retry-After); a 4xx (a bad search, a
        // revoked token) does not, so wait for the user instead.
        if (!isTransient(error)) return false;
        return Math.max(CODER_ACTIVE_POLL_MS * share, retryAfterMs(error) ?? 0);
      }
      return CODER_IDLE_POLL_MS * share;
    },
    refetchIntervalInBackground: false,
    // Big lists are large; don't keep old searches around for long.
    gcTime: 60_000,
  });
}
