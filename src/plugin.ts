import {
  createComponentExtension,
  createPlugin,
  createRoutableExtension,
} from '@backstage/core-plugin-api';
import {
  coderAuthApiFactory,
  coderClientApiFactory,
  coderTokenStoreApiFactory,
} from './apiFactories';
import { rootRouteRef } from './routes';

/**
 * The Coder plugin: registers the Coder API client, the token store and the Coder auth
 * API (pasted tokens, and OAuth2 sign-in when `coder.oauth` is configured).
 *
 * @public
 */
export const coderPlugin = createPlugin({
  id: 'coder',
  apis: [coderTokenStoreApiFactory, coderAuthApiFactory, coderClientApiFactory],
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
    component: () => import('./lazyParts').then(m => m.CoderPage),
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
