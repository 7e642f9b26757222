/** @jest-environment node */
import { expectValidResponse } from './expectContract';
import {
  adminCall,
  callCoder,
  resetFake,
  startContractFake,
  type FakeCoder,
} from './fakeCoderContract';
import { validateAgainstSchema } from './validateAgainstSchema';

let fake: FakeCoder;
beforeAll(async () => {
  fake = await startContractFake();
});
afterAll(() => fake.close());
afterEach(() => resetFake(fake));

const SIGNED_OUT =
  'You are signed out or your session has expired. Please sign in again to continue.';

const me = (token: string | null) =>
  callCoder(fake, 'GET', '/api/v2/users/me', { token });

function expectBearerChallenge(headers: Headers, description: string) {
  expect(headers.get('www-authenticate')).toBe(
    `Bearer realm="coder", error="invalid_token", error_description="${description}", resource_metadata="${fake.url}/.well-known/oauth-protected-resource"`,
  );
}

describe('authentication failures on the fake Coder match swagger', () => {
  it('answers 401 with a challenge when no token is sent', async () => {
    const answer = await me(null);
    expect(answer.status).toBe(401);
    expect(answer.body).toEqual({
      message: SIGNED_OUT,
      detail:
        'Cookie "coder_session_token" or query parameter must be provided.',
    });
    expectBearerChallenge(answer.headers, 'The access token is invalid');
  });

  it('answers 401 for a token that is not id-secret shaped', async () => {
    const answer = await me('not-a-coder-token');
    expect(answer.status).toBe(401);
    expect(answer.body.detail).toBe(
      'Invalid API key format: incorrect amount of API key parts, expected 2 got 4',
    );
    expectBearerChallenge(answer.headers, 'The access token is invalid');
  });

  it('answers 401 for a well-formed but unknown token', async () => {
    const answer = await me('zzzzzzzzzz-zzzzzzzzzzzzzzzzzzzzzz');
    expect(answer.status).toBe(401);
    expect(answer.body).toEqual({
      message: SIGNED_OUT,
      detail: 'API key is invalid.',
    });
    expectBearerChallenge(answer.headers, 'The access token is invalid');
  });

  it('answers 401 for a known key id with the wrong secret', async () => {
    const [id] = fake.tokens.demo.split('-');
    const answer = await me(`${id}-zzzzzzzzzzzzzzzzzzzzzz`);
    expect(answer.status).toBe(401);
    expect(answer.body.detail).toBe('API key secret is invalid.');
  });

  it('answers 401 for a revoked token', async () => {
    const { key } = await adminCall(fake, 'POST', '/tokens', { user: 'demo' });
    expect((await me(key)).status).toBe(200);
    await adminCall(fake, 'POST', '/revoke', { token: key });
    const answer = await me(key);
    expect(answer.status).toBe(401);
    expect(answer.body.detail).toBe('API key is invalid.');
    expectBearerChallenge(answer.headers, 'The access token is invalid');
  });

  it('answers 401 naming the expiry for an expired token', async () => {
    const { key } = await adminCall(fake, 'POST', '/tokens', {
      user: 'demo',
      lifetimeSeconds: -60,
    });
    const answer = await me(key);
    expect(answer.status).toBe(401);
    expect(answer.body.detail).toMatch(/^API key expired at ".+"\.$/);
    expectBearerChallenge(answer.headers, 'The access token has expired');
  });

  it('answers 401 for a suspended user’s valid token', async () => {
    await adminCall(fake, 'PUT', '/users/alice', { status: 'suspended' });
    const answer = await me(fake.tokens.alice);
    expect(answer.status).toBe(401);
    expect(answer.body).toEqual({
      message:
        'User is not active (status = "suspended"). Contact an admin to reactivate your account.',
    });
    expect(answer.headers.get('www-authenticate')).toMatch(/^Bearer /);
  });

  it('answers 401 on write endpoints too', async () => {
    const answer = await callCoder(fake, 'POST', '/api/v2/users/me/keys', {
      token: null,
    });
    expect(answer.status).toBe(401);
    expect(answer.body.message).toBe(SIGNED_OUT);
  });
});

describe('injected faults on the fake Coder match swagger', () => {
  it('answers 429 with Coder’s message and Retry-After from the rate-limit fault', async () => {
    await adminCall(fake, 'PUT', '/faults', {
      rateLimit: { retryAfterSeconds: 30, count: 1 },
    });
    const answer = await callCoder(fake, 'GET', '/api/v2/workspaces');
    expect(answer.status).toBe(429);
    expect(answer.body).toEqual({
      message:
        "You've been rate limited for sending more than 512 requests in 1m0s.",
    });
    expect(answer.headers.get('retry-after')).toBe('30');
    expect(answer.headers.get('x-ratelimit-limit')).toBe('512');
    expect((await callCoder(fake, 'GET', '/api/v2/workspaces')).status).toBe(
      200,
    );
  });

  it('answers 500 with a codersdk.Response from the status500 fault', async () => {
    await adminCall(fake, 'PUT', '/faults', { status500: 1 });
    const answer = await callCoder(fake, 'GET', '/api/v2/templates');
    expect(answer.status).toBe(500);
    expect(answer.body.message).toBe('An internal server error occurred.');
    expect(answer.body.detail).toBeTruthy();
  });

  it('is caught by the validator when the fault truncates the JSON', async () => {
    await adminCall(fake, 'PUT', '/faults', { malformedJson: 1 });
    const response = await fetch(`${fake.url}/api/v2/users/me`, {
      headers: { 'Coder-Session-Token': fake.tokens.demo },
    });
    expect(response.status).toBe(200);
    await expect(
      expectValidResponse(response, 'GET', '/api/v2/users/me'),
    ).rejects.toThrow(/must be object/);
  });
});

describe('unknown routes on the fake Coder', () => {
  it('answer 404 `Route not found.` as a codersdk.Response that swagger cannot place', async () => {
    const response = await fetch(`${fake.url}/api/v2/no-such-route`, {
      headers: { 'Coder-Session-Token': fake.tokens.demo },
    });
    expect(response.status).toBe(404);
    expect(response.headers.get('content-type')).toContain('application/json');
    // No operation exists, so the whole-response check can only say so…
    await expect(
      expectValidResponse(response, 'GET', '/api/v2/no-such-route'),
    ).rejects.toThrow('No swagger path matches GET /api/v2/no-such-route');
    // …and the body is checked against the §10 error shape directly.
    const body = await response.json();
    expect(body).toEqual({ message: 'Route not found.' });
    expect(
      validateAgainstSchema(
        'response',
        { $ref: '#/definitions/codersdk.Response' },
        body,
      ),
    ).toEqual([]);
  });
});
