import { useSyncExternalStore } from 'react';
import { useApi } from '@backstage/core-plugin-api';
import type { QueryClient } from '@tanstack/react-query';
import { coderTokenStoreApiRef } from '../auth/coderTokenStoreApiRef';
import type {
  CoderTokenSnapshot,
  CoderTokenStore,
} from '../auth/CoderTokenStore';
import { getCoderQueryClient } from '../queries/coderQueryClient';

/** The token store, its current snapshot and the plugin's QueryClient. */
export function useCoderSession(): {
  tokenStore: CoderTokenStore;
  snapshot: CoderTokenSnapshot;
  queryClient: QueryClient;
} {
  const tokenStore = useApi(coderTokenStoreApiRef);
  const snapshot = useSyncExternalStore(
    listener => tokenStore.subscribe(listener),
    () => tokenStore.getSnapshot(),
  );
  return { tokenStore, snapshot, queryClient: getCoderQueryClient(tokenStore) };
}
