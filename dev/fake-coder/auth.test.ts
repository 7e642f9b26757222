/** @jest-environment node */
import type { FakeCoder } from './server';
import { call, startTestFake } from './testing';

const SIGNED_OUT =
  'You are signed out or your session has expired. Please sign in again to continue.';

let fake: FakeCoder;
beforeAll(async () => {
  fake = await startTestFake({ buildStepMs: 60_000 });
});
afterAll(() => fake.close());
afterEach(() => call(fake, '/__fake/reset', { method: 'POST' }));

describe('authentication', () => {
  it('serves buildinfo without a token and stamps every response with X-Coder-Build-Version', async () => {
    const info = await call(fake, '/api/v2/buildinfo');
    expect(info.status).toBe(200);
    expect(info.body.version).toBe('v2.37.0-devel+fake0000');
    expect(info.body.dashboard_url).toBe(fake.url);
    expect(info.headers.get('x-coder-build-version')).toBe(
      'v2.37.0-devel+fake0000',
    );
    const denied = await call(fake, '/api/v2/users/me');
    expect(denied.headers.get('x-coder-build-version')).toBe(
      'v2.37.0-devel+fake0000',
    );
    expect(denied.headers.get('content-type')).toBe(
      'application/json; charset=utf-8',
    );
  });

  it('answers a missing token with 401, the cookie detail and a WWW-Authenticate challenge', async () => {
    const response = await call(fake, '/api/v2/users/me');
    expect(response.status).toBe(401);
    expect(response.body).toEqual({
      message: SIGNED_OUT,
      detail:
        'Cookie "coder_session_token" or query parameter must be provided.',
    });
    expect(response.headers.get('www-authenticate')).toBe(
      `Bearer realm="coder", error="invalid_token", error_description="The access token is invalid", resource_metadata="${fake.url}/.well-known/oauth-protected-resource"`,
    );
  });

  it.each([
    [
      'not-a-token-at-all',
      'Invalid API key format: incorrect amount of API key parts, expected 2 got 5',
    ],
    [
      'short-fakeCoderDemoSecret001',
      'Invalid API key format: invalid API key ID length, expected 10 got 5',
    ],
    [
      'demo000001-short',
      'Invalid API key format: invalid API key secret length, expected 22 got 5',
    ],
    ['zzzzzzzzzz-zzzzzzzzzzzzzzzzzzzzzz', 'API key is invalid.'],
    ['demo000001-zzzzzzzzzzzzzzzzzzzzzz', 'API key secret is invalid.'],
  ])(
    'rejects the token %s with the detail Coder gives',
    async (token, detail) => {
      const response = await call(fake, '/api/v2/users/me', { token });
      expect(response.status).toBe(401);
      expect(response.body).toEqual({ message: SIGNED_OUT, detail });
    },
  );

  it('accepts the token from each place Coder reads it', async () => {
    const token = fake.demoToken;
    const attempts: Array<{ path: string; headers: Record<string, string> }> = [
      { path: '/api/v2/users/me', headers: { 'Coder-Session-Token': token } },
      {
        path: '/api/v2/users/me',
        headers: { Authorization: `bearer ${token}` },
      },
      {
        path: '/api/v2/users/me',
        headers: { Cookie: `theme=dark; coder_session_token=${token}` },
      },
      { path: `/api/v2/users/me?coder_session_token=${token}`, headers: {} },
      { path: `/api/v2/users/me?access_token=${token}`, headers: {} },
    ];
    for (const attempt of attempts) {
      const response = await call(fake, attempt.path, {
        headers: attempt.headers,
      });
      expect({
        path: attempt.path,
        status: response.status,
        username: response.body.username,
      }).toEqual({
        path: attempt.path,
        status: 200,
        username: 'demo',
      });
    }
  });

  it('reports an expired key with its expiry time and an "expired" challenge', async () => {
    const minted = await call(fake, '/__fake/tokens', {
      method: 'POST',
      body: { user: 'demo', lifetimeSeconds: -60 },
    });
    const response = await call(fake, '/api/v2/users/me', {
      token: minted.body.key,
    });
    expect(response.status).toBe(401);
    expect(response.body.detail).toMatch(
      /^API key expired at "\d{4}-\d\d-\d\d \d\d:\d\d:\d\d(\.\d+)? \+0000 UTC"\.$/,
    );
    expect(response.headers.get('www-authenticate')).toContain(
      'error_description="The access token has expired"',
    );
  });

  it("turns a suspended user away with Coder's message and no detail", async () => {
    await call(fake, '/__fake/users/alice', {
      method: 'PUT',
      body: { status: 'suspended' },
    });
    const response = await call(fake, '/api/v2/users/me', {
      token: fake.tokens.alice,
    });
    expect(response.status).toBe(401);
    expect(response.body).toEqual({
      message:
        'User is not active (status = "suspended"). Contact an admin to reactivate your account.',
    });
  });

  it("makes revoked tokens invalid, one token or all of a user's", async () => {
    const extra = await call(fake, '/api/v2/users/me/keys', {
      method: 'POST',
      token: fake.demoToken,
    });
    expect(extra.status).toBe(201);
    expect(extra.body.key).toMatch(/^[A-Za-z0-9]{10}-[A-Za-z0-9]{22}$/);
    expect(
      (await call(fake, '/api/v2/users/me', { token: extra.body.key })).status,
    ).toBe(200);

    await call(fake, '/__fake/revoke', {
      method: 'POST',
      body: { token: extra.body.key },
    });
    expect(
      (await call(fake, '/api/v2/users/me', { token: extra.body.key })).body
        .detail,
    ).toBe('API key is invalid.');
    expect(
      (await call(fake, '/api/v2/users/me', { token: fake.demoToken })).status,
    ).toBe(200);

    const revoked = await call(fake, '/__fake/revoke', {
      method: 'POST',
      body: { user: 'demo' },
    });
    expect(revoked.body).toEqual({ revoked: 1 });
    expect(
      (await call(fake, '/api/v2/users/me', { token: fake.demoToken })).body
        .detail,
    ).toBe('API key is invalid.');
  });

  it('answers unknown routes under /api/v2 with 404 "Route not found." before authentication', async () => {
    const response = await call(fake, '/api/v2/nothing/here');
    expect(response.status).toBe(404);
    expect(response.body).toEqual({ message: 'Route not found.' });
  });
});

