/** @jest-environment node */
import { TOKEN_LIFETIMES } from './api/apiKeys';
import { formatGoDuration } from './goText';
import type { FakeCoder } from './server';
import { call, startTestFake } from './testing';

/*
 * Named API tokens, as the plugin uses them for VS Code: POST
 * /users/me/keys/tokens, then DELETE /users/me/keys/{id} with the token
 * itself. Coder at c9a1e2bceef354408b890f81bb6b3eb0c6fb1af7.
 */

const SIGNED_OUT =
  'You are signed out or your session has expired. Please sign in again to continue.';
const NOT_FOUND = {
  message: 'Resource not found or you do not have access to this resource',
};
const KEY = /^[A-Za-z0-9]{10}-[A-Za-z0-9]{22}$/;
const DAY_NS = 86_400_000_000_000;

let fake: FakeCoder;
beforeAll(async () => {
  fake = await startTestFake({ buildStepMs: 60_000 });
});
afterAll(() => fake.close());
afterEach(() => call(fake, '/__fake/reset', { method: 'POST' }));

function mint(token: string, body: unknown, user = 'me') {
  return call(fake, `/api/v2/users/${user}/keys/tokens`, {
    method: 'POST',
    token,
    body,
  });
}

function remove(token: string, keyId: string, user = 'me') {
  return call(fake, `/api/v2/users/${user}/keys/${keyId}`, {
    method: 'DELETE',
    token,
  });
}

const keyId = (key: string) => key.split('-')[0];

