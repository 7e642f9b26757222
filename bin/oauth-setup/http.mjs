/**
 * A thin layer over Node's global fetch (Node ≥ 18) that times every request,
 * reads bodies once, and turns network failures into a SetupError naming the
 * URL. No dependencies, so `npx` can run the command without installing any.
 */
import { SetupError } from './errors.mjs';

/**
 * @typedef {object} HttpResult
 * @property {number} status
 * @property {Headers} headers
 * @property {string} text
 * @property {any} json the parsed body, or undefined when it is not JSON
 * @property {number} ms how long the request took
 */

/** Human names for the errno codes undici puts on `error.cause`. */
const NETWORK_REASONS = {
  ECONNREFUSED: 'connection refused',
  ENOTFOUND: 'host not found',
  EAI_AGAIN: 'DNS lookup failed',
  ECONNRESET: 'connection reset',
  EHOSTUNREACH: 'host unreachable',
  ETIMEDOUT: 'connection timed out',
  CERT_HAS_EXPIRED: 'TLS certificate has expired',
  DEPTH_ZERO_SELF_SIGNED_CERT: 'self-signed TLS certificate',
  SELF_SIGNED_CERT_IN_CHAIN: 'self-signed TLS certificate in chain',
  UNABLE_TO_VERIFY_LEAF_SIGNATURE: 'TLS certificate cannot be verified',
  ERR_TLS_CERT_ALTNAME_INVALID: 'TLS certificate does not match the host',
};

function networkReason(error) {
  if (error?.name === 'TimeoutError') return 'no answer before the timeout';
  const cause = error?.cause;
  const code = cause?.code ?? cause?.errors?.[0]?.code;
  if (code)
    return `${NETWORK_REASONS[code] ?? cause.message ?? code} (${code})`;
  return cause?.message ?? error?.message ?? 'unknown network error';
}

/** The origin a URL belongs to, for messages: never includes a query string. */
export function originOf(url) {
  try {
    return new URL(url).origin;
  } catch {
    return String(url);
  }
}

/**
 * Sends one request.
 * @param {string} method
 * @param {string} url absolute; callers never put tokens in it
 * @param {{ headers?: Record<string,string>, json?: unknown,
 *   form?: Record<string,string>, redirect?: 'manual'|'follow',
 *   timeoutMs: number }} options
 * @returns {Promise<HttpResult>}
 */
export async function request(method, url, options) {
  const headers = { Accept: 'application/json', ...options.headers };
  let body;
  if (options.json !== undefined) {
    headers['Content-Type'] = 'application/json';
    body = JSON.stringify(options.json);
  } else if (options.form !== undefined) {
    headers['Content-Type'] = 'application/x-www-form-urlencoded';
    body = new URLSearchParams(options.form).toString();
  }
  const started = performance.now();
  let response;
  try {
    response = await fetch(url, {
      method,
      headers,
      body,
      // Node's fetch returns the real 3xx (status and Location) with 'manual',
      // which the authorize step needs to read the code off the redirect.
      redirect: options.redirect ?? 'manual',
      signal: AbortSignal.timeout(options.timeoutMs),
    });
  } catch (error) {
    throw new SetupError(
      `Could not reach Coder at ${originOf(url)}: ${networkReason(error)}.`,
      {
        code: 'unreachable',
        hints: [
          'Check --url: it must be the address Coder is served on (its access URL),',
          'reachable from this machine. Try `curl <url>/api/v2/buildinfo`.',
        ],
      },
    );
  }
  const text = await response.text();
  let json;
  if (text.trim() !== '') {
    try {
      json = JSON.parse(text);
    } catch {
      json = undefined;
    }
  }
  return {
    status: response.status,
    headers: response.headers,
    text,
    json,
    ms: performance.now() - started,
  };
}

/**
 * What Coder said, in one line: `codersdk.Response` (`message` + `detail`,
 * CONTRACT §10) or an OAuth2 error (`error` + `error_description`, §7).
 */
export function describeBody(result) {
  const body = result.json;
  if (body && typeof body === 'object' && !Array.isArray(body)) {
    if (typeof body.error === 'string') {
      return body.error_description
        ? `${body.error}: ${body.error_description}`
        : body.error;
    }
    if (typeof body.message === 'string') {
      // Validation errors name the field and rule in `validations`; the
      // message alone ("Validation failed.") would not say what to fix.
      const validations = Array.isArray(body.validations)
        ? body.validations.map(v => `${v?.field}: ${v?.detail}`).join('; ')
        : '';
      const extra = [body.detail, validations].filter(Boolean).join('; ');
      return extra ? `${body.message} (${extra})` : body.message;
    }
  }
  const text = result.text.replace(/\s+/g, ' ').trim();
  if (text === '') return 'empty body';
  return text.length > 200 ? `${text.slice(0, 200)}…` : text;
}

/** `HTTP 403: <what Coder said>`, for error messages. */
export function statusLine(result) {
  return `HTTP ${result.status}: ${describeBody(result)}`;
}
