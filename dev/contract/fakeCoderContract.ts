import { startFakeCoder, type FakeCoder } from '../fake-coder/server';
import { expectValidResponse } from './expectContract';

/**
 * Shared by the `fakeCoder*.contract.test.ts` files: the fake on a random
 * port, and a fetch wrapper that checks every `/api/v2` answer against
 * Coder's contract before a test sees it. Not a test file itself.
 */

export type { FakeCoder } from '../fake-coder/server';
export { SEED_IDS } from '../fake-coder/seed';

export interface CoderCallOptions {
  /** Session token; defaults to the demo user's, `null` sends none. */
  token?: string | null;
  /** JSON request body. */
  body?: unknown;
  headers?: Record<string, string>;
}

export interface CoderAnswer<T = any> {
  status: number;
  headers: Headers;
  /** The parsed JSON body, `undefined` when empty. */
  body: T;
}

export function startContractFake(): Promise<FakeCoder> {
  return startFakeCoder({ port: 0, buildStepMs: 0, quiet: true });
}

/**
 * Calls Coder's `path` (query included) through real HTTP and throws, listing
 * every mismatch, unless the response matches swagger with the wire
 * differences applied.
 */
export async function callCoder<T = any>(
  fake: FakeCoder,
  method: string,
  path: string,
  options: CoderCallOptions = {},
): Promise<CoderAnswer<T>> {
  const headers: Record<string, string> = { ...options.headers };
  const token = options.token === undefined ? fake.tokens.demo : options.token;
  if (token !== null) headers['Coder-Session-Token'] = token;
  let body: string | undefined;
  if (options.body !== undefined) {
    body = JSON.stringify(options.body);
    headers['Content-Type'] = 'application/json';
  }
  const response = await fetch(`${fake.url}${path}`, {
    method,
    headers,
    body,
  });
  await expectValidResponse(response, method, path);
  const text = await response.text();
  return {
    status: response.status,
    headers: response.headers,
    body: (text === '' ? undefined : JSON.parse(text)) as T,
  };
}

/** Calls the fake's own `/__fake` control API; throws unless it succeeds. */
export async function adminCall(
  fake: FakeCoder,
  method: string,
  path: string,
  body?: unknown,
): Promise<any> {
  const response = await fetch(`${fake.url}/__fake${path}`, {
    method,
    headers: body === undefined ? {} : { 'Content-Type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await response.text();
  if (!response.ok) {
    throw new Error(`${method} /__fake${path} → ${response.status}: ${text}`);
  }
  return text === '' ? undefined : JSON.parse(text);
}

/** Back to the seed; optional build timing from the start. */
export function resetFake(
  fake: FakeCoder,
  timing: { buildStepMs?: number } = {},
): Promise<unknown> {
  return adminCall(fake, 'POST', '/reset', timing);
}

/**
 * Polls a build (validating every answer) until its status is `status`;
 * returns the statuses seen on the way, in order and without repeats.
 */
export async function followBuild(
  fake: FakeCoder,
  buildId: string,
  status: string,
  timeoutMs = 5000,
): Promise<string[]> {
  const seen: string[] = [];
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const answer = await callCoder(
      fake,
      'GET',
      `/api/v2/workspacebuilds/${buildId}`,
    );
    const current = answer.body.status as string;
    if (seen[seen.length - 1] !== current) seen.push(current);
    if (current === status) return seen;
    if (Date.now() > deadline) {
      throw new Error(
        `build ${buildId} never reached ${status}; saw ${seen.join(' → ')}`,
      );
    }
    await new Promise(resolve => setTimeout(resolve, 10));
  }
}
