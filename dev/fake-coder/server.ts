import {
  createServer,
  IncomingMessage,
  Server,
  ServerResponse,
} from 'node:http';
import type { AddressInfo } from 'node:net';
import { handleAdmin } from './admin';
import { API_ROUTES } from './api/routes';
import { authenticate, tryAuthenticate } from './auth';
import { parseJsonBody, readBody } from './body';
import { nowMicros } from './clock';
import { Deployment } from './deployment';
import { ApiError, coderResponse } from './errors';
import { DEFAULT_RETRY_AFTER_SECONDS, truncateJson } from './faults';
import { ICON_CACHE_CONTROL, ICONS } from './icons';
import { csrfFailure, writeCsrfFailure } from './oauth2/csrf';
import { NO_STORE_HEADERS } from './oauth2/errors';
import { handleOAuth2Root, isOAuth2RootPath } from './oauth2/router';
import { handlePage } from './pages/routes';
import { OAuth2Options, resolveOAuth2Settings } from './oauth2/settings';
import { rateLimitMessage } from './rateLimit';
import { MAX_RECORDED_BODY, RecordedRequest } from './requestLog';
import { isOwnerRole } from './api/lookups';
import { ApiContext, matchRoute, RequestContext } from './router';
import { SEED_TOKENS } from './seed';
import { FAKE_VERSION } from './serialize';
import { encodeGoJson, JSON_CONTENT_TYPE, writeRaw } from './wire';

export interface FakeCoderOptions {
  /** Default 3900; 0 picks a free port. */
  port?: number;
  /** Default '127.0.0.1'. */
  host?: string;
  /** The URL the server reports as its access URL; default `http://${host}:${port}`. */
  accessUrl?: string;
  /** Duration of each build phase; default 1500; 0 advances on the next macrotasks. */
  buildStepMs?: number;
  /** Agent connecting → connected after a start succeeds; default buildStepMs. */
  agentConnectMs?: number;
  /** Extra generated workspaces for the demo user, on top of the base seed. */
  seedWorkspaces?: number;
  /** No request logging. */
  quiet?: boolean;
  /** Coder as an OAuth2 provider; off by default, like the `oauth2` experiment. */
  oauth2?: OAuth2Options;
}

export interface FakeCoder {
  url: string;
  /** Session token of the demo user (member role). */
  demoToken: string;
  tokens: { demo: string; alice: string; admin: string };
  /** Closes the server and clears every timer. */
  close(): Promise<void>;
}

/** The rate limit Coder reports by default; used by the forced 429 fault. */
const CODER_DEFAULT_RATE_LIMIT = 512;

function requestContext(
  deployment: Deployment,
  request: IncomingMessage,
  response: ServerResponse,
  url: URL,
  options: { truncate: boolean; recorded?: RecordedRequest },
): RequestContext {
  let bodyText: Promise<string> | undefined;
  return {
    deployment,
    request,
    url,
    params: {},
    now: nowMicros(),
    respond(status, payload, headers = {}) {
      const text = encodeGoJson(payload);
      writeRaw(response, status, options.truncate ? truncateJson(text) : text, {
        'Content-Type': JSON_CONTENT_TYPE,
        ...headers,
      });
    },
    respondEmpty(status) {
      writeRaw(response, status, '', {});
    },
    readText() {
      bodyText ??= readBody(request).then(buffer => {
        const text = buffer.toString('utf8');
        if (options.recorded)
          options.recorded.body = text.slice(0, MAX_RECORDED_BODY);
        return text;
      });
      return bodyText;
    },
    async readJson() {
      return parseJsonBody(await this.readText());
    },
  };
}

function sleep(deployment: Deployment, milliseconds: number): Promise<void> {
  return new Promise(resolve =>
    deployment.scheduler.after(milliseconds, resolve),
  );
}

