/*
 * Drives the fake Coder's admin API (/__fake/*) from browser tests.
 */
import { FAKE_CODER_URL } from '../../dev/stack.mjs';
import { DEMO_TOKEN } from './app.mjs';

async function admin(method, path, body) {
  const res = await fetch(`${FAKE_CODER_URL}/__fake${path}`, {
    method,
    headers:
      method === 'GET' ? undefined : { 'content-type': 'application/json' },
    body: method === 'GET' ? undefined : JSON.stringify(body ?? {}),
  });
  if (!res.ok) {
    throw new Error(
      `fake Coder admin ${method} ${path}: ${res.status} ${await res.text()}`,
    );
  }
  const text = await res.text();
  return text ? JSON.parse(text) : undefined;
}

/** The fake Coder's admin API. */
export const fakeCoder = {
  /** Back to the seed; `timing` (e.g. `{buildStepMs}`) overrides the CLI's. */
  reset: timing => admin('POST', '/reset', timing),
  requests: () => admin('GET', '/requests'),
  clearRequests: () => admin('DELETE', '/requests'),
  setFaults: faults => admin('PUT', '/faults', faults),
  clearFaults: () => admin('DELETE', '/faults'),
  revoke: target => admin('POST', '/revoke', target),
  seed: count => admin('POST', '/seed', { count }),
  setConfig: config => admin('PUT', '/config', config),
  /** Every OAuth2 token pair issued since the last reset, oldest first. */
  oauthTokens: () => admin('GET', '/oauth2/tokens'),
  /** Live OAuth2 access tokens expire now; refresh tokens keep working. */
  expireOAuthTokens: () => admin('POST', '/oauth2/expire'),
  /** The id of the demo user's workspace called `name`, asked of Coder's own API. */
  async workspaceId(name) {
    const res = await fetch(
      `${FAKE_CODER_URL}/api/v2/workspaces?q=${encodeURIComponent(`name:${name}`)}`,
      { headers: { 'Coder-Session-Token': DEMO_TOKEN } },
    );
    const { workspaces } = await res.json();
    return workspaces[0].id;
  },
  /** A request to Coder's own API as the demo user (not through Backstage). */
  async coder(method, path) {
    const res = await fetch(`${FAKE_CODER_URL}${path}`, {
      method,
      headers: { 'Coder-Session-Token': DEMO_TOKEN },
    });
    if (!res.ok) throw new Error(`${method} ${path}: HTTP ${res.status}`);
    return res.json();
  },
};
