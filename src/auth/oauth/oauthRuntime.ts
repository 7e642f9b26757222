import type { DiscoveryApi, FetchApi } from '@backstage/core-plugin-api';
import type { CoderTokenStore } from '../CoderTokenStore';
import { CoderOAuthSession } from './CoderOAuthSession';
import { discoverEndpoints, type CoderOAuthEndpoints } from './oauthEndpoints';
import type { CoderOAuthSettings } from './oauthSettings';
import { CoderOAuthTokenClient } from './oauthTokenClient';
import { runPopupSignIn } from './popupSignIn';

/** What the runtime needs from the app. */
export interface OAuthRuntimeDeps {
  settings: CoderOAuthSettings;
  tokenStore: CoderTokenStore;
  discoveryApi: DiscoveryApi;
  fetchApi: FetchApi;
  /** Path of the plain Coder proxy endpoint (for discovery). */
  coderProxyPath: string;
  accessUrl: string | undefined;
  storage: Storage | undefined;
}

/** The OAuth machinery, loaded on demand so apps that paste tokens never pay for it. */
export interface OAuthRuntime {
  session: CoderOAuthSession;
  /** Completes a sign-in in `popup`, already opened inside the user's click. */
  signIn(popup: Window | null): Promise<void>;
  /** Revokes the pair at Coder, then forgets it and unlinks. */
  signOut(): Promise<void>;
}

/** Builds the runtime: discovery (once), token client, session. */
export function createOAuthRuntime(deps: OAuthRuntimeDeps): OAuthRuntime {
  const { settings, fetchApi, discoveryApi } = deps;
  const proxyBase = () => discoveryApi.getBaseUrl('proxy');

  let discovered: Promise<CoderOAuthEndpoints> | undefined;
  const endpoints = () => {
    discovered ??= discoverEndpoints(
      async () =>
        fetchApi.fetch(
          `${await proxyBase()}${deps.coderProxyPath}/.well-known/oauth-authorization-server`,
        ),
      deps.accessUrl ?? '',
    ).catch(error => {
      discovered = undefined; // a later attempt may find the experiment enabled
      throw error;
    });
    return discovered;
  };

  const tokenClient = new CoderOAuthTokenClient(
    async (path, fields) =>
      fetchApi.fetch(`${await proxyBase()}${settings.proxyPath}${path}`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
        body: new URLSearchParams(fields).toString(),
      }),
    {
      clientId: settings.clientId,
      proxyPath: settings.proxyPath,
      tokenPath: async () => (await endpoints()).tokenPath,
      revocationPath: async () => (await endpoints()).revocationPath,
    },
  );

  const session = new CoderOAuthSession({
    tokenStore: deps.tokenStore,
    tokenClient,
    clientId: settings.clientId,
    storage: deps.storage,
  });

  return {
    session,
    async signIn(popup) {
      const { code, verifier } = await runPopupSignIn({
        clientId: settings.clientId,
        redirectUri: settings.redirectUri,
        openWindow: () => popup,
        endpoints,
      });
      session.start(
        await tokenClient.exchangeCode(code, verifier, settings.redirectUri),
      );
    },
    async signOut() {
      await session.signOut();
    },
  };
}
