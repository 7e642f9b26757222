import { FakeCoder, FakeCoderOptions, startFakeCoder } from './server';

/**
 * Shared by this folder's tests: a fake on a random port and a small fetch
 * wrapper. Not part of the fake's public API.
 */

export interface CallOptions {
  token?: string;
  method?: string;
  body?: unknown;
  headers?: Record<string, string>;
}

export interface CallResult<T = any> {
  status: number;
  headers: Headers;
  body: T;
}

export async function startTestFake(
  options: FakeCoderOptions = {},
): Promise<FakeCoder> {
  return startFakeCoder({ port: 0, buildStepMs: 0, quiet: true, ...options });
}

export async function call<T = any>(
  fake: FakeCoder,
  path: string,
  options: CallOptions = {},
): Promise<CallResult<T>> {
  const headers: Record<string, string> = { ...options.headers };
  if (options.token !== undefined)
    headers['Coder-Session-Token'] = options.token;
  let body: string | undefined;
  if (options.body !== undefined) {
    body =
      typeof options.body === 'string'
        ? options.body
        : JSON.stringify(options.body);
    headers['Content-Type'] = 'application/json';
  }
  const response = await fetch(`${fake.url}${path}`, {
    method: options.method ?? 'GET',
    headers,
    body,
  });
  const text = await response.text();
  let parsed: unknown = text;
  if (
    text !== '' &&
    (response.headers.get('content-type') ?? '').includes('json')
  )
    parsed = JSON.parse(text);
  return {
    status: response.status,
    headers: response.headers,
    body: parsed as T,
  };
}

/** Polls until the check passes; builds advance on timers. */
export async function eventually<T>(
  check: () => Promise<T | undefined>,
  timeoutMs = 3000,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const result = await check();
    if (result !== undefined) return result;
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await new Promise(resolve => setTimeout(resolve, 10));
  }
}
