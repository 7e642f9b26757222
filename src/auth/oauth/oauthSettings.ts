import type { ConfigApi } from '@backstage/core-plugin-api';

/** The proxy endpoint that adds the client credentials; the README's default. */
export const CODER_OAUTH_DEFAULT_PROXY_PATH = '/coder-oauth';
/** Where the callback page lives when the Coder page is routed at `/coder`. */
export const CODER_OAUTH_CALLBACK_PATH = '/coder/oauth/callback';

/** "Sign in with Coder" settings from `coder.oauth` in app-config. @public */
export interface CoderOAuthSettings {
  /** The OAuth2 app's client id in Coder. */
  clientId: string;
  /** Exactly the callback URL registered in Coder. */
  redirectUri: string;
  /** Backstage proxy endpoint forwarding to `${accessUrl}/oauth2` with the client credentials. */
  proxyPath: string;
  /** Whether pasting a session token is still offered beside OAuth. */
  tokenLinking: boolean;
}

/** The OAuth settings, or undefined when `coder.oauth.clientId` is not set. */
export function readCoderOAuthSettings(
  configApi: ConfigApi,
): CoderOAuthSettings | undefined {
  try {
    const clientId = configApi
      .getOptionalString('coder.oauth.clientId')
      ?.trim();
    if (!clientId) return undefined;
    const baseUrl = (
      configApi.getOptionalString('app.baseUrl') ?? window.location.origin
    ).replace(/\/+$/, '');
    return {
      clientId,
      redirectUri:
        configApi.getOptionalString('coder.oauth.redirectUri') ??
        `${baseUrl}${CODER_OAUTH_CALLBACK_PATH}`,
      proxyPath:
        configApi.getOptionalString('coder.oauth.proxyPath') ??
        CODER_OAUTH_DEFAULT_PROXY_PATH,
      tokenLinking:
        configApi.getOptionalBoolean('coder.oauth.tokenLinking') ?? true,
    };
  } catch {
    // A malformed `coder` block is reported by the provider with the key it names;
    // here it only means no OAuth.
    return undefined;
  }
}
