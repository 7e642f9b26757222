import { useCallback, useRef } from 'react';
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
 * TanStack `useMutation` on the plugin's QueryClient. Mutations fire once: never retried,
 * and a call while one is in flight (a double click) is dropped; `mutateAsync` then
 * returns the running call's promise. A repeated start, stop or delete is not harmless.
 *
 * @public
 */
export function useCoderMutation<TData, TVariables = void>(
  options: UseCoderMutationOptions<TData, TVariables>,
): UseMutationResult<TData, Error, TVariables> {
  const api = useCoderApi();
  const { snapshot, queryClient } = useCoderSession();
  const { mutationFn, ...rest } = options;
  const mutation = useMutation(
    {
      ...rest,
      mutationFn: variables => mutationFn(variables, api),
      retry: 0,
      meta: { ...rest.meta, sessionVersion: snapshot.version },
    },
    queryClient,
  );
  // A ref, not state: the second click of a double click arrives before a re-render.
  const inFlight = useRef<Promise<TData>>();
  const { mutateAsync: send } = mutation;
  const mutateAsync = useCallback<typeof send>(
    (...args) => {
      if (!inFlight.current) {
        inFlight.current = send(...args).finally(() => {
          inFlight.current = undefined;
        });
      }
      return inFlight.current;
    },
    [send],
  );
  const mutate = useCallback<typeof mutation.mutate>(
    (...args) => {
      // Failures reach onError and `error`; the promise itself is not needed here.
      mutateAsync(...args).catch(() => undefined);
    },
    [mutateAsync],
  );
  return { ...mutation, mutate, mutateAsync };
}
