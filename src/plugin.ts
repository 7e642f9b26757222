import {
  configApiRef,
  createApiFactory,
  createPlugin,
  createComponentExtension,
  createRoutableExtension,
  discoveryApiRef,
  fetchApiRef,
  oauthRequestApiRef,
} from '@backstage/core-plugin-api';
import { coderApiRef } from './api/CoderApi';
import { CoderClient } from './api/CoderClient';
import { CoderTokenStore } from './auth/CoderTokenStore';
import { coderTokenStoreApiRef } from './auth/coderTokenStoreApiRef';
import { coderAuthApiRef } from './auth/oauth/coderAuthApiRef';
import { CoderAuthClient } from './auth/oauth/CoderAuthClient';
import { readCoderOAuthSettings } from './auth/oauth/oauthSettings';
import { rootRouteRef } from './routes';

/**
 * The Coder plugin: registers the Coder API client, the token store and the Coder auth
 * API (pasted tokens, and OAuth2 sign-in when `coder.oauth` is configured).
 *
 * @public
 */
export const coderPlugin = createPlugin({
  id: 'coder',
  apis: [
    createApiFactory({
      api: coderTokenStoreApiRef,
      deps: { configApi: configApiRef },
      factory: ({ configApi }) =>
        new CoderTokenStore({
          storage:
            configApi.getOptionalString('coder.tokenStorage') === 'session'
              ? 'session'
              : 'local',
        }),
    }),
    createApiFactory({
      api: coderAuthApiRef,
      deps: {
        configApi: configApiRef,
        discoveryApi: discoveryApiRef,
        fetchApi: fetchApiRef,
        oauthRequestApi: oauthRequestApiRef,
        tokenStore: coderTokenStoreApiRef,
        coderApi: coderApiRef,
      },
      factory: ({ configApi, tokenStore, ...apis }) =>
        new CoderAuthClient({
          ...apis,
          tokenStore,
          oauth: readCoderOAuthSettings(configApi),
          coderProxyPath: configApi.getOptionalString('coder.proxyPath'),
          accessUrl: configApi.getOptionalString('coder.deployment.accessUrl'),
          storage: tokenStore.getStorage(),
        }),
    }),
    createApiFactory({
      api: coderApiRef,
      deps: {
        discoveryApi: discoveryApiRef,
        fetchApi: fetchApiRef,
        configApi: configApiRef,
        tokenStore: coderTokenStoreApiRef,
      },
      factory: ({ discoveryApi, fetchApi, configApi, tokenStore }) =>
        new CoderClient({
          discoveryApi,
          fetchApi,
          getSessionToken: () => tokenStore.getToken(),
          proxyPath: configApi.getOptionalString('coder.proxyPath'),
        }),
    }),
  ],
  routes: { root: rootRouteRef },
});

/**
 * The Coder page, loaded on demand. Route it in App.tsx (`<Route path="/coder"
 * element={<CoderPage />} />`) and add a sidebar item.
 *
 * @public
 */
export const CoderPage = coderPlugin.provide(
  createRoutableExtension({
    name: 'CoderPage',
    component: () => import('./components/CoderPage').then(m => m.CoderPage),
    mountPoint: rootRouteRef,
  }),
);

/**
 * The OAuth2 callback page, loaded on demand. The Coder page already serves it at
 * `<its route>/oauth/callback`; route this only if you do not use the Coder page, and
 * set `coder.oauth.redirectUri` to its URL.
 *
 * @public
 */
export const CoderOAuthCallbackPage = coderPlugin.provide(
  createComponentExtension({
    name: 'CoderOAuthCallbackPage',
    component: {
      lazy: () =>
        import('./components/CoderOAuthCallback/CoderOAuthCallbackPage').then(
          m => m.CoderOAuthCallbackPage,
        ),
    },
  }),
);
