import {
  useMutation,
  type UseMutationOptions,
  type UseMutationResult,
} from '@tanstack/react-query';
import type { CoderApi } from '../api/CoderApi';
import { useCoderApi } from './useCoderApi';
import { useCoderSession } from './useCoderSession';

/** Options of {@link useCoderMutation}; `retry` is not offered. @public */
export type UseCoderMutationOptions<TData, TVariables> = Omit<
  UseMutationOptions<TData, Error, TVariables>,
  'mutationFn' | 'retry'
> & {
  mutationFn: (variables: TVariables, api: CoderApi) => Promise<TData>;
};

/**
 * TanStack `useMutation` on the plugin's QueryClient. Mutations are never retried: a
 * repeated start, stop or delete is not harmless.
 *
 * @public
 */
export function useCoderMutation<TData, TVariables = void>(
  options: UseCoderMutationOptions<TData, TVariables>,
): UseMutationResult<TData, Error, TVariables> {
  const api = useCoderApi();
  const { snapshot, queryClient } = useCoderSession();
  const { mutationFn, ...rest } = options;
  return useMutation(
    {
      ...rest,
      mutationFn: variables => mutationFn(variables, api),
      retry: 0,
      meta: { ...rest.meta, sessionVersion: snapshot.version },
    },
    queryClient,
  );
}
