import { CoderOAuthError } from './CoderOAuthError';

/** Where each OAuth step goes: the popup to Coder, the rest through the OAuth proxy. */
export interface CoderOAuthEndpoints {
  /** Absolute URL of Coder's consent page, opened in the popup. */
  authorizationUrl: string;
  /** Path of the token endpoint below the OAuth proxy endpoint, e.g. `/tokens`. */
  tokenPath: string;
  /** Path of the revocation endpoint below the OAuth proxy endpoint, e.g. `/revoke`. */
  revocationPath: string;
}

/** Coder's documented paths (CONTRACT §7), used when discovery is unavailable. */
export function documentedEndpoints(accessUrl: string): CoderOAuthEndpoints {
  return {
    authorizationUrl: `${accessUrl.replace(/\/+$/, '')}/oauth2/authorize`,
    tokenPath: '/tokens',
    revocationPath: '/revoke',
  };
}

/** The part of an endpoint below `/oauth2`, which is where the OAuth proxy points. */
function belowOAuth2(endpoint: unknown, fallback: string): string {
  if (typeof endpoint !== 'string') return fallback;
  try {
    const match = /\/oauth2(\/[^?#]*)$/.exec(new URL(endpoint).pathname);
    return match ? match[1] : fallback;
  } catch {
    return fallback;
  }
}

function httpUrl(value: unknown): string | undefined {
  if (typeof value !== 'string') return undefined;
  try {
    const url = new URL(value);
    return url.protocol === 'https:' || url.protocol === 'http:'
      ? url.href
      : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Reads Coder's RFC 8414 metadata (through the Coder proxy, since Coder sends no CORS
 * headers) and falls back to the documented paths if it cannot be read. A 403 means
 * the deployment has not enabled the `oauth2` experiment: that is worth saying, since
 * the documented paths would fail the same way.
 */
export async function discoverEndpoints(
  fetchMetadata: () => Promise<Response>,
  accessUrl: string,
): Promise<CoderOAuthEndpoints> {
  const fallback = documentedEndpoints(accessUrl);
  let response: Response;
  try {
    response = await fetchMetadata();
  } catch {
    return fallback;
  }
  if (response.status === 403) {
    throw new CoderOAuthError(
      'provider-off',
      "Coder's OAuth2 provider is turned off on this deployment. An administrator must enable the oauth2 experiment (CODER_EXPERIMENTS=oauth2).",
    );
  }
  if (!response.ok) return fallback;
  const metadata = (await response.json().catch(() => undefined)) as
    Record<string, unknown> | undefined;
  if (!metadata || typeof metadata !== 'object') return fallback;
  const methods = metadata.code_challenge_methods_supported;
  if (Array.isArray(methods) && !methods.includes('S256')) {
    throw new CoderOAuthError(
      'misconfigured',
      'This Coder deployment does not offer PKCE with S256, which sign-in requires.',
    );
  }
  return {
    authorizationUrl:
      httpUrl(metadata.authorization_endpoint) ?? fallback.authorizationUrl,
    tokenPath: belowOAuth2(metadata.token_endpoint, fallback.tokenPath),
    revocationPath: belowOAuth2(
      metadata.revocation_endpoint,
      fallback.revocationPath,
    ),
  };
}
