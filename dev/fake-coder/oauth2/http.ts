import type { IncomingMessage, ServerResponse } from 'node:http';
import { readBody } from '../body';
import type { Micros } from '../clock';
import type { Deployment } from '../deployment';
import { encodeGoJson, JSON_CONTENT_TYPE, writeRaw } from '../wire';

/**
 * Request and response plumbing for the routes Coder mounts at the root
 * (`/oauth2/*`, `/.well-known/*`, `/login`), which answer HTML, redirects,
 * forms and bare statuses as well as JSON, so they do not go through the
 * `/api/v2` router.
 */

/** One request to a root-level route. */
export interface Exchange {
  deployment: Deployment;
  request: IncomingMessage;
  response: ServerResponse;
  url: URL;
  now: Micros;
  params: Record<string, string>;
  /** The raw body, read once (4 MiB cap, like coderd). */
  text(): Promise<string>;
}

/** Builds an exchange whose body is read lazily and cached. */
export function createExchange(
  deployment: Deployment,
  request: IncomingMessage,
  response: ServerResponse,
  url: URL,
  now: Micros,
): Exchange {
  let body: Promise<string> | undefined;
  return {
    deployment,
    request,
    response,
    url,
    now,
    params: {},
    text() {
      body ??= readBody(request).then(buffer => buffer.toString('utf8'));
      return body;
    },
  };
}

/** httpapi.Write: Go-encoded JSON with Coder's content type. */
export function sendJson(
  exchange: Exchange,
  status: number,
  body: unknown,
  headers: Record<string, string> = {},
): void {
  writeRaw(exchange.response, status, encodeGoJson(body), {
    'Content-Type': JSON_CONTENT_TYPE,
    ...headers,
  });
}

/** An HTML page (consent, error, login). */
export function sendHtml(
  exchange: Exchange,
  status: number,
  html: string,
): void {
  writeRaw(exchange.response, status, html, {
    'Content-Type': 'text/html; charset=utf-8',
  });
}

/** `rw.WriteHeader(status)` with nothing else: no body, no content type. */
export function sendEmpty(exchange: Exchange, status: number): void {
  writeRaw(exchange.response, status, '', {});
}

/**
 * Go's http.Redirect: GET and HEAD get a short HTML body and a content type,
 * other methods only the Location header.
 */
export function redirect(
  exchange: Exchange,
  status: number,
  location: string,
): void {
  const method = exchange.request.method ?? 'GET';
  if (method !== 'GET' && method !== 'HEAD') {
    writeRaw(exchange.response, status, '', { Location: location });
    return;
  }
  const text = status === 303 ? 'See Other' : 'Found';
  writeRaw(
    exchange.response,
    status,
    `<a href="${escapeHtml(location)}">${text}</a>.\n\n`,
    { Location: location, 'Content-Type': 'text/html; charset=utf-8' },
  );
}

/** html.EscapeString plus quotes, for text and attribute values. */
export function escapeHtml(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&#34;')
    .replace(/'/g, '&#39;');
}

/** url.QueryEscape: only `A-Za-z0-9-_.~` stay, a space becomes `+`. */
export function goQueryEscape(text: string): string {
  return encodeURIComponent(text)
    .replace(
      /[!'()*]/g,
      character =>
        `%${character.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0')}`,
    )
    .replace(/%20/g, '+');
}

/** url.Values.Encode: keys sorted, each pair query-escaped. */
export function goEncodeQuery(values: Array<[string, string]>): string {
  // Byte order, as Go's sort.Strings; Array#sort is stable for equal keys.
  const byKey = ([left]: [string, string], [right]: [string, string]) => {
    if (left === right) return 0;
    return left < right ? -1 : 1;
  };
  return [...values]
    .sort(byKey)
    .map(([key, value]) => `${goQueryEscape(key)}=${goQueryEscape(value)}`)
    .join('&');
}

function headerValue(request: IncomingMessage, name: string): string {
  const value = request.headers[name];
  return (Array.isArray(value) ? value[0] : value) ?? '';
}

/** The urlencoded body's fields (r.PostForm); empty for other content types. */
export async function parseBodyForm(
  exchange: Exchange,
): Promise<URLSearchParams> {
  const contentType = headerValue(exchange.request, 'content-type')
    .split(';')[0]
    .trim()
    .toLowerCase();
  if (contentType !== 'application/x-www-form-urlencoded')
    return new URLSearchParams();
  return new URLSearchParams(await exchange.text());
}

/**
 * r.ParseForm: the urlencoded body then the query, body values first, so
 * `form.get` prefers the body as Go's r.Form.Get does.
 */
export async function parseForm(exchange: Exchange): Promise<URLSearchParams> {
  const form = await parseBodyForm(exchange);
  for (const [key, value] of exchange.url.searchParams) form.append(key, value);
  return form;
}

/** r.BasicAuth(): the decoded user and password, if the header is Basic. */
export function basicAuth(
  request: IncomingMessage,
): { user: string; password: string } | undefined {
  const header = headerValue(request, 'authorization');
  if (header.slice(0, 6).toLowerCase() !== 'basic ') return undefined;
  const encoded = header.slice(6);
  if (!/^[A-Za-z0-9+/]*={0,2}$/.test(encoded) || encoded.length % 4 !== 0)
    return undefined;
  const decoded = Buffer.from(encoded, 'base64').toString('utf8');
  const separator = decoded.indexOf(':');
  if (separator < 0) return undefined;
  return {
    user: decoded.slice(0, separator),
    password: decoded.slice(separator + 1),
  };
}

/** The value of a named cookie, as Go's r.Cookie finds it. */
export function cookie(
  request: IncomingMessage,
  name: string,
): string | undefined {
  for (const part of headerValue(request, 'cookie').split(';')) {
    const separator = part.indexOf('=');
    if (separator < 0) continue;
    if (part.slice(0, separator).trim() === name)
      return part.slice(separator + 1).trim();
  }
  return undefined;
}
