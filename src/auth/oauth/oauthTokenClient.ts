import { CoderOAuthError } from './CoderOAuthError';
import { clampExpiresIn } from './refreshLimits';

/** A token pair from Coder's token endpoint. @public */
export interface CoderOAuthTokens {
  /** A Coder API key; sent as `Coder-Session-Token` like a pasted token. */
  accessToken: string;
  /** Trades for a new pair; Coder rotates it on every use. */
  refreshToken: string;
  /** When the access token stops working, in ms since the epoch, by this browser's clock. */
  expiresAt: number;
}

/** Posts a form to the OAuth proxy endpoint (which adds the client credentials). */
export type OAuthFormPoster = (
  path: string,
  fields: Record<string, string>,
) => Promise<Response>;

async function oauthFailure(
  response: Response,
  proxyPath: string,
): Promise<CoderOAuthError> {
  const body = (await response.json().catch(() => ({}))) as {
    error?: unknown;
    error_description?: unknown;
  };
  const code = typeof body.error === 'string' ? body.error : undefined;
  const description =
    typeof body.error_description === 'string' ? body.error_description : '';
  if (code === 'invalid_client') {
    return new CoderOAuthError(
      'client-rejected',
      `Coder did not accept Backstage's OAuth client credentials. An administrator should check the Authorization header of the ${proxyPath} proxy endpoint (CODER_OAUTH_CLIENT_CREDENTIALS).`,
    );
  }
  if (code === 'invalid_grant') {
    return new CoderOAuthError(
      'grant-rejected',
      'Coder no longer accepts this sign-in. Sign in again.',
    );
  }
  if (code) {
    const conflict = /conflicting client credentials/i.test(description);
    return new CoderOAuthError(
      'misconfigured',
      conflict
        ? `coder.oauth.clientId is not the client in the ${proxyPath} proxy credentials.`
        : `Coder refused the request (${code}${description ? `: ${description}` : ''}).`,
    );
  }
  if (response.status === 403) {
    return new CoderOAuthError(
      'provider-off',
      "Coder's OAuth2 provider is turned off on this deployment (the oauth2 experiment).",
    );
  }
  if (response.status === 404) {
    return new CoderOAuthError(
      'misconfigured',
      `The Backstage proxy has no ${proxyPath} endpoint, or it does not point at Coder's /oauth2.`,
    );
  }
  return new CoderOAuthError(
    'unreachable',
    `Could not reach Coder's OAuth endpoint through the Backstage proxy (HTTP ${response.status}).`,
  );
}

/**
 * The pair from Coder's token response. Expiry comes from `expires_in` (clamped to a
 * minute … a day) against this browser's clock at the moment the answer arrived, never
 * from Coder's absolute `expiry`: that is on Coder's clock, and a browser clock 15
 * minutes ahead would see every 10-minute token as long expired and refresh in a loop.
 */
function parseTokens(
  body: Record<string, unknown>,
  receivedAt: number,
): CoderOAuthTokens {
  const { access_token, refresh_token, expires_in } = body;
  if (typeof access_token !== 'string' || typeof refresh_token !== 'string') {
    throw new CoderOAuthError(
      'misconfigured',
      'Unexpected response from Coder: no token pair.',
    );
  }
  return {
    accessToken: access_token,
    refreshToken: refresh_token,
    expiresAt: receivedAt + clampExpiresIn(expires_in) * 1000,
  };
}

/** Code exchange, refresh and revoke against Coder's OAuth2 provider, via the proxy. */
export class CoderOAuthTokenClient {
  constructor(
    private readonly post: OAuthFormPoster,
    private readonly options: {
      clientId: string;
      proxyPath: string;
      tokenPath: () => Promise<string>;
      revocationPath: () => Promise<string>;
      now?: () => number;
    },
  ) {}

  /** Trades an authorization code (and its PKCE verifier) for a token pair. */
  exchangeCode(code: string, verifier: string, redirectUri: string) {
    return this.tokens({
      grant_type: 'authorization_code',
      code,
      code_verifier: verifier,
      redirect_uri: redirectUri,
    });
  }

  /** A new pair for a refresh token; Coder rotates, so the old one dies. */
  refresh(refreshToken: string) {
    return this.tokens({
      grant_type: 'refresh_token',
      refresh_token: refreshToken,
    });
  }

  /** RFC 7009 revoke; Coder answers 200 even for tokens it does not know. */
  async revoke(token: string): Promise<void> {
    const response = await this.send(await this.options.revocationPath(), {
      token,
      client_id: this.options.clientId,
    });
    if (!response.ok) {
      throw await oauthFailure(response, this.options.proxyPath);
    }
  }

  private async tokens(
    fields: Record<string, string>,
  ): Promise<CoderOAuthTokens> {
    const response = await this.send(await this.options.tokenPath(), {
      ...fields,
      client_id: this.options.clientId,
    });
    if (!response.ok) {
      throw await oauthFailure(response, this.options.proxyPath);
    }
    const body = await response.json().catch(() => undefined);
    return parseTokens(body ?? {}, (this.options.now ?? Date.now)());
  }

  private async send(path: string, fields: Record<string, string>) {
    try {
      return await this.post(path, fields);
    } catch {
      throw new CoderOAuthError(
        'unreachable',
        'Could not reach the Backstage proxy to talk to Coder.',
      );
    }
  }
}
