import {
  configApiRef,
  discoveryApiRef,
  fetchApiRef,
} from '@backstage/core-plugin-api';
import { MockFetchApi, mockApis } from '@backstage/test-utils';
import { coderApiRef } from '../api/CoderApi';
import { CoderClient } from '../api/CoderClient';
import {
  CoderTokenStore,
  type CoderTokenStorage,
} from '../auth/CoderTokenStore';
import { coderTokenStoreApiRef } from '../auth/coderTokenStoreApiRef';
import { coderAuthApiRef } from '../auth/oauth/coderAuthApiRef';
import { CoderAuthClient } from '../auth/oauth/CoderAuthClient';
import { readCoderOAuthSettings } from '../auth/oauth/oauthSettings';
import { getCoderQueryClient } from '../queries/coderQueryClient';

/** Where msw handlers must listen: the Backstage proxy's Coder endpoint. */
export const TEST_PROXY_URL = 'http://backstage.test/api/proxy/coder';
export const TEST_ACCESS_URL = 'https://coder.example.com';
export const TEST_TOKEN = 'abcdefghij-0123456789abcdefghijkl';

/**
 * The real client and token store wired to msw-interceptable URLs, as `TestApiProvider`
 * entries. Retries are off so failure tests don't wait through backoff.
 */
export function coderTestApis(
  options: {
    token?: string;
    config?: object;
    storage?: CoderTokenStorage;
  } = {},
) {
  // In memory unless a test is about the browser's storage.
  const tokenStore = new CoderTokenStore({
    storage: options.storage ?? 'memory',
  });
  if (options.token) tokenStore.setToken(options.token);
  // Only retries differ from the app: setDefaultOptions replaces, so keep the rest
  // (network mode, staleness, focus refetch) as production has them.
  const queryClient = getCoderQueryClient(tokenStore);
  const defaults = queryClient.getDefaultOptions();
  queryClient.setDefaultOptions({
    ...defaults,
    queries: { ...defaults.queries, retry: false },
  });
  const discoveryApi = mockApis.discovery({ baseUrl: 'http://backstage.test' });
  const fetchApi = new MockFetchApi();
  const configApi = mockApis.config({
    data: options.config ?? {
      coder: { deployment: { accessUrl: TEST_ACCESS_URL } },
    },
  });
  const coderApi = new CoderClient({
    discoveryApi,
    fetchApi,
    getSessionToken: () => tokenStore.getToken(),
  });
  const apis = [
    [configApiRef, configApi],
    [discoveryApiRef, discoveryApi],
    [fetchApiRef, fetchApi],
    [coderTokenStoreApiRef, tokenStore],
    [coderApiRef, coderApi],
    [
      coderAuthApiRef,
      new CoderAuthClient({
        tokenStore,
        coderApi,
        discoveryApi,
        fetchApi,
        oauth: readCoderOAuthSettings(configApi),
      }),
    ],
  ] as const;
  return { apis, tokenStore };
}
