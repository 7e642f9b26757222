import { createHmac } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { SESSION_TOKEN_COOKIE } from '../auth';
import type { Deployment } from '../deployment';
import { writeRaw } from '../wire';
import { cookie } from './http';

/**
 * coderd/httpmw/csrf.go (nosurf), as far as a client can tell: unsafe
 * requests to `/api*` and `/oauth2/authorize` that carry the session cookie
 * need a CSRF token, unless they also authenticate in a way a cross-site form
 * cannot (the same token in the `Coder-Session-Token` header or the query, or
 * any `Authorization: Bearer`). A setup CLI posting the consent form with only
 * the header therefore passes, as with real Coder.
 *
 * nosurf keeps its token in a cookie of its own; the fake derives it from the
 * session cookie instead, which binds it to the session without a second
 * cookie.
 */

/** nosurf's form field and header names. */
export const CSRF_FORM_FIELD = 'csrf_token';
const CSRF_HEADER = 'x-csrf-token';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS', 'TRACE']);
const EXEMPT_PATHS = new Set(['/api/v2/csp/reports', '/api/v2/users/first']);

/** nosurf's failure text (csrf.go SetFailureHandler). */
export const CSRF_GENERIC_FAILURE =
  'Something is wrong with your CSRF token. Please refresh the page. If this error persists, try clearing your cookies.';
/** csrf.go's text when the cookie and the Coder-Session-Token header differ. */
export const CSRF_MISMATCH_FAILURE =
  'CSRF error encountered. Authentication via "coder_session_token" cookie and "Coder-Session-Token" header detected, but the values do not match. To resolve this issue ensure the values used in both match, or only use one of the authentication methods. You can also try clearing your cookies if this error persists.';

/** The token a page served to this session must send back. */
export function csrfTokenFor(deployment: Deployment, session: string): string {
  return createHmac('sha256', deployment.oauth2.csrfKey)
    .update(session)
    .digest('base64url');
}

function header(request: IncomingMessage, name: string): string {
  const value = request.headers[name];
  return (Array.isArray(value) ? value[0] : value) ?? '';
}

/**
 * The session cookie of a request that must carry a CSRF token (nosurf's
 * ExemptFunc said no), or undefined when it is exempt.
 */
function sessionNeedingToken(
  request: IncomingMessage,
  url: URL,
): string | undefined {
  if (SAFE_METHODS.has(request.method ?? 'GET')) return undefined;
  const path = url.pathname;
  if (!path.startsWith('/api') && !path.startsWith('/oauth2/authorize'))
    return undefined;
  if (EXEMPT_PATHS.has(path)) return undefined;
  const session = cookie(request, SESSION_TOKEN_COOKIE);
  if (session === undefined) return undefined;
  if (header(request, 'coder-session-token') === session) return undefined;
  if ((url.searchParams.get(SESSION_TOKEN_COOKIE) ?? '') === session)
    return undefined;
  if (header(request, 'authorization').toLowerCase().startsWith('bearer '))
    return undefined;
  return session;
}

/**
 * The text/plain body of nosurf's 400, or undefined when the request passes.
 * `formToken` is the `csrf_token` field of a urlencoded body, if any.
 */
export function csrfFailure(
  deployment: Deployment,
  request: IncomingMessage,
  url: URL,
  formToken?: string,
): string | undefined {
  const session = sessionNeedingToken(request, url);
  if (session === undefined) return undefined;
  const expected = csrfTokenFor(deployment, session);
  if (header(request, CSRF_HEADER) === expected || formToken === expected)
    return undefined;
  const sessionHeader = header(request, 'coder-session-token');
  return sessionHeader !== '' && sessionHeader !== session
    ? CSRF_MISMATCH_FAILURE
    : CSRF_GENERIC_FAILURE;
}

/** Go's http.Error. */
export function writeCsrfFailure(response: ServerResponse, text: string): void {
  writeRaw(response, 400, `${text}\n`, {
    'Content-Type': 'text/plain; charset=utf-8',
    'X-Content-Type-Options': 'nosniff',
  });
}
