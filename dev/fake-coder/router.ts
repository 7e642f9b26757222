import type { IncomingMessage } from 'node:http';
import type { Micros } from './clock';
import type { Deployment } from './deployment';
import type { UserRecord } from './records';
import type { WireContext } from './serialize';

/** What a handler gets for one request. */
export interface RequestContext {
  deployment: Deployment;
  request: IncomingMessage;
  url: URL;
  params: Record<string, string>;
  now: Micros;
  respond(
    status: number,
    body: unknown,
    headers?: Record<string, string>,
  ): void;
  respondEmpty(status: number): void;
  readText(): Promise<string>;
  readJson(): Promise<unknown>;
}

/** A handler behind ExtractAPIKey: the caller is known. */
export interface ApiContext extends RequestContext {
  actor: UserRecord;
  wire: WireContext;
}

export type PublicHandler = (context: RequestContext) => void | Promise<void>;
export type ApiHandler = (context: ApiContext) => void | Promise<void>;

export type Route =
  | {
      method: string;
      segments: string[];
      authenticated: false;
      handler: PublicHandler;
    }
  | {
      method: string;
      segments: string[];
      authenticated: true;
      handler: ApiHandler;
    };

const split = (path: string) => path.split('/').filter(Boolean);

export function publicRoute(
  method: string,
  path: string,
  handler: PublicHandler,
): Route {
  return { method, segments: split(path), authenticated: false, handler };
}

export function apiRoute(
  method: string,
  path: string,
  handler: ApiHandler,
): Route {
  return { method, segments: split(path), authenticated: true, handler };
}

export type RouteMatch =
  | { kind: 'found'; route: Route; params: Record<string, string> }
  | { kind: 'method-not-allowed'; allowed: string[] }
  | { kind: 'not-found' };

function matchSegments(
  pattern: string[],
  path: string[],
): Record<string, string> | undefined {
  if (pattern.length !== path.length) return undefined;
  const params: Record<string, string> = {};
  for (let index = 0; index < pattern.length; index++) {
    const expected = pattern[index];
    if (expected.startsWith(':')) {
      params[expected.slice(1)] = safeDecode(path[index]);
    } else if (expected !== path[index]) {
      return undefined;
    }
  }
  return params;
}

function safeDecode(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}

/** chi-like matching: literal segments and `:name` captures, 405 on a method mismatch. */
export function matchRoute(
  routes: Route[],
  method: string,
  pathname: string,
): RouteMatch {
  const path = split(pathname);
  const allowed: string[] = [];
  for (const route of routes) {
    const params = matchSegments(route.segments, path);
    if (!params) continue;
    if (
      route.method === method ||
      (method === 'HEAD' && route.method === 'GET')
    ) {
      return { kind: 'found', route, params };
    }
    allowed.push(route.method);
  }
  return allowed.length > 0
    ? { kind: 'method-not-allowed', allowed }
    : { kind: 'not-found' };
}
