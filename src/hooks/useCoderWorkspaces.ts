import { keepPreviousData, useQueries } from '@tanstack/react-query';
import type { CoderWorkspace, CoderWorkspacesResponse } from '../api/types';
import { mergeWorkspaceLists } from '../queries/mergeWorkspaceLists';
import { workspaceSearchQueries } from '../queries/workspaceSearchQueries';
import { workspacesQueryOptions } from '../queries/workspacesQueries';
import { useCoderApi } from './useCoderApi';
import { useCoderSession } from './useCoderSession';

/** Options of {@link useCoderWorkspaces}. @public */
export interface UseCoderWorkspacesOptions {
  /** Coder search text typed by the user, e.g. `owner:me`. */
  filter: string;
  /** Limit the list to one repository, searched once per repository parameter. */
  repository?: { repoUrl: string; repoUrlParamKeys: readonly string[] };
  /** Default true; false pauses all requests. */
  enabled?: boolean;
  /**
   * Ask Coder for at most this many workspaces per search (the first ones in Coder's
   * order); `totalCount` then says how many match. Omit to fetch every match.
   */
  limit?: number;
}

/** The merged result of a workspace list. @public */
export interface CoderWorkspacesResult {
  workspaces?: CoderWorkspace[];
  /** How many workspaces match in all, including those beyond `limit`. */
  totalCount?: number;
  /** The first failure among the searches; a partial list is never shown as whole. */
  error?: Error;
  isPending: boolean;
  /** True while the shown list belongs to an earlier filter. */
  isPlaceholderData: boolean;
  isFetching: boolean;
  refetch: () => Promise<void>;
}

/**
 * The linked user's workspaces matching `filter` (and the repository, if given). The K
 * searches run in parallel without waiting for the token check, and cards asking the
 * same question share one request per search.
 *
 * @public
 */
export function useCoderWorkspaces(
  options: UseCoderWorkspacesOptions,
): CoderWorkspacesResult {
  const api = useCoderApi();
  const { snapshot, queryClient } = useCoderSession();
  const enabled = (options.enabled ?? true) && Boolean(snapshot.token);
  const searches = workspaceSearchQueries(options.filter, options.repository);
  return useQueries(
    {
      queries: searches.map(q => ({
        ...workspacesQueryOptions(
          api,
          snapshot.version,
          q,
          searches.length,
          options.limit,
        ),
        enabled,
        placeholderData: keepPreviousData,
      })),
      combine: results => {
        const error = results.find(result => result.error)?.error ?? undefined;
        const complete = results.every(result => result.data);
        const page = complete
          ? mergeResults(
              results.map(result => result.data!),
              options.limit,
            )
          : undefined;
        return {
          workspaces: page?.workspaces,
          totalCount: page?.totalCount,
          error,
          isPending: results.some(result => result.isPending),
          isPlaceholderData: results.some(result => result.isPlaceholderData),
          isFetching: results.some(result => result.isFetching),
          refetch: async () => {
            await Promise.all(results.map(result => result.refetch()));
          },
        };
      },
    },
    queryClient,
  );
}

/**
 * Each search returned its first `limit` workspaces, so only the first `limit` of the
 * merged list are certainly in Coder's order; the rest wait for "show more". Matches
 * found by two searches are counted once.
 */
function mergeResults(
  responses: CoderWorkspacesResponse[],
  limit: number | undefined,
): { workspaces: CoderWorkspace[]; totalCount: number } {
  const merged = mergeWorkspaceLists(responses.map(r => r.workspaces));
  const fetched = responses.reduce((sum, r) => sum + r.workspaces.length, 0);
  const counted = responses.reduce((sum, r) => sum + r.count, 0);
  const totalCount = Math.max(
    merged.length,
    counted - (fetched - merged.length),
  );
  return {
    workspaces: limit === undefined ? merged : merged.slice(0, limit),
    totalCount,
  };
}
