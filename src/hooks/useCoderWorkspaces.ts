import { useEffect } from 'react';
import {
  keepPreviousData,
  useQueries,
  type QueryClient,
  type UseQueryResult,
} from '@tanstack/react-query';
import { isCoderResponseError } from '../api/errors';
import { coderQueryKeys } from '../queries/coderQueryKeys';
import { followWorkspaceQueryOptions } from '../queries/followWorkspaceQuery';
import type { CoderWorkspace, CoderWorkspacesResponse } from '../api/types';
import {
  planWorkspaceSearch,
  type WorkspaceSearchPlan,
} from '../queries/workspaceSearchQueries';
import {
  isWorkspaceTransitioning,
  workspacesQueryOptions,
} from '../queries/workspacesQueries';
import { useCoderApi } from './useCoderApi';
import { useCoderSession } from './useCoderSession';

/** Options of {@link useCoderWorkspaces}. @public */
export interface UseCoderWorkspacesOptions {
  /** Coder search text typed by the user, e.g. `owner:me`. */
  filter: string;
  /** Limit the list to one repository's workspaces (any of its parameters, any URL form). */
  repository?: { repoUrl: string; repoUrlParamKeys: readonly string[] };
  /** Default true; false pauses all requests. */
  enabled?: boolean;
  /**
   * Show at most this many workspaces (the first ones in Coder's order); `totalCount`
   * then says how many match. Omit to fetch every match.
   */
  limit?: number;
  /**
   * Fetch the first `limit` workspaces in pages of this size (Coder's `offset` and
   * `limit`), so raising `limit` by a page asks Coder for that page alone. Default:
   * `limit`, one request.
   */
  pageSize?: number;
}

/** The result of a workspace list. @public */
export interface CoderWorkspacesResult {
  workspaces?: CoderWorkspace[];
  /** How many workspaces match in all, including those beyond `limit`. */
  totalCount?: number;
  /** The first failure among the requests; a partial list is never shown as whole. */
  error?: Error;
  /** True until the first page has arrived. */
  isPending: boolean;
  /** True while the shown list belongs to an earlier filter. */
  isPlaceholderData: boolean;
  isFetching: boolean;
  refetch: () => Promise<void>;
}

type Request = { q: string; offset?: number; limit?: number };

/**
 * The requests for one list: the plan's single search paged with `offset`/`limit`, or,
 * when its searches must be intersected, each search in full (a page of an
 * intersection cannot be asked of Coder).
 */
function listRequests(
  plan: WorkspaceSearchPlan,
  limit: number | undefined,
  pageSize: number | undefined,
): Request[] {
  if (plan.intersect || limit === undefined) {
    return plan.searches.map(q => ({ q }));
  }
  const size = Math.max(1, pageSize ?? limit);
  const pageCount = Math.max(1, Math.ceil(limit / size));
  return Array.from({ length: pageCount }, (_, page) => ({
    q: plan.searches[0],
    offset: page === 0 ? undefined : page * size,
    limit: size,
  }));
}

/**
 * The linked user's workspaces matching `filter` (and the repository, if given): one
 * Coder search whatever the number of repository parameters, sent without waiting for
 * the token check. Cards asking the same question share one request per page. While a
 * listed workspace transitions it is followed on its own (about every 2 s), so its
 * row shows each state as Coder reaches it; once it settles the list is asked again.
 *
 * @public
 */
export function useCoderWorkspaces(
  options: UseCoderWorkspacesOptions,
): CoderWorkspacesResult {
  const api = useCoderApi();
  const { snapshot, queryClient } = useCoderSession();
  const enabled = (options.enabled ?? true) && Boolean(snapshot.token);
  const plan = planWorkspaceSearch(options.filter, options.repository);
  const requests = listRequests(plan, options.limit, options.pageSize);
  const list = useQueries(
    {
      queries: requests.map(request => ({
        ...workspacesQueryOptions(api, snapshot.version, request.q, {
          offset: request.offset,
          limit: request.limit,
          shareOfBudget: requests.length,
        }),
        enabled,
        placeholderData: keepPreviousData,
      })),
      combine: results => {
        const error = results.find(result => result.error)?.error ?? undefined;
        const page = plan.intersect
          ? intersection(results.map(result => result.data))
          : concatenatePages(results.map(result => result.data));
        const shown =
          page && options.limit !== undefined
            ? page.workspaces.slice(0, options.limit)
            : page?.workspaces;
        return {
          workspaces: shown,
          totalCount: page?.totalCount,
          error,
          isPending: !page && results.some(result => result.isPending),
          isPlaceholderData: results.some(result => result.isPlaceholderData),
          isFetching: results.some(result => result.isFetching),
          updatedAt: Math.max(
            0,
            ...results.map(result => result.dataUpdatedAt),
          ),
          refetch: async () => {
            await Promise.all(results.map(result => result.refetch()));
          },
        };
      },
    },
    queryClient,
  );

  const following = (list.workspaces ?? [])
    .filter(isWorkspaceTransitioning)
    .map(workspace => workspace.id);
  const followed = useQueries(
    {
      queries: following.map(id => ({
        ...followWorkspaceQueryOptions(api, snapshot.version, id),
        enabled,
      })),
    },
    queryClient,
  );
  const live = newerThanList(following, followed, list.updatedAt);
  useListCatchesUp(live, queryClient, snapshot.version);

  const { updatedAt: _updatedAt, ...result } = list;
  return {
    ...result,
    workspaces: list.workspaces
      ?.filter(workspace => !live.gone.has(workspace.id))
      .map(workspace => live.workspaces.get(workspace.id) ?? workspace),
  };
}

