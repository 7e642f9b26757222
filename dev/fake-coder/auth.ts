import type { IncomingMessage } from 'node:http';
import { formatGoTimeString, Micros, MICROS_PER_SECOND } from './clock';
import { ApiError, coderResponse } from './errors';
import { goQuote } from './goText';
import type { TokenRecord, UserRecord } from './records';
import type { Store } from './store';

/** coderd/httpmw/apikey.go SignedOutErrorMessage. */
export const SIGNED_OUT_MESSAGE =
  'You are signed out or your session has expired. Please sign in again to continue.';

export const SESSION_TOKEN_COOKIE = 'coder_session_token';

function cookieValue(
  header: string | undefined,
  name: string,
): string | undefined {
  if (!header) return undefined;
  for (const part of header.split(';')) {
    const separator = part.indexOf('=');
    if (separator < 0) continue;
    if (part.slice(0, separator).trim() === name)
      return part.slice(separator + 1).trim();
  }
  return undefined;
}

/**
 * APITokenFromRequest (CONTRACT §2): cookie, `coder_session_token` query,
 * `Coder-Session-Token` header, `Authorization: Bearer`, `access_token` query;
 * the first non-empty one wins.
 */
export function tokenFromRequest(request: IncomingMessage, url: URL): string {
  const candidates: Array<string | undefined> = [
    cookieValue(request.headers.cookie, SESSION_TOKEN_COOKIE),
    url.searchParams.get(SESSION_TOKEN_COOKIE) ?? undefined,
    headerValue(request, 'coder-session-token'),
  ];
  const authorization = headerValue(request, 'authorization');
  if (authorization && authorization.slice(0, 7).toLowerCase() === 'bearer ') {
    candidates.push(authorization.slice(7).trim());
  }
  candidates.push(url.searchParams.get('access_token') ?? undefined);
  return (
    candidates.find(candidate => candidate !== undefined && candidate !== '') ??
    ''
  );
}

function headerValue(
  request: IncomingMessage,
  name: string,
): string | undefined {
  const value = request.headers[name];
  return Array.isArray(value) ? value[0] : value;
}

/** apikey.go SplitAPIToken. */
export function splitToken(
  token: string,
): { id: string; secret: string } | { error: string } {
  const parts = token.split('-');
  if (parts.length !== 2) {
    return {
      error: `incorrect amount of API key parts, expected 2 got ${parts.length}`,
    };
  }
  const [id, secret] = parts;
  if (id.length !== 10)
    return { error: `invalid API key ID length, expected 10 got ${id.length}` };
  if (secret.length !== 22) {
    return {
      error: `invalid API key secret length, expected 22 got ${secret.length}`,
    };
  }
  return { id, secret };
}

function wwwAuthenticate(
  accessUrl: string,
  description: string,
): Record<string, string> {
  return {
    'WWW-Authenticate': `Bearer realm="coder", error="invalid_token", error_description="${description}", resource_metadata="${accessUrl}/.well-known/oauth-protected-resource"`,
  };
}

function unauthorized(
  accessUrl: string,
  detail: string,
  description = 'The access token is invalid',
): ApiError {
  return new ApiError(
    401,
    coderResponse(SIGNED_OUT_MESSAGE, detail),
    wwwAuthenticate(accessUrl, description),
  );
}

const HOUR_MICROS = 3600 * MICROS_PER_SECOND;

export interface Authenticated {
  user: UserRecord;
  token: TokenRecord;
}

/** ExtractAPIKey: the user behind the request, or the 401 Coder would send. */
export function authenticate(
  store: Store,
  request: IncomingMessage,
  url: URL,
  accessUrl: string,
  now: Micros,
): Authenticated {
  const token = tokenFromRequest(request, url);
  if (token === '') {
    throw unauthorized(
      accessUrl,
      `Cookie ${goQuote(SESSION_TOKEN_COOKIE)} or query parameter must be provided.`,
    );
  }
  const split = splitToken(token);
  if ('error' in split)
    throw unauthorized(accessUrl, `Invalid API key format: ${split.error}`);
  const record = store.tokens.get(split.id);
  if (!record) throw unauthorized(accessUrl, 'API key is invalid.');
  if (record.secret !== split.secret)
    throw unauthorized(accessUrl, 'API key secret is invalid.');
  if (record.expiresAt < now) {
    throw unauthorized(
      accessUrl,
      `API key expired at ${goQuote(formatGoTimeString(record.expiresAt))}.`,
      'The access token has expired',
    );
  }
  const user = store.users.get(record.userId);
  if (!user) throw unauthorized(accessUrl, 'API key is invalid.');
  // Coder wakes dormant users on their next authenticated request.
  if (user.status === 'dormant') user.status = 'active';
  if (user.status !== 'active') {
    throw new ApiError(
      401,
      coderResponse(
        `User is not active (status = ${goQuote(user.status)}). Contact an admin to reactivate your account.`,
      ),
      wwwAuthenticate(accessUrl, 'The access token is invalid'),
    );
  }
  // ExtractAPIKey moves LastUsed when it is more than an hour old.
  if (record.named && now - record.named.lastUsed > HOUR_MICROS)
    record.named.lastUsed = now;
  return { user, token: record };
}

/** Best-effort user for rate-limit keys; never throws. */
export function tryAuthenticate(
  store: Store,
  request: IncomingMessage,
  url: URL,
): UserRecord | undefined {
  const split = splitToken(tokenFromRequest(request, url));
  if ('error' in split) return undefined;
  const record = store.tokens.get(split.id);
  if (!record || record.secret !== split.secret) return undefined;
  return store.users.get(record.userId);
}
