/** @jest-environment node */
import type { FakeCoder } from '../server';
import { CSRF_GENERIC_FAILURE, CSRF_MISMATCH_FAILURE } from './csrf';
import { DEV_OAUTH_APP } from './devApp';
import {
  admin,
  authorizeCode,
  authorizePath,
  pkcePair,
  postForm,
  raw,
  sessionCookie,
  startOAuthFake,
} from './testing';

const CALLBACK = 'http://localhost:3000/coder/oauth/callback';

let fake: FakeCoder;
beforeAll(async () => {
  fake = await startOAuthFake();
});
afterAll(() => fake.close());
afterEach(() => admin(fake, 'POST', '/reset'));

const { challenge } = pkcePair();

function get(path: string) {
  return raw(fake, path, { headers: sessionCookie(fake.tokens.demo) });
}

function post(path: string) {
  return raw(fake, path, {
    method: 'POST',
    headers: { 'Coder-Session-Token': fake.tokens.demo },
  });
}

describe('/oauth2/authorize client checks, before the session', () => {
  it('answers 400 invalid_request without client_id, even without a session', async () => {
    const answer = await raw(
      fake,
      authorizePath(challenge, { client_id: undefined }),
    );
    expect(answer.status).toBe(400);
    expect(answer.json).toEqual({
      error: 'invalid_request',
      error_description: 'Missing client_id parameter',
    });
  });

  it.each(['nope', 'c0de0009-0000-4000-8000-00000000ffff'])(
    'answers 401 invalid_client for client_id %s',
    async clientId => {
      const answer = await get(
        authorizePath(challenge, { client_id: clientId }),
      );
      expect(answer.status).toBe(401);
      expect(answer.json.error).toBe('invalid_client');
      expect(answer.headers.get('www-authenticate')).toBe(
        'Basic realm="coder"',
      );
    },
  );

  it('redirects an unauthenticated browser to /login with Coder’s message', async () => {
    const path = authorizePath(challenge);
    const answer = await raw(fake, path);
    expect(answer.status).toBe(303);
    expect(answer.headers.get('location')).toBe(
      `/login?message=You+are+signed+out+or+your+session+has+expired.+Please+sign+in+again+to+continue.&redirect=${encodeURIComponent(path)}`,
    );
    expect(answer.headers.get('cache-control')).toBe('no-store');
    // An expired session is sent to log in again too.
    const expired = await admin(fake, 'POST', '/tokens', {
      user: 'demo',
      lifetimeSeconds: -1,
    });
    const again = await raw(fake, path, {
      headers: sessionCookie(expired.key),
    });
    expect(again.status).toBe(303);
  });
});

