import type { IncomingMessage, ServerResponse } from 'node:http';
import { nowMicros } from '../clock';
import type { Deployment } from '../deployment';
import { writeRaw } from '../wire';
import { buildPage } from './build';
import { cliAuthPage } from './cliAuth';
import { createWorkspacePage } from './createWorkspace';
import { homePage } from './home';
import type { PageResult } from './html';
import type { PageHandler, PageRequest } from './request';
import { pageViewer } from './viewer';
import { workspacePage } from './workspace';
import { workspacesPage } from './workspaces';

/**
 * The dashboard pages the plugin links to, at Coder's paths
 * (site/src/router.tsx). The server consults this table only after
 * `/api/v2`, `/oauth2`, `/login`, `/icon` and `/__fake`, so no page can
 * shadow an API route.
 */

/** One page's path pattern and handler. */
export interface PageRoute {
  /** `/literal/:capture`; `@:name` captures a segment that starts with `@`. */
  path: string;
  handler: PageHandler;
}

/** Every page, GET (and HEAD) only. */
export const PAGE_ROUTES: readonly PageRoute[] = [
  { path: '/', handler: homePage },
  { path: '/cli-auth', handler: cliAuthPage },
  { path: '/workspaces', handler: workspacesPage },
  { path: '/templates/:template/workspace', handler: createWorkspacePage },
  {
    path: '/templates/:organization/:template/workspace',
    handler: createWorkspacePage,
  },
  { path: '/@:owner/:workspace', handler: workspacePage },
  { path: '/@:owner/:workspace/builds/:number', handler: buildPage },
];

/** Headers of every page: the cli-auth page holds a token, none runs script. */
const PAGE_HEADERS: Record<string, string> = {
  'Content-Type': 'text/html; charset=utf-8',
  'Cache-Control': 'no-store',
  'X-Content-Type-Options': 'nosniff',
  'Content-Security-Policy':
    "default-src 'none'; style-src 'unsafe-inline'; img-src 'self'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'",
};

const split = (path: string) => path.split('/').filter(Boolean);

function decode(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}

function match(
  pattern: string[],
  path: string[],
): Record<string, string> | undefined {
  if (pattern.length !== path.length) return undefined;
  const params: Record<string, string> = {};
  for (let index = 0; index < pattern.length; index++) {
    const expected = pattern[index];
    const actual = path[index];
    if (expected.startsWith('@:')) {
      if (!actual.startsWith('@') || actual.length === 1) return undefined;
      params[expected.slice(2)] = decode(actual.slice(1));
    } else if (expected.startsWith(':')) {
      params[expected.slice(1)] = decode(actual);
    } else if (expected !== actual) {
      return undefined;
    }
  }
  return params;
}

/** The page route a path names, with its captures. */
export function findPageRoute(
  pathname: string,
): { route: PageRoute; params: Record<string, string> } | undefined {
  const path = split(pathname);
  for (const route of PAGE_ROUTES) {
    const params = match(split(route.path), path);
    if (params) return { route, params };
  }
  return undefined;
}

/**
 * Renders the page for a request, or undefined when no page lives at its
 * path. Other methods than GET and HEAD get 405, as chi answers them.
 */
export function renderPageRequest(
  deployment: Deployment,
  request: IncomingMessage,
  url: URL,
): (PageResult & { headers: Record<string, string> }) | undefined {
  const found = findPageRoute(url.pathname);
  if (!found) return undefined;
  const method = request.method ?? 'GET';
  if (method !== 'GET' && method !== 'HEAD')
    return { status: 405, html: '', headers: { Allow: 'GET, HEAD' } };
  const now = nowMicros();
  const viewer = pageViewer(deployment.store, request, url, now);
  const page: PageRequest = {
    deployment,
    request,
    url,
    params: found.params,
    now,
    viewer,
    banner: { username: viewer.user.username, signedIn: viewer.signedIn },
  };
  return { ...found.route.handler(page), headers: PAGE_HEADERS };
}

/** Serves a page if one lives at the URL's path; false leaves it to the caller. */
export function handlePage(
  deployment: Deployment,
  request: IncomingMessage,
  response: ServerResponse,
  url: URL,
): boolean {
  const result = renderPageRequest(deployment, request, url);
  if (!result) return false;
  writeRaw(response, result.status, result.html, result.headers);
  return true;
}