describe('POST /users/{user}/keys/tokens', () => {
  // coderd/apikey.go postToken; codersdk/apikey.go GenerateAPIKeyResponse;
  // coderd/httpmw/apikey.go (the key authenticates like any other).
  it('mints a named key that authenticates, answering 201 {"key"}', async () => {
    const minted = await mint(fake.demoToken, {
      token_name: 'backstage-vscode-abcd1234',
      lifetime: DAY_NS,
    });
    expect(minted.status).toBe(201);
    expect(minted.headers.get('content-type')).toBe(
      'application/json; charset=utf-8',
    );
    expect(Object.keys(minted.body)).toEqual(['key']);
    expect(minted.body.key).toMatch(KEY);

    const me = await call(fake, '/api/v2/users/me', { token: minted.body.key });
    expect(me.status).toBe(200);
    expect(me.body.username).toBe('demo');
  });

  // coderd/apikey.go tokens + users.go convertAPIKey; codersdk/apikey.go
  // APIKeyWithOwner; httpmw/apikey.go moves last_used on use.
  it('lists the token with its name, lifetime, scope and owner', async () => {
    const before = Date.now();
    const minted = await mint(fake.demoToken, {
      token_name: 'backstage-vscode-abcd1234',
      lifetime: DAY_NS,
    });
    const listed = await call(fake, '/api/v2/users/me/keys/tokens', {
      token: minted.body.key,
    });
    expect(listed.status).toBe(200);
    expect(listed.body).toEqual([
      {
        id: keyId(minted.body.key),
        user_id: 'c0de0001-0000-4000-8000-000000000001',
        last_used: expect.any(String),
        expires_at: expect.any(String),
        created_at: expect.any(String),
        updated_at: expect.any(String),
        login_type: 'token',
        scope: 'all',
        scopes: ['coder:all'],
        token_name: 'backstage-vscode-abcd1234',
        lifetime_seconds: 86_400,
        allow_list: ['*:*'],
        username: 'demo',
      },
    ]);
    const [token] = listed.body;
    const expiresIn = Date.parse(token.expires_at) - before;
    expect(expiresIn).toBeGreaterThanOrEqual(86_400_000 - 1000);
    expect(expiresIn).toBeLessThan(86_400_000 + 60_000);
    // Used once (to list), so no longer the Unix epoch.
    expect(Date.parse(token.last_used)).toBeGreaterThanOrEqual(before - 1000);
  });

  // coderd/apikey.go tokens: a nil slice is `null`; login type `token` only.
  it('lists no tokens as null, and not the session keys', async () => {
    await call(fake, '/api/v2/users/me/keys', {
      method: 'POST',
      token: fake.demoToken,
    });
    const listed = await call(fake, '/api/v2/users/me/keys/tokens', {
      token: fake.demoToken,
    });
    expect(listed.status).toBe(200);
    expect(listed.body).toBeNull();
  });

  // coderd/apikey.go postToken (NameDigitWith) + apikey/apikey.go Generate
  // (DefaultLifetime); codersdk/deployment.go default-token-lifetime 7 days.
  // A lifetime of 0 is not validated (`if createToken.Lifetime != 0`): it is
  // the same as none, not a 400.
  it('names an unnamed token and gives lifetime 0 or none the default 7 days', async () => {
    expect((await mint(fake.demoToken, {})).status).toBe(201);
    expect((await mint(fake.demoToken, { lifetime: 0 })).status).toBe(201);
    const listed = await call(fake, '/api/v2/users/me/keys/tokens', {
      token: fake.demoToken,
    });
    expect(listed.body).toHaveLength(2);
    for (const token of listed.body) {
      expect(token.token_name).toMatch(/^[a-z]+_[a-z]+\d\d$/);
      expect(token.lifetime_seconds).toBe(604_800);
    }
  });

  // coderd/apikey.go postToken: IsUniqueViolation(idx_api_key_name), unique per
  // user (database/dump.sql idx_api_key_name).
  it('refuses a second token of the same name with 409 and the name validation', async () => {
    const body = { token_name: 'backstage-vscode-abcd1234', lifetime: DAY_NS };
    expect((await mint(fake.demoToken, body)).status).toBe(201);
    const again = await mint(fake.demoToken, body);
    expect(again.status).toBe(409);
    expect(again.body).toEqual({
      message: 'A token with name "backstage-vscode-abcd1234" already exists.',
      validations: [
        {
          field: 'name',
          detail: 'This value is already in use and should be unique.',
        },
      ],
    });
    // Another user may use the name.
    expect((await mint(fake.tokens.alice, body)).status).toBe(201);
  });

  // coderd/apikey.go validateAPIKeyLifetime + getMaxTokenLifetime;
  // codersdk/deployment.go max-token-lifetime (100 years + 25 leap days) and
  // max-admin-token-lifetime (7 days).
  const lifetimeRequest = (user: 'demo' | 'admin', lifetime: string) =>
    call(fake, '/api/v2/users/me/keys/tokens', {
      method: 'POST',
      token: fake.tokens[user],
      body: `{"token_name":"t","lifetime":${lifetime}}`,
    });

  it.each([
    ['a member at the maximum', 'demo', '3155760000000000000'],
    ['an owner at 7 days', 'admin', '604800000000000'],
  ] as const)('accepts the lifetime of %s', async (_case, user, lifetime) => {
    const response = await lifetimeRequest(user, lifetime);
    expect(response.status).toBe(201);
    expect(response.body.key).toMatch(KEY);
  });

  it.each([
    [
      'a member 1 ns over',
      'demo',
      '3155760000000000001',
      'lifetime must be less than 876600h0m0s',
    ],
    [
      'an owner 1 ns over 7 days',
      'admin',
      '604800000000001',
      'lifetime must be less than 168h0m0s',
    ],
    [
      'a negative one',
      'demo',
      '-1',
      'lifetime must be positive number greater than 0',
    ],
  ] as const)(
    'refuses the lifetime of %s with 400',
    async (_case, user, lifetime, detail) => {
      const response = await lifetimeRequest(user, lifetime);
      expect(response.status).toBe(400);
      expect(response.body).toEqual({
        message: 'Failed to validate create API key request.',
        detail,
      });
    },
  );

  // coderd/apikey.go getMaxTokenLifetime(user.ID): the maximum of the user the
  // token is for, not of the caller.
  it("lets an owner mint for a member with the member's maximum", async () => {
    const minted = await mint(
      fake.tokens.admin,
      { token_name: 'ci', lifetime: 30 * DAY_NS },
      'alice',
    );
    expect(minted.status).toBe(201);
    const me = await call(fake, '/api/v2/users/me', { token: minted.body.key });
    expect(me.body.username).toBe('alice');
  });

  // httpapi.Read (encoding/json into codersdk.CreateTokenRequest, whose
  // Lifetime is a time.Duration).
  it.each([
    [
      '{"lifetime":1.5}',
      'json: cannot unmarshal number 1.5 into Go struct field CreateTokenRequest.lifetime of type time.Duration',
    ],
    [
      '{"lifetime":"24h"}',
      'json: cannot unmarshal string into Go struct field CreateTokenRequest.lifetime of type time.Duration',
    ],
    [
      '{"token_name":42}',
      'json: cannot unmarshal number into Go struct field CreateTokenRequest.token_name of type string',
    ],
    ['', 'EOF'],
  ])('rejects the body %s like Go', async (body, detail) => {
    const response = await call(fake, '/api/v2/users/me/keys/tokens', {
      method: 'POST',
      token: fake.demoToken,
      body,
    });
    expect(response.status).toBe(400);
    expect(response.body).toEqual({
      message: 'Request body must be valid JSON.',
      detail,
    });
  });

  // coderd/apikey.go postToken scope mapping + rbac/scopes_catalog.go
  // IsExternalScope; users.go convertAPIKey's legacy scope.
  it('maps the legacy scope, refuses unknown scopes with 400', async () => {
    const connect = await mint(fake.demoToken, {
      token_name: 'connect',
      scope: 'application_connect',
    });
    expect(connect.status).toBe(201);
    const listed = await call(fake, '/api/v2/users/me/keys/tokens', {
      token: fake.demoToken,
    });
    expect(listed.body[0]).toMatchObject({
      scope: 'application_connect',
      scopes: ['coder:application_connect'],
    });

    const unknown = await mint(fake.demoToken, {
      token_name: 'x',
      scopes: ['workspace:read', 'everything'],
    });
    expect(unknown.status).toBe(400);
    expect(unknown.body).toEqual({
      message: 'Failed to create API key.',
      detail: 'invalid or unsupported API key scope: "everything"',
    });

    // `scopes` is stored as given, and the alias is no api_key_scope value:
    // apikey/apikey.go Generate refuses it, a 500 in Coder too.
    const alias = await mint(fake.demoToken, {
      token_name: 'y',
      scopes: ['all'],
    });
    expect(alias.status).toBe(500);
    expect(alias.body).toEqual({
      message: 'Failed to create API key.',
      detail: 'generate API key: invalid API key scope: "all"',
    });
  });

  // coderd/coderd.go ExtractUserParam (via dbauthz: a member reads only
  // themself) and dbauthz InsertAPIKey.
  it("does not let a member mint for someone else: the user is 'not found'", async () => {
    const response = await mint(fake.demoToken, { token_name: 'x' }, 'alice');
    expect(response.status).toBe(404);
    expect(response.body).toEqual(NOT_FOUND);
  });

  // coderd/apikey.go tokenConfig.
  it('reports the maximum lifetime in nanoseconds', async () => {
    const member = await call(
      fake,
      '/api/v2/users/me/keys/tokens/tokenconfig',
      { token: fake.demoToken },
    );
    expect(member.body).toEqual({ max_token_lifetime: 3155760000000000000 });
    const owner = await call(fake, '/api/v2/users/me/keys/tokens/tokenconfig', {
      token: fake.tokens.admin,
    });
    expect(owner.body).toEqual({ max_token_lifetime: 604800000000000 });
  });
});

