import type { IncomingMessage, ServerResponse } from 'node:http';
import { nowMicros } from '../clock';
import type { Deployment } from '../deployment';
import { ApiError, coderResponse } from '../errors';
import { writeRaw } from '../wire';
import { handleAuthorize } from './authorize';
import { applyPermissiveCors } from './cors';
import { CSRF_FORM_FIELD, csrfFailure, writeCsrfFailure } from './csrf';
import {
  NO_STORE_HEADERS,
  OAuth2Error,
  writeExperimentDisabled,
  writeOAuth2Error,
} from './errors';
import { createExchange, Exchange, parseBodyForm, sendJson } from './http';
import { getLoginPage } from './login';
import {
  getAuthorizationServerMetadata,
  getProtectedResourceMetadata,
} from './metadata';
import {
  deleteClient,
  getClient,
  postRegister,
  putClient,
} from './registration';
import { postRevoke } from './revoke';
import { deleteTokens, postTokens } from './tokens';

/**
 * Dispatch for what Coder serves outside `/api/v2` for OAuth2: `/oauth2/*`,
 * `/.well-known/oauth-*` and the `/login` page. Middleware runs in Coder's
 * order: CORS, CSRF, then (except `/login`) the `oauth2` experiment gate,
 * then the handler.
 */

type Handler = (exchange: Exchange) => void | Promise<void>;

interface RootRoute {
  /** A literal path, or a prefix ending in `/` for a trailing parameter. */
  path: string;
  param?: string;
  methods: Record<string, Handler>;
}

const AUTHORIZATION_SERVER = '/.well-known/oauth-authorization-server';
const PROTECTED_RESOURCE = '/.well-known/oauth-protected-resource';

const ROUTES: RootRoute[] = [
  { path: '/login', methods: { GET: getLoginPage } },
  {
    path: '/oauth2/authorize',
    methods: { GET: handleAuthorize, POST: handleAuthorize },
  },
  {
    path: '/oauth2/tokens',
    methods: { POST: postTokens, DELETE: deleteTokens },
  },
  { path: '/oauth2/revoke', methods: { POST: postRevoke } },
  { path: '/oauth2/register', methods: { POST: postRegister } },
  {
    path: '/oauth2/clients/',
    param: 'client_id',
    methods: { GET: getClient, PUT: putClient, DELETE: deleteClient },
  },
  {
    path: AUTHORIZATION_SERVER,
    methods: { GET: getAuthorizationServerMetadata },
  },
  { path: PROTECTED_RESOURCE, methods: { GET: getProtectedResourceMetadata } },
];

/** True for the paths this router owns. */
export function isOAuth2RootPath(path: string): boolean {
  return (
    path === '/login' ||
    path === '/oauth2' ||
    path.startsWith('/oauth2/') ||
    path.startsWith('/.well-known/oauth-')
  );
}

function findRoute(
  path: string,
): { route: RootRoute; params: Record<string, string> } | undefined {
  for (const route of ROUTES) {
    if (route.param && path.startsWith(route.path)) {
      const rest = path.slice(route.path.length);
      if (rest !== '' && !rest.includes('/'))
        return {
          route,
          params: { [route.param]: decodeURIComponent(rest) },
        };
    } else if (path === route.path) return { route, params: {} };
  }
  // Coder also answers the authorization-server document under sub-paths.
  if (path.startsWith(`${AUTHORIZATION_SERVER}/`))
    return {
      route: ROUTES.find(r => r.path === AUTHORIZATION_SERVER)!,
      params: {},
    };
  return undefined;
}

function writeFailure(exchange: Exchange, error: unknown): void {
  if (error instanceof OAuth2Error) writeOAuth2Error(exchange, error);
  else if (error instanceof ApiError)
    sendJson(exchange, error.status, error.body, error.headers);
  else
    sendJson(
      exchange,
      500,
      coderResponse(
        'An internal server error occurred.',
        error instanceof Error ? error.message : String(error),
      ),
    );
}

/** Serves one request to a path {@link isOAuth2RootPath} accepts. */
export async function handleOAuth2Root(
  deployment: Deployment,
  request: IncomingMessage,
  response: ServerResponse,
  url: URL,
): Promise<void> {
  const path = url.pathname;
  const exchange = createExchange(
    deployment,
    request,
    response,
    url,
    nowMicros(),
  );
  if (path !== '/login' && applyPermissiveCors(request, response)) return;
  if (path.startsWith('/oauth2/') || path === '/oauth2')
    for (const [name, value] of Object.entries(NO_STORE_HEADERS))
      response.setHeader(name, value);
  try {
    if (request.method === 'POST' && path === '/oauth2/authorize') {
      const form = await parseBodyForm(exchange);
      const failure = csrfFailure(
        deployment,
        request,
        url,
        form.get(CSRF_FORM_FIELD) ?? undefined,
      );
      if (failure) {
        writeCsrfFailure(response, failure);
        return;
      }
    }
    if (path !== '/login' && !deployment.oauth2.settings.experiment) {
      writeExperimentDisabled(exchange);
      return;
    }
    const found = findRoute(path);
    if (!found) {
      writeRaw(response, 404, '404 page not found\n', {
        'Content-Type': 'text/plain; charset=utf-8',
      });
      return;
    }
    const method =
      request.method === 'HEAD' ? 'GET' : (request.method ?? 'GET');
    const handler = found.route.methods[method];
    if (!handler) {
      // chi's 405: no body, the allowed methods in Allow.
      writeRaw(response, 405, '', {
        Allow: Object.keys(found.route.methods).join(', '),
      });
      return;
    }
    exchange.params = found.params;
    await handler(exchange);
  } catch (error) {
    writeFailure(exchange, error);
  }
}