type FollowedWorkspaces = {
  /** Answers newer than the list's copy, by workspace id. */
  workspaces: Map<string, CoderWorkspace>;
  /** Workspaces Coder says were deleted (410) since the list was read. */
  gone: Set<string>;
  /** Ids that settled (or went) since the list was read: the list is out of date. */
  settled: string[];
};

function newerThanList(
  ids: string[],
  results: Array<UseQueryResult<CoderWorkspace>>,
  listUpdatedAt: number,
): FollowedWorkspaces {
  const live: FollowedWorkspaces = {
    workspaces: new Map(),
    gone: new Set(),
    settled: [],
  };
  ids.forEach((id, index) => {
    const result = results[index];
    if (!result) return;
    if (
      isCoderResponseError(result.error) &&
      result.error.coder.status === 410 &&
      result.errorUpdatedAt > listUpdatedAt
    ) {
      live.gone.add(id);
      live.settled.push(id);
    } else if (result.data && result.dataUpdatedAt > listUpdatedAt) {
      live.workspaces.set(id, result.data);
      if (!isWorkspaceTransitioning(result.data)) live.settled.push(id);
    }
  });
  return live;
}

/**
 * A followed workspace settled: ask for the list again (its order, count and the
 * workspace's row), once. Several cards may notice the same settle; an in-flight
 * refetch is shared, not restarted.
 */
function useListCatchesUp(
  live: FollowedWorkspaces,
  queryClient: QueryClient,
  sessionVersion: number,
) {
  const settledKey = live.settled.join(',');
  useEffect(() => {
    if (!settledKey) return;
    queryClient.invalidateQueries(
      {
        queryKey: coderQueryKeys.workspaces(sessionVersion),
        // A search Coder refused (4xx) waits for the user to change it: re-sending it
        // because some workspace settled would only be refused again.
        predicate: query =>
          !(
            query.state.status === 'error' &&
            isCoderResponseError(query.state.error) &&
            query.state.error.coder.status < 500
          ),
      },
      { cancelRefetch: false },
    );
  }, [settledKey, queryClient, sessionVersion]);
}

type Page = { workspaces: CoderWorkspace[]; totalCount: number };

/**
 * The pages that have arrived, in order, up to the first one still loading (so "Show
 * more" keeps the rows it has). A workspace that moved to the next page between two
 * polls is listed once; Coder's count is the same on every page.
 */
function concatenatePages(
  responses: Array<CoderWorkspacesResponse | undefined>,
): Page | undefined {
  const first = responses[0];
  if (!first) return undefined;
  const seen = new Set<string>();
  const workspaces: CoderWorkspace[] = [];
  // Each page's count already leaves out its own unreadable workspaces; later pages'
  // must come off the first page's count too, or "Show more" would never run out.
  let skippedLater = 0;
  for (const [index, response] of responses.entries()) {
    if (!response) break;
    if (index > 0) skippedLater += response.skipped ?? 0;
    for (const workspace of response.workspaces) {
      if (seen.has(workspace.id)) continue;
      seen.add(workspace.id);
      workspaces.push(workspace);
    }
  }
  return {
    workspaces,
    totalCount: Math.max(workspaces.length, first.count - skippedLater),
  };
}

/** Workspaces every search returned, in the first search's (Coder's) order. */
function intersection(
  responses: Array<CoderWorkspacesResponse | undefined>,
): Page | undefined {
  if (responses.some(response => !response)) return undefined;
  const [first, ...others] = responses as CoderWorkspacesResponse[];
  const inOthers = others.map(
    response => new Set(response.workspaces.map(workspace => workspace.id)),
  );
  const workspaces = first.workspaces.filter(workspace =>
    inOthers.every(ids => ids.has(workspace.id)),
  );
  return { workspaces, totalCount: workspaces.length };
}
