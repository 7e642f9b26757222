import { validResource } from './authorizeParams';
import { oauth2Error, OAuth2Error } from './errors';
import { basicAuth, Exchange } from './http';
import type { OAuth2AppRecord } from './records';
import { validPkceFormat } from './secrets';

/**
 * extractTokenRequest (coderd/oauth2provider/tokens.go): the form of
 * POST /oauth2/tokens, client credentials merged from HTTP Basic, and the
 * order in which its problems become OAuth2 errors.
 */

export interface TokenRequest {
  grantType: string;
  clientId: string;
  clientSecret: string;
  code: string;
  redirectUri: string;
  refreshToken: string;
  codeVerifier: string;
  resource: string;
}

/** codersdk.OAuth2ProviderGrantType: what parses; only two are implemented. */
const GRANT_TYPES = [
  'authorization_code',
  'refresh_token',
  'password',
  'client_credentials',
  'implicit',
];

const KNOWN_FIELDS = [
  'grant_type',
  'client_id',
  'client_secret',
  'code',
  'redirect_uri',
  'refresh_token',
  'code_verifier',
  'resource',
  'scope',
];

/** Fields whose absence gets its own "Missing required parameter" message. */
const NAMED_WHEN_MISSING = [
  'code',
  'client_id',
  'client_secret',
  'code_verifier',
  'refresh_token',
];

const MALFORMED =
  'The request is missing required parameters or is otherwise malformed';

/** Parses and validates; throws the OAuth2 error Coder would answer. */
export function extractTokenRequest(
  exchange: Exchange,
  form: URLSearchParams,
  app: OAuth2AppRecord,
): TokenRequest {
  const value = (name: string) => form.get(name) ?? '';
  const request: TokenRequest = {
    grantType: value('grant_type'),
    clientId: value('client_id'),
    clientSecret: value('client_secret'),
    code: value('code'),
    redirectUri: value('redirect_uri'),
    refreshToken: value('refresh_token'),
    codeVerifier: value('code_verifier'),
    resource: value('resource'),
  };
  // RFC 6749 §2.3.1: Basic may carry the credentials; the body must agree.
  const basic = basicAuth(exchange.request);
  if (basic && basic.user !== '') {
    if (
      (request.clientId !== '' && request.clientId !== basic.user) ||
      (request.clientSecret !== '' && request.clientSecret !== basic.password)
    ) {
      throw oauth2Error(
        400,
        'invalid_request',
        'Conflicting client credentials between Authorization header and request body',
      );
    }
    request.clientId = basic.user;
    request.clientSecret = basic.password;
  }

  const missing: string[] = [];
  let malformed = false;
  if (!GRANT_TYPES.includes(request.grantType)) {
    throw oauth2Error(
      400,
      'unsupported_grant_type',
      'The grant type is missing or unsupported',
    );
  }
  if (request.grantType === 'refresh_token' && request.refreshToken === '')
    missing.push('refresh_token');
  if (request.grantType === 'authorization_code') {
    for (const [name, given] of [
      ['code', request.code],
      ['client_id', request.clientId],
      ['client_secret', request.clientSecret],
      ['code_verifier', request.codeVerifier],
    ] as const)
      if (given === '') missing.push(name);
    if (request.codeVerifier !== '' && !validPkceFormat(request.codeVerifier))
      malformed = true;
  }
  if (request.redirectUri !== '' && request.redirectUri !== app.callbackUrl)
    malformed = true;
  if (!validResource(request.resource)) malformed = true;
  if ([...form.keys()].some(name => !KNOWN_FIELDS.includes(name)))
    malformed = true;

  const named = NAMED_WHEN_MISSING.find(name => missing.includes(name));
  if (named) {
    throw oauth2Error(
      400,
      'invalid_request',
      `Missing required parameter: ${named}`,
    );
  }
  if (malformed) throw oauth2Error(400, 'invalid_request', MALFORMED);
  return request;
}

/** Grant types that parse but have no implementation. */
export function unsupportedGrant(grantType: string): OAuth2Error {
  return oauth2Error(
    400,
    'unsupported_grant_type',
    `The grant type "${grantType}" is not supported`,
  );
}
