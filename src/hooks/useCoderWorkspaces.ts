import { keepPreviousData, useQueries } from '@tanstack/react-query';
import type { CoderWorkspace } from '../api/types';
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
}

/** The merged result of a workspace list. @public */
export interface CoderWorkspacesResult {
  workspaces?: CoderWorkspace[];
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
        ...workspacesQueryOptions(api, snapshot.version, q, searches.length),
        enabled,
        placeholderData: keepPreviousData,
      })),
      combine: results => {
        const error = results.find(result => result.error)?.error ?? undefined;
        const complete = results.every(result => result.data);
        return {
          workspaces: complete
            ? mergeWorkspaceLists(
                results.map(result => result.data!.workspaces),
              )
            : undefined,
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