describe('users and organizations', () => {
  it('returns the member and the owner with their site roles and organization', async () => {
    const me = await call(fake, '/api/v2/users/me', { token: fake.demoToken });
    expect(me.body).toMatchObject({
      username: 'demo',
      name: 'Demo User',
      roles: [],
      status: 'active',
    });
    expect(me.body).not.toHaveProperty('avatar_url');
    const admin = await call(fake, '/api/v2/users/admin', {
      token: fake.demoToken,
    });
    expect(admin.body.roles).toEqual([
      { name: 'owner', display_name: 'Owner' },
    ]);
    const organizations = await call(fake, '/api/v2/users/me/organizations', {
      token: fake.demoToken,
    });
    expect(
      organizations.body.map(
        (organization: { name: string }) => organization.name,
      ),
    ).toEqual(['coder']);
    expect(me.body.organization_ids).toEqual([organizations.body[0].id]);
  });

  it('resolves an organization by id, name or "default" and 404s anything else', async () => {
    const byName = await call(fake, '/api/v2/organizations/coder', {
      token: fake.demoToken,
    });
    for (const reference of ['default', byName.body.id]) {
      expect(
        (
          await call(fake, `/api/v2/organizations/${reference}`, {
            token: fake.demoToken,
          })
        ).body,
      ).toEqual(byName.body);
    }
    const missing = await call(fake, '/api/v2/organizations/acme', {
      token: fake.demoToken,
    });
    expect(missing.status).toBe(404);
    expect(missing.body).toEqual({
      message: 'Resource not found or you do not have access to this resource',
    });
  });

  it('only lets a member mint keys for themself', async () => {
    expect(
      (
        await call(fake, '/api/v2/users/alice/keys', {
          method: 'POST',
          token: fake.demoToken,
        })
      ).status,
    ).toBe(403);
    expect(
      (
        await call(fake, '/api/v2/users/alice/keys', {
          method: 'POST',
          token: fake.tokens.admin,
        })
      ).status,
    ).toBe(201);
  });

  it('points app links at the access URL and a wildcard host', async () => {
    const regions = await call(fake, '/api/v2/regions', {
      token: fake.demoToken,
    });
    const port = new URL(fake.url).port;
    expect(regions.body.regions).toEqual([
      expect.objectContaining({
        name: 'primary',
        healthy: true,
        path_app_url: fake.url,
        wildcard_hostname: `*.apps.127.0.0.1.nip.io:${port}`,
      }),
    ]);
  });
});
