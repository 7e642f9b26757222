import { authenticate } from '../auth';
import { ApiError } from '../errors';
import type { UserRecord } from '../records';
import { Exchange, goEncodeQuery, redirect, sendJson } from './http';

/**
 * Session checks for root-level routes, using the same ExtractAPIKey rules as
 * `/api/v2` (cookie, header, Bearer, query tokens; the same 401s).
 */

/** apiKeyMiddleware: the user, or false after writing Coder's 401. */
export function requireSession(exchange: Exchange): UserRecord | false {
  try {
    return authenticateExchange(exchange);
  } catch (error) {
    if (!(error instanceof ApiError)) throw error;
    sendJson(exchange, error.status, error.body, error.headers);
    return false;
  }
}

/**
 * apiKeyMiddlewareRedirect (httpmw.RedirectToLogin): instead of a 401, a 303
 * to `/login?message=…&redirect=<path and query>`, which the login page
 * follows back after signing in.
 */
export function requireSessionOrLogin(exchange: Exchange): UserRecord | false {
  try {
    return authenticateExchange(exchange);
  } catch (error) {
    if (!(error instanceof ApiError)) throw error;
    const back = `${exchange.url.pathname}${exchange.url.search}`;
    const query = goEncodeQuery([
      ['message', error.body.message],
      ['redirect', back],
    ]);
    redirect(exchange, 303, `/login?${query}`);
    return false;
  }
}

function authenticateExchange(exchange: Exchange): UserRecord {
  const { deployment } = exchange;
  return authenticate(
    deployment.store,
    exchange.request,
    exchange.url,
    deployment.accessUrl,
    exchange.now,
  ).user;
}
