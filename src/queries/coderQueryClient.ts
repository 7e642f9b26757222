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
  // Only Coder's own 401 (errors.ts recognises it) speaks about the token: "signed out"
  // lets an OAuth session refresh (within its limits) or else unlinks; "user is not
  // active" unlinks at once with Coder's reason, since no new token can fix it. A 401
  // from anything between Backstage and Coder leaves the link alone: it is shown as that.
  const onError = (
    error: unknown,
    meta: Record<string, unknown> | undefined,
  ) => {
    const version = meta?.sessionVersion;
    if (
      !isCoderResponseError(error) ||
      error.coder.status !== 401 ||
      typeof version !== 'number'
    ) {
      return;
    }
    if (error.coder.authFailure === 'user-inactive') {
      tokenStore.rejectVersion(version, 'inactive', error.coder.message);
    } else if (error.coder.authFailure === 'signed-out') {
      tokenStore.rejectVersion(version, 'rejected');
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