describe('DELETE /users/{user}/keys/{keyid}', () => {
  // coderd/apikey.go deleteAPIKey; httpmw/apikey.go "API key is invalid."
  it('deletes a key with the key itself (204), after which it is refused with 401', async () => {
    const { key } = (
      await mint(fake.demoToken, {
        token_name: 'backstage-vscode-abcd1234',
        lifetime: DAY_NS,
      })
    ).body;
    const deleted = await remove(key, keyId(key));
    expect(deleted.status).toBe(204);
    expect(deleted.body).toBe('');
    expect(deleted.headers.get('content-type')).toBeNull();

    const after = await call(fake, '/api/v2/users/me', { token: key });
    expect(after.status).toBe(401);
    expect(after.body).toEqual({
      message: SIGNED_OUT,
      detail: 'API key is invalid.',
    });
    // The name is free again.
    expect(
      (await mint(fake.demoToken, { token_name: 'backstage-vscode-abcd1234' }))
        .status,
    ).toBe(201);
  });

  // coderd/apikey.go deleteAPIKey: DeleteAPIKeyByID -> httpapi.Is404Error.
  it('answers an unknown key id with 404', async () => {
    const response = await remove(fake.demoToken, 'zzzzzzzzzz');
    expect(response.status).toBe(404);
    expect(response.body).toEqual(NOT_FOUND);
  });

  // dbauthz DeleteAPIKeyByID (deleteQ: delete on the key's owner) ->
  // NotAuthorizedError -> httpapi.Is404Error; rbac/roles.go owner vs member.
  it("answers a member deleting another user's key with 404 and keeps the key; an owner may delete it", async () => {
    const { key } = (await mint(fake.tokens.alice, { token_name: 'mine' }))
      .body;
    const asMember = await remove(fake.demoToken, keyId(key));
    expect(asMember.status).toBe(404);
    expect(asMember.body).toEqual(NOT_FOUND);
    const viaPath = await remove(fake.demoToken, keyId(key), 'alice');
    expect(viaPath.status).toBe(404);
    expect(viaPath.body).toEqual(NOT_FOUND);
    expect(
      (await call(fake, '/api/v2/users/me', { token: key })).body.username,
    ).toBe('alice');

    expect((await remove(fake.tokens.admin, keyId(key))).status).toBe(204);
    expect((await call(fake, '/api/v2/users/me', { token: key })).status).toBe(
      401,
    );
  });
});

describe('request log', () => {
  it('keeps the body the handler read', async () => {
    await call(fake, '/__fake/requests', { method: 'DELETE' });
    await mint(fake.demoToken, { token_name: 'logged', lifetime: DAY_NS });
    const log = await call(fake, '/__fake/requests');
    expect(log.body).toEqual([
      expect.objectContaining({
        method: 'POST',
        url: '/api/v2/users/me/keys/tokens',
        body: `{"token_name":"logged","lifetime":${DAY_NS}}`,
      }),
    ]);
  });
});

describe('formatGoDuration (time.Duration.String)', () => {
  it.each([
    [0n, '0s'],
    [1n, '1ns'],
    [1500n, '1.5µs'],
    [1_500_000n, '1.5ms'],
    [1_500_000_000n, '1.5s'],
    [90_000_000_000n, '1m30s'],
    [3_600_000_000_000n, '1h0m0s'],
    [-90_000_000_000n, '-1m30s'],
    [TOKEN_LIFETIMES.maxLifetime, '876600h0m0s'],
    [TOKEN_LIFETIMES.maxAdminLifetime, '168h0m0s'],
  ])('%s ns is %s', (nanoseconds, text) => {
    expect(formatGoDuration(nanoseconds)).toBe(text);
  });
});
