import { MutationCache, QueryCache, QueryClient } from '@tanstack/react-query';
import { isCoderResponseError } from '../api/errors';
import type { CoderTokenStore } from '../auth/CoderTokenStore';
import { queryRetryDelay, shouldRetryQuery } from './retryPolicy';

/*
 * One QueryClient per token store, i.e. per Backstage app: several CoderProviders on a
 * page share it (one request per query, one auth state), and it is never put into React
 * context, so the host app's own TanStack Query setup is untouched.
 */
const clients = new WeakMap<CoderTokenStore, QueryClient>();

/** The plugin's QueryClient for this app's token store. */
export function getCoderQueryClient(tokenStore: CoderTokenStore): QueryClient {
  let client = clients.get(tokenStore);
  if (!client) {
    client = createCoderQueryClient(tokenStore);
    // No QueryClientProvider mounts it, so do it here: refetch on focus and reconnect.
    client.mount();
    clients.set(tokenStore, client);
  }
  return client;
}

function createCoderQueryClient(tokenStore: CoderTokenStore): QueryClient {
  // A 401 from Coder itself (not from the proxy) means the token was revoked or expired,
  // wherever it happened: drop it so every component returns to the link form.
  const onError = (
    error: unknown,
    meta: Record<string, unknown> | undefined,
  ) => {
    const version = meta?.sessionVersion;
    if (
      isCoderResponseError(error) &&
      error.coder.status === 401 &&
      error.coder.fromCoder &&
      typeof version === 'number'
    ) {
      tokenStore.rejectVersion(version);
    }
  };
  return new QueryClient({
    queryCache: new QueryCache({
      onError: (error, query) => onError(error, query.meta),
    }),
    mutationCache: new MutationCache({
      onError: (error, _variables, _context, mutation) =>
        onError(error, mutation.meta),
    }),
    defaultOptions: {
      queries: {
        retry: shouldRetryQuery,
        retryDelay: queryRetryDelay,
        staleTime: 5_000,
        refetchOnWindowFocus: true,
        // Offline, fail and say so rather than pause silently; reconnecting refetches.
        networkMode: 'always',
      },
      // Mutations change workspaces; a retry could start or delete twice. A paused
      // mutation would fire whenever the network returns, long after the click.
      mutations: { retry: 0, networkMode: 'always' },
    },
  });
}
