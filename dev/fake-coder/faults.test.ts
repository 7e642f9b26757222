/** @jest-environment node */
import type { FakeCoder } from './server';
import { call, eventually, startTestFake } from './testing';

let fake: FakeCoder;
beforeAll(async () => {
  fake = await startTestFake({ buildStepMs: 60_000 });
});
afterAll(() => fake.close());
afterEach(() => call(fake, '/__fake/reset', { method: 'POST' }));

const setFaults = (body: unknown) =>
  call(fake, '/__fake/faults', { method: 'PUT', body });
const me = () => call(fake, '/api/v2/users/me', { token: fake.demoToken });

describe('fault injection', () => {
  it('answers the next N requests with 500 and then recovers', async () => {
    await setFaults({ status500: 2 });
    const first = await me();
    expect(first.status).toBe(500);
    expect(first.body.message).toBe('An internal server error occurred.');
    expect((await me()).status).toBe(500);
    expect((await me()).status).toBe(200);
    expect((await call(fake, '/__fake/faults')).body).toEqual({});
  });

  it('sends truncated JSON that does not parse', async () => {
    await setFaults({ malformedJson: true });
    const response = await fetch(`${fake.url}/api/v2/workspaces`, {
      headers: { 'Coder-Session-Token': fake.demoToken },
    });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe(
      'application/json; charset=utf-8',
    );
    const text = await response.text();
    expect(text.length).toBeGreaterThan(0);
    expect(() => JSON.parse(text)).toThrow();
  });

  it("rate limits with Coder's 429 body, Retry-After and X-RateLimit headers", async () => {
    await setFaults({ rateLimit: { retryAfterSeconds: 7 } });
    const response = await me();
    expect(response.status).toBe(429);
    expect(response.body).toEqual({
      message:
        "You've been rate limited for sending more than 512 requests in 1m0s.",
    });
    expect(response.headers.get('retry-after')).toBe('7');
    expect(response.headers.get('x-ratelimit-limit')).toBe('512');
    expect(response.headers.get('x-ratelimit-remaining')).toBe('0');
    expect(Number(response.headers.get('x-ratelimit-reset'))).toBeGreaterThan(
      Date.now() / 1000,
    );
  });

  it('drops the connection without an answer', async () => {
    await setFaults({ dropConnections: 1 });
    await expect(me()).rejects.toThrow();
    expect((await me()).status).toBe(200);
  });

  it('delays answers by latencyMs', async () => {
    await setFaults({ latencyMs: 150 });
    const started = Date.now();
    expect((await me()).status).toBe(200);
    expect(Date.now() - started).toBeGreaterThanOrEqual(140);
  });

  it('limits faults to paths under pathPrefix and never touches the admin API', async () => {
    await setFaults({ status500: true, pathPrefix: '/api/v2/workspaces' });
    expect(
      (await call(fake, '/api/v2/workspaces', { token: fake.demoToken }))
        .status,
    ).toBe(500);
    expect((await me()).status).toBe(200);
    expect((await call(fake, '/__fake/faults')).status).toBe(200);
  });

  it('rejects unknown fault names', async () => {
    const response = await setFaults({ status501: true });
    expect(response.status).toBe(400);
    expect(response.body.message).toContain('status501');
  });

  it('enforces a real per-endpoint rate limit when one is configured', async () => {
    await call(fake, '/__fake/config', {
      method: 'PUT',
      body: { apiRateLimit: 2 },
    });
    const first = await me();
    expect(first.headers.get('x-ratelimit-limit')).toBe('2');
    expect(first.headers.get('x-ratelimit-remaining')).toBe('1');
    await me();
    const third = await me();
    expect(third.status).toBe(429);
    expect(third.body).toEqual({
      message:
        "You've been rate limited for sending more than 2 requests in 1m0s.",
    });
    expect(Number(third.headers.get('retry-after'))).toBeGreaterThan(0);
    expect((await call(fake, '/api/v2/buildinfo')).status).toBe(200);
    const bypass = await call(fake, '/api/v2/users/me', {
      token: fake.tokens.admin,
      headers: { 'X-Coder-Bypass-Ratelimit': 'true' },
    });
    expect(bypass.status).toBe(200);
  });
});

describe('request log', () => {
  it('records every header as received, but not admin calls', async () => {
    await call(fake, '/__fake/requests', { method: 'DELETE' });
    await call(fake, '/api/v2/users/me', {
      headers: {
        Authorization: `Bearer ${fake.demoToken}`,
        Cookie: 'coder_session_token=abc',
        'X-Trace': '42',
      },
    });
    const log = await call(fake, '/__fake/requests');
    expect(log.body).toEqual([
      {
        method: 'GET',
        url: '/api/v2/users/me',
        headers: expect.objectContaining({
          authorization: `Bearer ${fake.demoToken}`,
          cookie: 'coder_session_token=abc',
          'x-trace': '42',
        }),
      },
    ]);
    await call(fake, '/__fake/requests', { method: 'DELETE' });
    expect((await call(fake, '/__fake/requests')).body).toEqual([]);
  });
});

describe('build and browser faults', () => {
  it('fails the next build with a terraform-like job error', async () => {
    await call(fake, '/__fake/reset', {
      method: 'POST',
      body: { buildStepMs: 0 },
    });
    await setFaults({ failBuilds: 1 });
    const started = await call(
      fake,
      '/api/v2/users/demo/workspace/web-app-feature',
      { token: fake.demoToken },
    );
    const build = await call(
      fake,
      `/api/v2/workspaces/${started.body.id}/builds`,
      {
        method: 'POST',
        token: fake.demoToken,
        body: { transition: 'start' },
      },
    );
    expect(build.status).toBe(201);
    const failed = await eventually(async () => {
      const current = await call(
        fake,
        `/api/v2/workspacebuilds/${build.body.id}`,
        { token: fake.demoToken },
      );
      return current.body.status === 'failed' ? current.body : undefined;
    });
    expect(failed.job.error).toBe(
      'terraform apply: exit status 1: Error: fake-coder: injected build failure',
    );
    expect((await call(fake, '/__fake/faults')).body).toEqual({});
  });

  it('answers a CORS preflight without any Access-Control header, as Coder does', async () => {
    const response = await fetch(`${fake.url}/api/v2/workspaces`, {
      method: 'OPTIONS',
      headers: {
        Origin: 'http://localhost:3000',
        'Access-Control-Request-Method': 'GET',
        'Access-Control-Request-Headers': 'coder-session-token',
      },
    });
    expect(response.status).toBe(200);
    expect(response.headers.get('access-control-allow-origin')).toBeNull();
  });
});
