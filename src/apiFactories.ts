import {
  configApiRef,
  createApiFactory,
  discoveryApiRef,
  fetchApiRef,
  identityApiRef,
  oauthRequestApiRef,
} from '@backstage/core-plugin-api';
import { coderApiRef } from './api/CoderApi';
import { CoderClient } from './api/CoderClient';
import { revokeWorkspaceKeys } from './workspaces/workspaceKeys';
import { CoderTokenStore } from './auth/CoderTokenStore';
import { coderTokenStoreApiRef } from './auth/coderTokenStoreApiRef';
import { coderAuthApiRef } from './auth/oauth/coderAuthApiRef';
import { CoderAuthClient } from './auth/oauth/CoderAuthClient';
import { readCoderOAuthSettings } from './auth/oauth/oauthSettings';
import { readCoderTokenStorage } from './config/readCoderTokenStorage';

/*
 * The plugin's utility APIs, shared by both frontend systems: the classic plugin lists
 * them in createPlugin, the new one makes an ApiBlueprint extension of each.
 */

/**
 * Token store: the linked session token, its storage and its rejection. The link belongs
 * to the signed-in Backstage user, so another user on the same browser starts unlinked.
 */
export const coderTokenStoreApiFactory = createApiFactory({
  api: coderTokenStoreApiRef,
  deps: { configApi: configApiRef, identityApi: identityApiRef },
  factory: ({ configApi, identityApi }) =>
    new CoderTokenStore({
      storage: readCoderTokenStorage(configApi),
      identityApi,
    }),
});

/** Coder auth: pasted tokens, and OAuth2 sign-in when `coder.oauth` is set. */
export const coderAuthApiFactory = createApiFactory({
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
});

/** The Coder API client, authenticated as the linked user. */
export const coderClientApiFactory = createApiFactory({
  api: coderApiRef,
  deps: {
    discoveryApi: discoveryApiRef,
    fetchApi: fetchApiRef,
    configApi: configApiRef,
    tokenStore: coderTokenStoreApiRef,
  },
  factory: ({ discoveryApi, fetchApi, configApi, tokenStore }) => {
    const client = new CoderClient({
      discoveryApi,
      fetchApi,
      getSessionToken: () => tokenStore.getToken(),
      proxyPath: configApi.getOptionalString('coder.proxyPath'),
    });
    // However the link ends (unlink, sign-out, a refused token, another tab), the
    // VS Code tokens minted for it are revoked; a refresh (a new token) keeps them.
    tokenStore.subscribe(() => {
      if (!tokenStore.getToken()) void revokeWorkspaceKeys(client);
    });
    return client;
  },
});
