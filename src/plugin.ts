import {
  attachComponentData,
  createComponentExtension,
  createPlugin,
  createRoutableExtension,
} from '@backstage/core-plugin-api';
import { createScaffolderFieldExtension } from '@backstage/plugin-scaffolder-react';
import {
  coderAuthApiFactory,
  coderClientApiFactory,
  coderTokenStoreApiFactory,
} from './apiFactories';
import { rootRouteRef } from './routes';
import {
  CODER_WORKSPACE_TEMPLATE_FIELD,
  type CoderWorkspaceTemplateUiOptions,
  type CoderWorkspaceTemplateValue,
} from './scaffolder/CoderWorkspaceTemplateValue';
import {
  LazyCoderWorkspaceTemplateField,
  lazyValidateCoderWorkspaceTemplate,
} from './scaffolder/LazyCoderWorkspaceTemplateField';

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

/**
 * The scaffolder field `CoderWorkspaceTemplate` for classic apps: put it inside
 * `<ScaffolderFieldExtensions>` under the scaffolder's route, then use
 * `ui:field: CoderWorkspaceTemplate` on an object property of a template. It links the
 * Coder account in place when needed, lets the user pick a template and fill in its
 * parameters (value: {@link CoderWorkspaceTemplateValue}; options:
 * {@link CoderWorkspaceTemplateUiOptions}), and puts the session token into the
 * task's secrets as `CODER_SESSION_TOKEN`. Loaded when a form first shows it.
 *
 * @public
 */
export const CoderWorkspaceTemplateFieldExtension = coderPlugin.provide(
  createScaffolderFieldExtension<
    CoderWorkspaceTemplateValue,
    CoderWorkspaceTemplateUiOptions
  >({
    name: CODER_WORKSPACE_TEMPLATE_FIELD,
    component: LazyCoderWorkspaceTemplateField,
    validation: lazyValidateCoderWorkspaceTemplate,
  }),
);

// The scaffolder's field extensions do not name their plugin, and a classic app
// registers APIs only for plugins it finds in its element tree: marked, the field
// brings the Coder APIs along even in an app without CoderProvider (as the provider is
// marked, see CoderProvider.tsx).
attachComponentData(
  CoderWorkspaceTemplateFieldExtension,
  'core.plugin',
  coderPlugin,
);