async function handleApi(
  deployment: Deployment,
  request: IncomingMessage,
  response: ServerResponse,
  url: URL,
  recorded: RecordedRequest,
) {
  const path = url.pathname;
  const latency = deployment.faults.latency(path);
  if (latency > 0) await sleep(deployment, latency);

  const fault = deployment.faults.take(path);
  if (fault?.kind === 'drop') {
    request.socket.destroy();
    return;
  }
  const context = requestContext(deployment, request, response, url, {
    truncate: fault?.kind === 'malformedJson',
    recorded,
  });
  if (fault?.kind === 'rateLimit') {
    const retryAfter = fault.retryAfterSeconds || DEFAULT_RETRY_AFTER_SECONDS;
    context.respond(
      429,
      coderResponse(rateLimitMessage(CODER_DEFAULT_RATE_LIMIT)),
      {
        'Retry-After': String(retryAfter),
        'X-RateLimit-Limit': String(CODER_DEFAULT_RATE_LIMIT),
        'X-RateLimit-Remaining': '0',
        'X-RateLimit-Reset': String(Math.ceil(Date.now() / 1000) + retryAfter),
      },
    );
    return;
  }
  if (fault?.kind === 'status500') {
    context.respond(
      500,
      coderResponse(
        'An internal server error occurred.',
        'fake-coder: injected fault (status500)',
      ),
    );
    return;
  }

  // go-chi/cors answers a preflight 200 without any Access-Control-* header, because
  // Coder's API allows no cross-origin callers (CONTRACT §9); the browser then blocks.
  if (
    request.method === 'OPTIONS' &&
    request.headers['access-control-request-method']
  ) {
    writeRaw(response, 200, '', {});
    return;
  }

  // httpmw.RateLimit: per user (or IP) and endpoint; owners may bypass with a header.
  const caller = tryAuthenticate(deployment.store, request, url);
  const bypass =
    caller !== undefined &&
    isOwnerRole(caller) &&
    /^(1|t|true)$/i.test(
      String(request.headers['x-coder-bypass-ratelimit'] ?? ''),
    );
  if (!bypass) {
    const decision = deployment.rateLimiter.check(
      `${caller?.id ?? request.socket.remoteAddress}:${path}`,
      Date.now(),
    );
    if (decision) {
      for (const [name, value] of Object.entries(decision.headers))
        response.setHeader(name, value);
      if (!decision.allowed) {
        context.respond(
          429,
          coderResponse(rateLimitMessage(deployment.rateLimiter.limit)),
        );
        return;
      }
    }
  }

  const match = matchRoute(API_ROUTES, request.method ?? 'GET', path);
  if (match.kind === 'not-found') {
    context.respond(404, coderResponse('Route not found.'));
    return;
  }
  if (match.kind === 'method-not-allowed') {
    // chi's default 405 has no body.
    writeRaw(response, 405, '', { Allow: match.allowed.join(', ') });
    return;
  }
  context.params = match.params;
  try {
    if (!match.route.authenticated) {
      await match.route.handler(context);
      return;
    }
    const { user } = authenticate(
      deployment.store,
      request,
      url,
      deployment.accessUrl,
      context.now,
    );
    const apiContext: ApiContext = {
      ...context,
      actor: user,
      wire: { store: deployment.store, now: context.now, requesterId: user.id },
    };
    await match.route.handler(apiContext);
  } catch (error) {
    if (error instanceof ApiError) {
      context.respond(error.status, error.body, error.headers);
    } else {
      context.respond(
        500,
        coderResponse(
          'An internal server error occurred.',
          error instanceof Error ? error.message : String(error),
        ),
      );
    }
  }
}

