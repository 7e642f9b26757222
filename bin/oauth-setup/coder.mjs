/**
 * Requests to one Coder deployment. The admin token only ever travels in the
 * `Coder-Session-Token` header (CONTRACT §2), never in a URL, so it cannot
 * leak through logs of proxies or through an error message naming the URL.
 */
import { request } from './http.mjs';

/**
 * @param {{ url: string, timeoutMs: number, adminToken: string }} settings
 */
export function createCoder({ url, timeoutMs, adminToken }) {
  const absolute = path => (path.startsWith('http') ? path : `${url}${path}`);
  const adminHeaders = { 'Coder-Session-Token': adminToken };
  return {
    url,
    absolute,
    /** Unauthenticated request (buildinfo, discovery, the OAuth2 protocol endpoints). */
    call(method, path, options = {}) {
      return request(method, absolute(path), { ...options, timeoutMs });
    },
    /** Request as the admin. */
    asAdmin(method, path, options = {}) {
      return request(method, absolute(path), {
        ...options,
        headers: { ...options.headers, ...adminHeaders },
        timeoutMs,
      });
    },
    /** Request with an OAuth2 access token, the way the Backstage plugin will send it. */
    asBearer(accessToken, method, path) {
      return request(method, absolute(path), {
        headers: { Authorization: `Bearer ${accessToken}` },
        timeoutMs,
      });
    },
  };
}

/** @typedef {ReturnType<typeof createCoder>} Coder */
