import { formatTimestamp, MICROS_PER_SECOND, nowMicros } from '../clock';
import { extractClientApp } from './clientApp';
import { invalidClient, oauth2Error } from './errors';
import { Exchange, parseForm, sendEmpty, sendJson } from './http';
import type {
  OAuth2AppRecord,
  OAuth2SecretRecord,
  OAuth2TokenPair,
} from './records';
import { parseFormattedSecret, verifyPkce } from './secrets';
import { requireSession } from './session';
import {
  extractTokenRequest,
  TokenRequest,
  unsupportedGrant,
} from './tokenRequest';

/**
 * POST /oauth2/tokens (authorization_code and refresh_token grants) and
 * DELETE /oauth2/tokens (a user revoking an app), after
 * coderd/oauth2provider/tokens.go and revoke.go.
 */

const badCode = () =>
  oauth2Error(
    400,
    'invalid_grant',
    'The authorization code is invalid or expired',
  );
const badRefreshToken = () =>
  oauth2Error(400, 'invalid_grant', 'The refresh token is invalid or expired');
const badVerifier = () =>
  oauth2Error(400, 'invalid_grant', 'The PKCE code verifier is invalid');
const badResource = () =>
  oauth2Error(400, 'invalid_target', 'The resource parameter is invalid');

/** The client secret must be one of this app's secrets. */
function authenticateClient(
  exchange: Exchange,
  app: OAuth2AppRecord,
  clientSecret: string,
): OAuth2SecretRecord {
  const parsed = parseFormattedSecret(clientSecret);
  if (!parsed) throw invalidClient();
  const secret = exchange.deployment.oauth2.findSecretByPrefix(parsed.prefix);
  if (!secret || secret.secret !== parsed.secret || secret.appId !== app.id)
    throw invalidClient();
  return secret;
}

function authorizationCodeGrant(
  exchange: Exchange,
  app: OAuth2AppRecord,
  request: TokenRequest,
): OAuth2TokenPair {
  const { oauth2 } = exchange.deployment;
  const secret = authenticateClient(exchange, app, request.clientSecret);
  const parsed = parseFormattedSecret(request.code);
  if (!parsed) throw badCode();
  // ConsumeOAuth2ProviderAppCodeByPrefix deletes an unexpired code before
  // anything else is checked, so every later failure burns it too.
  const code = oauth2.codes.get(parsed.prefix);
  if (!code || code.expiresAt <= exchange.now) throw badCode();
  oauth2.codes.delete(parsed.prefix);
  if (code.secret !== parsed.secret || code.appId !== app.id) throw badCode();
  if (!verifyPkce(code.codeChallenge, request.codeVerifier))
    throw badVerifier();
  if (
    code.redirectUri !== undefined &&
    request.redirectUri !== code.redirectUri
  )
    throw badCode();
  if ((code.resource ?? '') !== request.resource) throw badResource();
  return oauth2.issuePair({
    app,
    userId: code.userId,
    secretId: secret.id,
    audience: code.resource,
    now: exchange.now,
  });
}

function refreshTokenGrant(
  exchange: Exchange,
  app: OAuth2AppRecord,
  request: TokenRequest,
): OAuth2TokenPair {
  const { oauth2 } = exchange.deployment;
  const parsed = parseFormattedSecret(request.refreshToken);
  if (!parsed) throw badRefreshToken();
  const pair = oauth2
    .livePairs()
    .find(candidate => candidate.refreshPrefix === parsed.prefix);
  if (
    !pair ||
    pair.refreshSecret !== parsed.secret ||
    pair.refreshExpiresAt <= exchange.now ||
    pair.appId !== app.id
  )
    throw badRefreshToken();
  if (request.resource !== '' && request.resource !== pair.audience)
    throw badResource();
  // Rotation: the old API key goes, and its refresh token with it.
  oauth2.revokePair(pair, 'rotation');
  return oauth2.issuePair({
    app,
    userId: pair.userId,
    secretId: pair.secretId,
    audience: pair.audience,
    now: exchange.now,
  });
}

/** codersdk.OAuth2TokenResponse; `scope` is empty and so omitted. */
function tokenResponse(pair: OAuth2TokenPair) {
  return {
    access_token: pair.accessToken,
    token_type: 'Bearer',
    // time.Until(...).Seconds(), truncated: a moment has passed since minting.
    expires_in: Math.floor(
      (pair.accessExpiresAt - nowMicros()) / MICROS_PER_SECOND,
    ),
    refresh_token: pair.refreshToken,
    expiry: formatTimestamp(pair.accessExpiresAt),
  };
}

/** POST /oauth2/tokens: 200 with a token pair, or an OAuth2 error. */
export async function postTokens(exchange: Exchange): Promise<void> {
  const form = await parseForm(exchange);
  const app = extractClientApp(exchange, form);
  const request = extractTokenRequest(exchange, form, app);
  let pair: OAuth2TokenPair;
  if (request.grantType === 'authorization_code')
    pair = authorizationCodeGrant(exchange, app, request);
  else if (request.grantType === 'refresh_token')
    pair = refreshTokenGrant(exchange, app, request);
  else throw unsupportedGrant(request.grantType);
  sendJson(exchange, 200, tokenResponse(pair));
}

/** DELETE /oauth2/tokens?client_id=: the signed-in user's codes and tokens for the app go. */
export async function deleteTokens(exchange: Exchange): Promise<void> {
  const app = extractClientApp(exchange, await parseForm(exchange));
  const user = requireSession(exchange);
  if (!user) return;
  const { oauth2 } = exchange.deployment;
  for (const [prefix, code] of oauth2.codes)
    if (code.appId === app.id && code.userId === user.id)
      oauth2.codes.delete(prefix);
  oauth2.revokeWhere(
    pair => pair.appId === app.id && pair.userId === user.id,
    'revoke',
  );
  sendEmpty(exchange, 204);
}
