import { SESSION_TOKEN_COOKIE } from '../auth';
import { MICROS_PER_SECOND } from '../clock';
import type { UserRecord } from '../records';
import {
  AuthorizeParams,
  describeParamErrors,
  extractAuthorizeParams,
  pkceMethodProblem,
} from './authorizeParams';
import { callbackError, callbackWith } from './callbackUrl';
import { extractClientApp } from './clientApp';
import { csrfTokenFor } from './csrf';
import { oauth2Error } from './errors';
import { cookie, Exchange, parseForm, redirect, sendHtml } from './http';
import { consentPage, errorPage } from './pages';
import type { OAuth2AppRecord } from './records';
import { generateSecret } from './secrets';
import { requireSessionOrLogin } from './session';

/**
 * GET and POST /oauth2/authorize (coderd/oauth2provider/authorize.go): the
 * consent page, and the decision that mints a single-use authorization code.
 * The client is checked first, then the session (a browser without one is
 * sent to /login and back), then the query.
 */

/** Ten minutes, "matches GitHub" says authorize.go. */
const CODE_LIFETIME = 10 * 60 * MICROS_PER_SECOND;

const ACCESS_DENIED_DESCRIPTION =
  'The resource owner or authorization server denied the request';

const UNSUPPORTED_RESPONSE_TYPE = 'Only response_type=code is supported';

/** GET (consent page) and POST (decision) /oauth2/authorize. */
export async function handleAuthorize(exchange: Exchange): Promise<void> {
  const form = await parseForm(exchange);
  const app = extractClientApp(exchange, form);
  const user = requireSessionOrLogin(exchange);
  if (!user) return;
  if (exchange.request.method === 'POST') processAuthorize(exchange, app, user);
  else showAuthorizePage(exchange, app, user);
}

function invalidQueryPage(exchange: Exchange, warnings: string[]): void {
  sendHtml(
    exchange,
    400,
    errorPage({
      title: 'Invalid Query Parameters',
      description: 'One or more query parameters are missing or invalid.',
      warnings,
      dashboardUrl: exchange.deployment.accessUrl,
    }),
  );
}

/** Redirects an error to the client's callback; only for a validated callback. */
function redirectError(
  exchange: Exchange,
  params: AuthorizeParams,
  error: string,
  description: string,
): void {
  redirect(
    exchange,
    302,
    callbackError(params.callbackUrl, params.state, error, description),
  );
}

function showAuthorizePage(
  exchange: Exchange,
  app: OAuth2AppRecord,
  user: UserRecord,
): void {
  const extracted = extractAuthorizeParams(
    exchange.url.searchParams,
    app.callbackUrl,
  );
  if ('errors' in extracted) {
    invalidQueryPage(
      exchange,
      extracted.errors.map(error => error.detail),
    );
    return;
  }
  const { params } = extracted;
  if (params.responseType !== 'code') {
    invalidQueryPage(exchange, [UNSUPPORTED_RESPONSE_TYPE]);
    return;
  }
  const methodProblem = pkceMethodProblem(params.codeChallengeMethod);
  if (methodProblem) {
    redirectError(exchange, params, 'invalid_request', methodProblem);
    return;
  }
  const session = cookie(exchange.request, SESSION_TOKEN_COOKIE);
  sendHtml(
    exchange,
    200,
    consentPage({
      appName: app.name,
      appIcon: app.icon,
      username: user.name ? `${user.name} (${user.username})` : user.username,
      actionUrl: `${exchange.url.pathname}${exchange.url.search}`,
      cancelUrl: callbackError(
        params.callbackUrl,
        params.state,
        'access_denied',
        ACCESS_DENIED_DESCRIPTION,
      ),
      csrfToken:
        session === undefined ? '' : csrfTokenFor(exchange.deployment, session),
    }),
  );
}

function processAuthorize(
  exchange: Exchange,
  app: OAuth2AppRecord,
  user: UserRecord,
): void {
  const extracted = extractAuthorizeParams(
    exchange.url.searchParams,
    app.callbackUrl,
  );
  if ('errors' in extracted)
    throw oauth2Error(
      400,
      'invalid_request',
      describeParamErrors(extracted.errors),
    );
  const { params } = extracted;
  if (params.responseType !== 'code') {
    redirectError(
      exchange,
      params,
      'unsupported_response_type',
      UNSUPPORTED_RESPONSE_TYPE,
    );
    return;
  }
  const methodProblem = pkceMethodProblem(params.codeChallengeMethod);
  if (methodProblem) {
    redirectError(exchange, params, 'invalid_request', methodProblem);
    return;
  }
  const { oauth2 } = exchange.deployment;
  // One outstanding code per user and app: a new one replaces the old.
  for (const [prefix, code] of oauth2.codes)
    if (code.appId === app.id && code.userId === user.id)
      oauth2.codes.delete(prefix);
  const code = generateSecret();
  oauth2.codes.set(code.prefix, {
    appId: app.id,
    userId: user.id,
    prefix: code.prefix,
    secret: code.secret,
    expiresAt: exchange.now + CODE_LIFETIME,
    codeChallenge: params.codeChallenge,
    redirectUri: params.redirectUriProvided ? params.callbackUrl : undefined,
    resource: params.resource || undefined,
  });
  redirect(
    exchange,
    302,
    callbackWith(params.callbackUrl, [['code', code.formatted]], params.state),
  );
}
