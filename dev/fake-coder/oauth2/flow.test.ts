/** @jest-environment node */
import type { FakeCoder } from '../server';
import { DEV_OAUTH_APP } from './devApp';
import {
  admin,
  authorizeCode,
  authorizePath,
  DEV_BASIC,
  exchangeCode,
  issueTokens,
  pkcePair,
  postForm,
  raw,
  refresh,
  sessionCookie,
  startOAuthFake,
  whoAmI,
} from './testing';

const CALLBACK = 'http://localhost:3000/coder/oauth/callback';

let fake: FakeCoder;
beforeAll(async () => {
  fake = await startOAuthFake();
});
afterAll(() => fake.close());
afterEach(() => admin(fake, 'POST', '/reset'));

async function login(email: string, password: string) {
  return raw(fake, '/api/v2/users/login', {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ email, password }),
  });
}

describe('the authorization-code flow, as a browser and Backstage run it', () => {
  it('goes login → consent → code → tokens → API → refresh → revoke', async () => {
    const { verifier, challenge } = pkcePair();
    const path = authorizePath(challenge);

    // No session: Coder sends the browser to its login page and back.
    const bounced = await raw(fake, path);
    expect(bounced.status).toBe(303);
    const loginUrl = new URL(bounced.headers.get('location')!, fake.url);
    expect(loginUrl.pathname).toBe('/login');
    expect(loginUrl.searchParams.get('redirect')).toBe(path);
    const page = await raw(fake, `${loginUrl.pathname}${loginUrl.search}`);
    expect(page.status).toBe(200);
    expect(page.text).toContain('<label for="email">Email</label>');
    expect(page.text).toContain('<label for="password">Password</label>');
    expect(page.text).toContain('<button type="submit">Sign In</button>');

    const signedIn = await login('demo@example.com', 'demo-password');
    expect(signedIn.status).toBe(201);
    const session = signedIn.json.session_token as string;
    expect(signedIn.headers.get('set-cookie')).toMatch(
      new RegExp(
        `^coder_session_token=${session}; Path=/; Expires=.+; HttpOnly; SameSite=Lax$`,
      ),
    );

    const consent = await raw(fake, path, { headers: sessionCookie(session) });
    expect(consent.status).toBe(200);
    expect(consent.headers.get('content-type')).toBe(
      'text/html; charset=utf-8',
    );
    expect(consent.text).toContain(`Authorize ${DEV_OAUTH_APP.name}`);
    expect(consent.text).toContain('Demo User (demo)');
    expect(consent.text).toContain('<button type="submit">Allow</button>');
    expect(consent.text).toMatch(/<a role="button" href="[^"]+">Cancel<\/a>/);
    const csrf = /name="csrf_token" value="([^"]+)"/.exec(consent.text)![1];

    const allowed = await postForm(
      fake,
      path,
      { csrf_token: csrf },
      {
        headers: sessionCookie(session),
      },
    );
    expect(allowed.status).toBe(302);
    const callback = new URL(allowed.headers.get('location')!);
    expect(`${callback.origin}${callback.pathname}`).toBe(CALLBACK);
    expect(callback.searchParams.get('state')).toBe('state-123');
    const code = callback.searchParams.get('code')!;
    expect(code).toMatch(/^coder_[A-Za-z0-9]{10}_[A-Za-z0-9]{40}$/);

    const issued = await exchangeCode(fake, code, verifier);
    expect(issued.status).toBe(200);
    expect(issued.json).toEqual({
      access_token: expect.stringMatching(/^[A-Za-z0-9]{10}-[A-Za-z0-9]{22}$/),
      token_type: 'Bearer',
      expires_in: expect.any(Number),
      refresh_token: expect.stringMatching(
        /^coder_[A-Za-z0-9]{10}_[A-Za-z0-9]{40}$/,
      ),
      expiry: expect.stringMatching(
        /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?Z$/,
      ),
    });
    expect(issued.json.expires_in).toBeGreaterThan(86_390);
    expect(issued.json.expires_in).toBeLessThanOrEqual(86_400);
    const first = issued.json;

    expect((await whoAmI(fake, first.access_token)).json.username).toBe('demo');
    const bearer = await raw(fake, '/api/v2/users/me', {
      headers: { Authorization: `Bearer ${first.access_token}` },
    });
    expect(bearer.json.username).toBe('demo');

    const rotated = await refresh(fake, first.refresh_token);
    expect(rotated.status).toBe(200);
    const second = rotated.json;
    expect(second.refresh_token).not.toBe(first.refresh_token);
    expect((await whoAmI(fake, second.access_token)).status).toBe(200);
    const oldAccess = await whoAmI(fake, first.access_token);
    expect(oldAccess.status).toBe(401);
    expect(oldAccess.json.detail).toBe('API key is invalid.');
    const replay = await refresh(fake, first.refresh_token);
    expect(replay.status).toBe(400);
    expect(replay.json).toEqual({
      error: 'invalid_grant',
      error_description: 'The refresh token is invalid or expired',
    });

    const revoked = await postForm(fake, '/oauth2/revoke', {
      client_id: DEV_OAUTH_APP.clientId,
      token: second.refresh_token,
    });
    expect(revoked.status).toBe(200);
    expect(revoked.text).toBe('');
    expect(revoked.headers.get('content-type')).toBeNull();
    expect((await whoAmI(fake, second.access_token)).status).toBe(401);
    expect((await refresh(fake, second.refresh_token)).status).toBe(400);

    expect(await admin(fake, 'GET', '/oauth2/tokens')).toEqual([
      expect.objectContaining({
        clientId: DEV_OAUTH_APP.clientId,
        username: 'demo',
        accessToken: first.access_token,
        refreshToken: first.refresh_token,
        revoked: true,
        revokedBy: 'rotation',
      }),
      expect.objectContaining({
        accessToken: second.access_token,
        revoked: true,
        revokedBy: 'revoke',
      }),
    ]);
  });

  it('cancels to the callback with access_denied and the state', async () => {
    const { challenge } = pkcePair();
    const consent = await raw(
      fake,
      authorizePath(challenge, { state: 'a b' }),
      {
        headers: sessionCookie(fake.tokens.demo),
      },
    );
    const href = /<a role="button" href="([^"]+)">Cancel/
      .exec(consent.text)![1]
      .replace(/&amp;/g, '&');
    expect(href).toBe(
      `${CALLBACK}?error=access_denied&error_description=The+resource+owner+or+authorization+server+denied+the+request&state=a+b`,
    );
  });

  it('records /oauth2 requests with their headers, Basic included', async () => {
    await admin(fake, 'DELETE', '/requests');
    await issueTokens(fake);
    const requests = await admin(fake, 'GET', '/requests');
    const token = requests.find(
      (entry: { url: string }) => entry.url === '/oauth2/tokens',
    );
    expect(token.method).toBe('POST');
    expect(token.headers.authorization).toBe(
      `Basic ${Buffer.from(DEV_BASIC.join(':')).toString('base64')}`,
    );
    expect(
      requests.some((entry: { url: string }) =>
        entry.url.startsWith('/oauth2/authorize'),
      ),
    ).toBe(true);
  });
});

