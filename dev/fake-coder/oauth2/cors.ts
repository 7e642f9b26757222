import type { IncomingMessage, ServerResponse } from 'node:http';
import { writeRaw } from '../wire';

/**
 * The permissive CORS policy Coder applies to `/oauth2/*` and
 * `/.well-known/oauth-*` (coderd/httpmw/cors.go, go-chi/cors; CONTRACT §9):
 * any origin, GET/POST/DELETE/OPTIONS, a fixed header list, no credentials.
 */

const ALLOWED_METHODS = ['GET', 'POST', 'DELETE', 'OPTIONS'];
const ALLOWED_HEADERS = [
  'Content-Type',
  'Accept',
  'Authorization',
  'X-Api-Key',
  'Mcp-Session-Id',
  'Mcp-Protocol-Version',
  'Last-Event-Id',
];
const EXPOSED_HEADERS =
  'Content-Type, Authorization, X-Api-Key, Mcp-Session-Id, Mcp-Protocol-Version';

/** http.CanonicalHeaderKey. */
function canonical(name: string): string {
  return name
    .trim()
    .toLowerCase()
    .replace(
      /(^|-)([a-z])/g,
      (_match, dash, letter) => dash + letter.toUpperCase(),
    );
}

function single(request: IncomingMessage, name: string): string {
  const value = request.headers[name];
  return (Array.isArray(value) ? value[0] : value) ?? '';
}

/**
 * Answers a preflight (always 200; the Access-Control headers only when the
 * method and headers are allowed) and returns true, or decorates an actual
 * cross-origin request's response and returns false.
 */
export function applyPermissiveCors(
  request: IncomingMessage,
  response: ServerResponse,
): boolean {
  const origin = single(request, 'origin');
  const requestedMethod = single(request, 'access-control-request-method');
  if (request.method === 'OPTIONS' && requestedMethod !== '') {
    response.setHeader('Vary', [
      'Origin',
      'Access-Control-Request-Method',
      'Access-Control-Request-Headers',
    ]);
    const requestedHeaders = single(request, 'access-control-request-headers')
      .split(',')
      .map(canonical)
      .filter(Boolean);
    const allowed =
      origin !== '' &&
      ALLOWED_METHODS.includes(requestedMethod.toUpperCase()) &&
      requestedHeaders.every(header => ALLOWED_HEADERS.includes(header));
    const headers: Record<string, string> = {};
    if (allowed) {
      headers['Access-Control-Allow-Origin'] = '*';
      headers['Access-Control-Allow-Methods'] = requestedMethod.toUpperCase();
      if (requestedHeaders.length > 0)
        headers['Access-Control-Allow-Headers'] = requestedHeaders.join(', ');
      headers['Access-Control-Max-Age'] = '86400';
    }
    writeRaw(response, 200, '', headers);
    return true;
  }
  response.setHeader('Vary', 'Origin');
  if (origin !== '') {
    response.setHeader('Access-Control-Allow-Origin', '*');
    response.setHeader('Access-Control-Expose-Headers', EXPOSED_HEADERS);
  }
  return false;
}
