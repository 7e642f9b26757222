/*
 * Drives the fake Coder's admin API (/__fake/*) from browser tests.
 */
import { FAKE_CODER_URL } from '../../dev/stack.mjs';

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
  reset: () => admin('POST', '/reset'),
  requests: () => admin('GET', '/requests'),
  clearRequests: () => admin('DELETE', '/requests'),
  setFaults: faults => admin('PUT', '/faults', faults),
  clearFaults: () => admin('DELETE', '/faults'),
  revoke: target => admin('POST', '/revoke', target),
  seed: count => admin('POST', '/seed', { count }),
  setConfig: config => admin('PUT', '/config', config),
};