describe('token lifetimes and replacement', () => {
  it('keeps one pair per user and app: a new exchange kills the old pair', async () => {
    const first = await issueTokens(fake);
    const second = await issueTokens(fake);
    expect((await whoAmI(fake, first.access_token)).status).toBe(401);
    expect((await refresh(fake, first.refresh_token)).status).toBe(400);
    expect((await whoAmI(fake, second.access_token)).status).toBe(200);
    const pairs = await admin(fake, 'GET', '/oauth2/tokens');
    expect(pairs.map((pair: { revokedBy?: string }) => pair.revokedBy)).toEqual(
      ['replaced', undefined],
    );
    // Another user's pair for the same app is unaffected.
    const alice = await issueTokens(fake, fake.tokens.alice);
    expect((await whoAmI(fake, alice.access_token)).json.username).toBe(
      'alice',
    );
    expect((await whoAmI(fake, second.access_token)).status).toBe(200);
  });

  it('expires every access token on demand while refresh tokens keep working', async () => {
    const pair = await issueTokens(fake);
    expect(await admin(fake, 'POST', '/oauth2/expire')).toEqual({ expired: 1 });
    const expired = await whoAmI(fake, pair.access_token);
    expect(expired.status).toBe(401);
    expect(expired.json.detail).toMatch(/^API key expired at ".+"\.$/);
    expect(expired.headers.get('www-authenticate')).toContain(
      'error_description="The access token has expired"',
    );
    const refreshed = await refresh(fake, pair.refresh_token);
    expect(refreshed.status).toBe(200);
    expect((await whoAmI(fake, refreshed.json.access_token)).status).toBe(200);
  });

  it('issues access tokens with the lifetime the admin API sets', async () => {
    await admin(fake, 'POST', '/oauth2', { accessTokenLifetimeSeconds: 120 });
    const pair = await issueTokens(fake);
    expect(pair.expires_in).toBeGreaterThan(110);
    expect(pair.expires_in).toBeLessThanOrEqual(120);
  });

  it('lets a user revoke an app with DELETE /oauth2/tokens', async () => {
    const pair = await issueTokens(fake);
    const { challenge } = pkcePair();
    const { code } = await authorizeCode(fake, challenge);
    const deleted = await raw(
      fake,
      `/oauth2/tokens?client_id=${DEV_OAUTH_APP.clientId}`,
      {
        method: 'DELETE',
        headers: { 'Coder-Session-Token': fake.tokens.demo },
      },
    );
    expect(deleted.status).toBe(204);
    expect((await whoAmI(fake, pair.access_token)).status).toBe(401);
    // The outstanding code went too.
    expect((await exchangeCode(fake, code, 'x'.repeat(43))).json.error).toBe(
      'invalid_grant',
    );
    const unauthenticated = await raw(
      fake,
      `/oauth2/tokens?client_id=${DEV_OAUTH_APP.clientId}`,
      { method: 'DELETE' },
    );
    expect(unauthenticated.status).toBe(401);
    expect(unauthenticated.json.message).toMatch(/^You are signed out/);
  });
});

