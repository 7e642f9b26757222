import {
  useQuery,
  type QueryKey,
  type UseQueryOptions,
  type UseQueryResult,
} from '@tanstack/react-query';
import type { CoderApi } from '../api/CoderApi';
import { coderQueryKeys } from '../queries/coderQueryKeys';
import { useCoderApi } from './useCoderApi';
import { useCoderSession } from './useCoderSession';

/** Options of {@link useCoderQuery}: TanStack's, with a queryFn that gets the API. @public */
export type UseCoderQueryOptions<TData, TKey extends QueryKey> = Omit<
  UseQueryOptions<TData, Error, TData, readonly unknown[]>,
  'queryKey' | 'queryFn'
> & {
  /** Your key; it is namespaced under the plugin's and the linked session's keys. */
  queryKey: TKey;
  queryFn: (context: { api: CoderApi; signal: AbortSignal }) => Promise<TData>;
};

/**
 * TanStack `useQuery` on the plugin's QueryClient, as the linked Coder user. It runs only
 * while a token is stored, and a 401 from Coder unlinks the token like any other call.
 *
 * @public
 */
export function useCoderQuery<TData, TKey extends QueryKey = QueryKey>(
  options: UseCoderQueryOptions<TData, TKey>,
): UseQueryResult<TData, Error> {
  const api = useCoderApi();
  const { snapshot, queryClient } = useCoderSession();
  const { queryKey, queryFn, enabled, ...rest } = options;
  return useQuery(
    {
      ...rest,
      queryKey: [
        ...coderQueryKeys.session(snapshot.version),
        'custom',
        ...queryKey,
      ],
      queryFn: ({ signal }) => queryFn({ api, signal }),
      enabled: Boolean(snapshot.token) && (enabled ?? true),
      meta: { ...rest.meta, sessionVersion: snapshot.version },
    },
    queryClient,
  );
}