describe('GET /oauth2/authorize (consent page)', () => {
  it('shows the app and the user, with the dev app’s callback accepted exactly', async () => {
    const page = await get(
      authorizePath(challenge, { redirect_uri: CALLBACK }),
    );
    expect(page.status).toBe(200);
    expect(page.text).toContain('Authorize Backstage (dev)');
    expect(page.text).toContain('Demo User (demo)');
  });

  it.each([
    [
      'a missing response_type',
      { response_type: undefined },
      'Query param "response_type" is required and cannot be empty',
    ],
    [
      'a missing code_challenge',
      { code_challenge: undefined },
      'Query param "code_challenge" is required and cannot be empty',
    ],
    [
      'a 42-character code_challenge',
      { code_challenge: 'c'.repeat(42) },
      'must be 43 to 128 characters from the unreserved character set [A-Za-z0-9-._~]',
    ],
    [
      'a code_challenge with a bad character',
      { code_challenge: `${'c'.repeat(43)}+` },
      'must be 43 to 128 characters from the unreserved character set [A-Za-z0-9-._~]',
    ],
    [
      'another redirect_uri',
      { redirect_uri: 'http://localhost:3000/coder/oauth/callback/' },
      'redirect_uri',
    ],
    [
      'a resource with a fragment',
      { resource: 'https://coder.example.com/#x' },
      'must be an absolute URI without fragment',
    ],
    [
      'an unknown parameter',
      { prompt: 'consent' },
      '"prompt" is not a valid query param',
    ],
    [
      'response_type=token',
      { response_type: 'token' },
      'Only response_type=code is supported',
    ],
  ])('renders the 400 error page for %s', async (_label, extra, warning) => {
    const answer = await get(authorizePath(challenge, extra));
    expect(answer.status).toBe(400);
    expect(answer.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(answer.text).toContain('Invalid Query Parameters');
    expect(answer.text).toContain(warning.replace(/"/g, '&#34;'));
  });

  it.each([
    ['plain', "code_challenge_method 'plain' is not supported; use 'S256'"],
    ['S512', 'unsupported code_challenge_method: S512'],
  ])(
    'redirects code_challenge_method=%s to the callback as invalid_request',
    async (method, description) => {
      const answer = await get(
        authorizePath(challenge, { code_challenge_method: method }),
      );
      expect(answer.status).toBe(302);
      const location = new URL(answer.headers.get('location')!);
      expect(location.searchParams.get('error')).toBe('invalid_request');
      expect(location.searchParams.get('error_description')).toBe(description);
      expect(location.searchParams.get('state')).toBe('state-123');
    },
  );
});

describe('POST /oauth2/authorize (the decision)', () => {
  it('answers parameter problems with a 400 OAuth2 error', async () => {
    const answer = await post(
      authorizePath(challenge, { code_challenge: 'short' }),
    );
    expect(answer.status).toBe(400);
    expect(answer.json).toEqual({
      error: 'invalid_request',
      error_description:
        'Invalid query params: field: code_challenge detail: must be 43 to 128 characters from the unreserved character set [A-Za-z0-9-._~]',
    });
  });

  it('redirects response_type=token to the callback as unsupported_response_type', async () => {
    const answer = await post(
      authorizePath(challenge, { response_type: 'token' }),
    );
    expect(answer.status).toBe(302);
    expect(answer.headers.get('location')).toBe(
      `${CALLBACK}?error=unsupported_response_type&error_description=Only+response_type%3Dcode+is+supported&state=state-123`,
    );
    expect(answer.headers.get('content-type')).toBeNull();
  });

  it('leaves out state when the client sent none and keeps the callback’s own query', async () => {
    await raw(fake, `/api/v2/oauth2-provider/apps/${DEV_OAUTH_APP.clientId}`, {
      method: 'PUT',
      headers: {
        'Coder-Session-Token': fake.tokens.admin,
        'Content-Type': 'application/json',
      },
      body: JSON.stringify({
        name: 'backstage-dev',
        callback_url: `${CALLBACK}?tenant=a&state=stale`,
      }),
    });
    const { location } = await authorizeCode(fake, challenge, {
      extra: { state: undefined },
    });
    expect(location.toString()).toMatch(
      new RegExp(`^${CALLBACK}\\?code=coder_[^&]+&tenant=a$`),
    );
  });
});

describe('CSRF on the consent form (httpmw.CSRF)', () => {
  const path = authorizePath(challenge);

  async function csrfToken(): Promise<string> {
    const page = await get(path);
    return /name="csrf_token" value="([^"]+)"/.exec(page.text)![1];
  }

  it('refuses a cookie-authenticated POST without the token', async () => {
    const answer = await postForm(
      fake,
      path,
      {},
      {
        headers: sessionCookie(fake.tokens.demo),
      },
    );
    expect(answer.status).toBe(400);
    expect(answer.headers.get('content-type')).toBe(
      'text/plain; charset=utf-8',
    );
    expect(answer.text).toBe(`${CSRF_GENERIC_FAILURE}\n`);
  });

  it('refuses a token bound to another session', async () => {
    const token = await csrfToken();
    const answer = await postForm(
      fake,
      path,
      { csrf_token: token },
      {
        headers: sessionCookie(fake.tokens.alice),
      },
    );
    expect(answer.status).toBe(400);
  });

  it('explains a cookie and a Coder-Session-Token header that differ', async () => {
    const answer = await postForm(
      fake,
      path,
      {},
      {
        headers: {
          ...sessionCookie(fake.tokens.demo),
          'Coder-Session-Token': fake.tokens.alice,
        },
      },
    );
    expect(answer.status).toBe(400);
    expect(answer.text).toBe(`${CSRF_MISMATCH_FAILURE}\n`);
  });

  it.each([
    [
      'the form token',
      async () => ({ body: { csrf_token: await csrfToken() }, headers: {} }),
    ],
    [
      'the X-CSRF-TOKEN header',
      async () => ({
        body: {},
        headers: { 'X-CSRF-TOKEN': await csrfToken() },
      }),
    ],
    [
      'a matching Coder-Session-Token header',
      async () => ({
        body: {},
        headers: { 'Coder-Session-Token': fake.tokens.demo },
      }),
    ],
    [
      'an Authorization: Bearer header',
      async () => ({
        body: {},
        headers: { Authorization: `Bearer ${fake.tokens.demo}` },
      }),
    ],
  ])('accepts a cookie-authenticated POST with %s', async (_label, make) => {
    const { body, headers } = await make();
    const answer = await postForm(fake, path, body, {
      headers: { ...sessionCookie(fake.tokens.demo), ...headers },
    });
    expect(answer.status).toBe(302);
  });

  it('exempts header-only sessions, as a setup CLI uses them', async () => {
    const answer = await post(path);
    expect(answer.status).toBe(302);
  });

  it('guards cookie-authenticated /api writes too', async () => {
    const bare = await raw(fake, '/api/v2/users/me/keys', {
      method: 'POST',
      headers: sessionCookie(fake.tokens.demo),
    });
    expect(bare.status).toBe(400);
    expect(bare.text).toBe(`${CSRF_GENERIC_FAILURE}\n`);
    const withToken = await raw(fake, '/api/v2/users/me/keys', {
      method: 'POST',
      headers: {
        ...sessionCookie(fake.tokens.demo),
        'X-CSRF-TOKEN': await csrfToken(),
      },
    });
    expect(withToken.status).toBe(201);
  });
});