async function handle(
  deployment: Deployment,
  request: IncomingMessage,
  response: ServerResponse,
): Promise<void> {
  const url = new URL(request.url ?? '/', 'http://fake-coder.invalid');
  const path = url.pathname;
  response.setHeader('X-Coder-Build-Version', FAKE_VERSION);
  if (path === '/__fake' || path.startsWith('/__fake/')) {
    await handleAdmin(
      requestContext(deployment, request, response, url, { truncate: false }),
    );
    return;
  }
  const recorded = deployment.requests.record(request);
  if (path.startsWith('/icon/')) {
    const icon = ICONS[path.slice('/icon/'.length)];
    if (icon) {
      writeRaw(response, 200, icon, {
        'Content-Type': 'image/svg+xml',
        'Cache-Control': ICON_CACHE_CONTROL,
      });
    } else {
      writeRaw(response, 404, 'Not found\n', {
        'Content-Type': 'text/plain; charset=utf-8',
      });
    }
    return;
  }
  if (isOAuth2RootPath(path)) {
    await handleOAuth2Root(deployment, request, response, url);
    return;
  }
  // httpmw.CSRF runs before every API route: cookie-authenticated writes need a token.
  const csrf = csrfFailure(deployment, request, url);
  if (csrf) {
    writeCsrfFailure(response, csrf);
    return;
  }
  if (path.startsWith('/api/v2/oauth2-provider')) {
    for (const [name, value] of Object.entries(NO_STORE_HEADERS))
      response.setHeader(name, value);
  }
  if (path === '/api/v2' || path.startsWith('/api/v2/')) {
    await handleApi(deployment, request, response, url, recorded);
    return;
  }
  // Dashboard pages last, so none can shadow a route above.
  if (handlePage(deployment, request, response, url)) return;
  writeRaw(
    response,
    404,
    'Not found: this fake Coder serves /api/v2, /oauth2, /.well-known/oauth-*, /login, /icon, /__fake and a few dashboard pages (see /).\n',
    {
      'Content-Type': 'text/plain; charset=utf-8',
    },
  );
}

function listen(
  server: Server,
  port: number,
  host: string,
): Promise<AddressInfo> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      resolve(server.address() as AddressInfo);
    });
  });
}

export async function startFakeCoder(
  options: FakeCoderOptions = {},
): Promise<FakeCoder> {
  const host = options.host ?? '127.0.0.1';
  const buildStepMs = options.buildStepMs ?? 1500;
  // Set once listening: the seed needs the final access URL (port 0 picks one).
  const state: { deployment?: Deployment } = {};
  const server = createServer((request, response) => {
    const started = Date.now();
    if (!options.quiet) {
      response.on('finish', () => {
        process.stdout.write(
          `${request.method} ${request.url} ${response.statusCode} ${Date.now() - started}ms\n`,
        );
      });
    }
    const { deployment } = state;
    if (!deployment) {
      writeRaw(response, 503, 'Starting\n', {
        'Content-Type': 'text/plain; charset=utf-8',
      });
      return;
    }
    handle(deployment, request, response).catch(error => {
      writeRaw(
        response,
        500,
        encodeGoJson(
          coderResponse('An internal server error occurred.', String(error)),
        ),
        {
          'Content-Type': JSON_CONTENT_TYPE,
        },
      );
    });
  });
  const address = await listen(server, options.port ?? 3900, host);
  const hostForUrl = address.family === 'IPv6' ? `[${address.address}]` : host;
  const url = `http://${hostForUrl}:${address.port}`;
  const running = new Deployment({
    accessUrl: (options.accessUrl ?? url).replace(/\/+$/, ''),
    buildStepMs,
    agentConnectMs: options.agentConnectMs ?? buildStepMs,
    seedWorkspaces: options.seedWorkspaces ?? 0,
    oauth2: resolveOAuth2Settings(options.oauth2),
  });
  state.deployment = running;
  return {
    url,
    demoToken: SEED_TOKENS.demo,
    tokens: { ...SEED_TOKENS },
    close: () =>
      new Promise<void>((resolve, reject) => {
        running.close();
        server.close(error => (error ? reject(error) : resolve()));
        server.closeAllConnections();
      }),
  };
}