describe('POST /oauth2/revoke', () => {
  const revoke = (token: string, clientId: string = DEV_OAUTH_APP.clientId) =>
    postForm(fake, '/oauth2/revoke', { client_id: clientId, token });

  it('revokes the pair when given the access token', async () => {
    const pair = await issueTokens(fake);
    expect((await revoke(pair.access_token)).status).toBe(200);
    expect((await whoAmI(fake, pair.access_token)).status).toBe(401);
    expect((await refresh(fake, pair.refresh_token)).status).toBe(400);
  });

  it('answers 200 for unknown tokens and ignores other clients’ tokens', async () => {
    const pair = await issueTokens(fake);
    expect((await revoke('zzzzzzzzzz-zzzzzzzzzzzzzzzzzzzzzz')).status).toBe(
      200,
    );
    expect(
      (await revoke(`coder_${'a'.repeat(10)}_${'b'.repeat(40)}`)).status,
    ).toBe(200);
    // A session key that is not an OAuth2 token is left alone.
    expect((await revoke(fake.tokens.demo)).status).toBe(200);
    expect((await whoAmI(fake, fake.tokens.demo)).status).toBe(200);
    const created = await raw(fake, '/api/v2/oauth2-provider/apps', {
      method: 'POST',
      headers: {
        'Coder-Session-Token': fake.tokens.admin,
        'Content-Type': 'application/json',
      },
      body: JSON.stringify({
        name: 'other',
        callback_url: 'https://other.example/cb',
      }),
    });
    expect((await revoke(pair.refresh_token, created.json.id)).status).toBe(
      200,
    );
    expect((await whoAmI(fake, pair.access_token)).status).toBe(200);
  });

  it('answers 400 invalid_request for a missing or malformed token', async () => {
    const missing = await postForm(fake, '/oauth2/revoke', {
      client_id: DEV_OAUTH_APP.clientId,
    });
    expect(missing.status).toBe(400);
    expect(missing.json).toEqual({
      error: 'invalid_request',
      error_description: 'missing token parameter',
    });
    for (const token of ['not-a-token-at-all', 'coder_only_two_parts_x']) {
      const malformed = await revoke(token);
      expect(malformed.status).toBe(400);
      expect(malformed.json).toEqual({
        error: 'invalid_request',
        error_description: 'Invalid token format',
      });
    }
  });
});

describe('reset', () => {
  it('restores the dev app, its secret and the start-up settings', async () => {
    await admin(fake, 'POST', '/oauth2', {
      experiment: false,
      dcrEnabled: true,
    });
    await raw(fake, `/api/v2/oauth2-provider/apps/${DEV_OAUTH_APP.clientId}`, {
      method: 'DELETE',
      headers: { 'Coder-Session-Token': fake.tokens.admin },
    });
    await admin(fake, 'POST', '/reset');
    expect(await admin(fake, 'GET', '/oauth2')).toEqual({
      experiment: true,
      dcrEnabled: false,
      accessTokenLifetimeSeconds: 86_400,
      callbackUrl: CALLBACK,
    });
    expect((await issueTokens(fake)).access_token).toBeTruthy();
  });
});
