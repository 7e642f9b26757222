/** @jest-environment node */
/* eslint jest/expect-expect: ["warn", { "assertFunctionNames": ["expect", "expectError"] }] */
import type { FakeCoder } from '../server';
import { DEV_OAUTH_APP } from './devApp';
import {
  admin,
  authorizeCode,
  DEV_BASIC,
  exchangeCode,
  issueTokens,
  pkcePair,
  postForm,
  raw,
  startOAuthFake,
  whoAmI,
} from './testing';

let fake: FakeCoder;
beforeAll(async () => {
  fake = await startOAuthFake();
});
afterAll(() => fake.close());
afterEach(() => admin(fake, 'POST', '/reset'));

const MALFORMED =
  'The request is missing required parameters or is otherwise malformed';

/** A fresh code and its verifier. */
async function freshCode(extra?: Record<string, string>) {
  const { verifier, challenge } = pkcePair();
  const { code } = await authorizeCode(fake, challenge, { extra });
  return { code, verifier };
}

/** POST /oauth2/tokens; Basic is the dev app's unless `null`. */
function tokens(
  fields: Record<string, string>,
  basic: [string, string] | null = DEV_BASIC,
) {
  return postForm(fake, '/oauth2/tokens', fields, {
    basic: basic ?? undefined,
  });
}

/** Another app (and its secret), created through the management API. */
async function otherApp(): Promise<{ id: string; secret: string }> {
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
  const secret = await raw(
    fake,
    `/api/v2/oauth2-provider/apps/${created.json.id}/secrets`,
    { method: 'POST', headers: { 'Coder-Session-Token': fake.tokens.admin } },
  );
  return { id: created.json.id, secret: secret.json.client_secret_full };
}

function expectError(
  answer: { status: number; json: unknown; headers: Headers },
  status: number,
  error: string,
  description: string,
) {
  expect(answer.status).toBe(status);
  expect(answer.json).toEqual({ error, error_description: description });
  expect(answer.headers.get('cache-control')).toBe('no-store');
  expect(answer.headers.get('pragma')).toBe('no-cache');
}

describe('POST /oauth2/tokens client identification', () => {
  it('answers 400 invalid_request without a client_id', async () => {
    const answer = await tokens({ grant_type: 'refresh_token' }, null);
    expectError(answer, 400, 'invalid_request', 'Missing client_id parameter');
  });

  it.each([
    ['a non-UUID client_id', 'not-a-uuid'],
    ['an unknown client_id', 'c0de0009-0000-4000-8000-00000000ffff'],
  ])(
    'answers 401 invalid_client with a Basic challenge for %s',
    async (_label, id) => {
      const answer = await tokens(
        { grant_type: 'refresh_token', client_id: id },
        null,
      );
      expectError(
        answer,
        401,
        'invalid_client',
        'The client credentials are invalid',
      );
      expect(answer.headers.get('www-authenticate')).toBe(
        'Basic realm="coder"',
      );
    },
  );

  it('accepts the credentials in the body (client_secret_post)', async () => {
    const { code, verifier } = await freshCode();
    const answer = await tokens(
      {
        grant_type: 'authorization_code',
        code,
        code_verifier: verifier,
        client_id: DEV_OAUTH_APP.clientId,
        client_secret: DEV_OAUTH_APP.clientSecret,
      },
      null,
    );
    expect(answer.status).toBe(200);
  });

  it.each([
    ['client_id', async () => ({ client_id: (await otherApp()).id })],
    ['client_secret', async () => ({ client_secret: 'coder_xxxxxxxxxx_yyyy' })],
  ])('rejects a body %s that contradicts HTTP Basic', async (_label, body) => {
    // The body's client_id must name a real app: an unknown one fails first, 401.
    const fields = await body();
    const { code, verifier } = await freshCode();
    const answer = await tokens({
      grant_type: 'authorization_code',
      code,
      code_verifier: verifier,
      ...fields,
    });
    expectError(
      answer,
      400,
      'invalid_request',
      'Conflicting client credentials between Authorization header and request body',
    );
  });

  it.each([
    ['a malformed secret', 'not-a-secret'],
    ['an unknown secret', `coder_${'z'.repeat(10)}_${'z'.repeat(40)}`],
    ['a wrong secret', `coder_bkstgDev01_${'z'.repeat(40)}`],
  ])(
    'answers 401 invalid_client for %s, leaving the code usable',
    async (_label, secret) => {
      const { code, verifier } = await freshCode();
      const answer = await tokens(
        { grant_type: 'authorization_code', code, code_verifier: verifier },
        [DEV_OAUTH_APP.clientId, secret],
      );
      expectError(
        answer,
        401,
        'invalid_client',
        'The client credentials are invalid',
      );
      expect(answer.headers.get('www-authenticate')).toBe(
        'Basic realm="coder"',
      );
      expect((await exchangeCode(fake, code, verifier)).status).toBe(200);
    },
  );

  it('rejects another app’s secret', async () => {
    const other = await otherApp();
    const { code, verifier } = await freshCode();
    const answer = await tokens(
      { grant_type: 'authorization_code', code, code_verifier: verifier },
      [DEV_OAUTH_APP.clientId, other.secret],
    );
    expect(answer.status).toBe(401);
  });
});

describe('POST /oauth2/tokens request validation', () => {
  it.each([
    ['a missing grant_type', {}],
    ['an unknown grant_type', { grant_type: 'magic' }],
  ])('answers unsupported_grant_type for %s', async (_label, fields) => {
    const answer = await tokens(fields);
    expectError(
      answer,
      400,
      'unsupported_grant_type',
      'The grant type is missing or unsupported',
    );
  });

  it.each(['password', 'client_credentials', 'implicit'])(
    'answers unsupported_grant_type naming %s, which parses but is not implemented',
    async grant => {
      const answer = await tokens({ grant_type: grant });
      expectError(
        answer,
        400,
        'unsupported_grant_type',
        `The grant type "${grant}" is not supported`,
      );
    },
  );

  it('reads only form bodies, so JSON looks like no grant at all', async () => {
    const answer = await raw(fake, '/oauth2/tokens', {
      method: 'POST',
      headers: {
        'Content-Type': 'application/json',
        Authorization: `Basic ${Buffer.from(DEV_BASIC.join(':')).toString('base64')}`,
      },
      body: JSON.stringify({ grant_type: 'refresh_token' }),
    });
    expect(answer.json.error).toBe('unsupported_grant_type');
  });

  it.each([
    ['code', { code_verifier: 'v'.repeat(43) }],
    [
      'client_secret',
      {
        code: 'c',
        code_verifier: 'v'.repeat(43),
        client_id: DEV_OAUTH_APP.clientId,
      },
    ],
    ['code_verifier', { code: 'c' }],
  ])('names the missing %s', async (name, fields) => {
    const basic = name === 'client_secret' ? null : DEV_BASIC;
    const answer = await tokens(
      { grant_type: 'authorization_code', ...fields },
      basic,
    );
    expectError(
      answer,
      400,
      'invalid_request',
      `Missing required parameter: ${name}`,
    );
  });

  it('names a missing refresh_token', async () => {
    const answer = await tokens({ grant_type: 'refresh_token' });
    expectError(
      answer,
      400,
      'invalid_request',
      'Missing required parameter: refresh_token',
    );
  });

  it.each([
    ['a 42-character code_verifier', { code_verifier: 'v'.repeat(42) }],
    ['a 129-character code_verifier', { code_verifier: 'v'.repeat(129) }],
    [
      'a code_verifier outside the unreserved set',
      { code_verifier: `${'v'.repeat(43)}!` },
    ],
    ['an unknown field', { nonce: 'n' }],
    [
      'a redirect_uri that is not the callback',
      { redirect_uri: 'http://localhost:3000/elsewhere' },
    ],
    ['a relative resource', { resource: '/api' }],
  ])('answers the generic invalid_request for %s', async (_label, fields) => {
    const { code, verifier } = await freshCode();
    const answer = await tokens({
      grant_type: 'authorization_code',
      code,
      code_verifier: verifier,
      ...fields,
    });
    expectError(answer, 400, 'invalid_request', MALFORMED);
  });
});

describe('POST /oauth2/tokens authorization_code grant', () => {
  it('refuses a code the second time (replay)', async () => {
    const { code, verifier } = await freshCode();
    expect((await exchangeCode(fake, code, verifier)).status).toBe(200);
    const replay = await exchangeCode(fake, code, verifier);
    expectError(
      replay,
      400,
      'invalid_grant',
      'The authorization code is invalid or expired',
    );
  });

  it('refuses an unknown or malformed code', async () => {
    for (const code of ['nope', `coder_${'q'.repeat(10)}_${'q'.repeat(40)}`]) {
      const answer = await exchangeCode(fake, code, 'v'.repeat(43));
      expectError(
        answer,
        400,
        'invalid_grant',
        'The authorization code is invalid or expired',
      );
    }
  });

  it('revokes the code on a PKCE mismatch', async () => {
    const { code, verifier } = await freshCode();
    const wrong = await exchangeCode(fake, code, 'w'.repeat(43));
    expectError(
      wrong,
      400,
      'invalid_grant',
      'The PKCE code verifier is invalid',
    );
    const retry = await exchangeCode(fake, code, verifier);
    expectError(
      retry,
      400,
      'invalid_grant',
      'The authorization code is invalid or expired',
    );
  });

  it('checks redirect_uri only when the authorize request named one', async () => {
    const callback = 'http://localhost:3000/coder/oauth/callback';
    const named = await freshCode({ redirect_uri: callback });
    const without = await exchangeCode(fake, named.code, named.verifier);
    expectError(
      without,
      400,
      'invalid_grant',
      'The authorization code is invalid or expired',
    );
    const again = await freshCode({ redirect_uri: callback });
    expect(
      (
        await exchangeCode(fake, again.code, again.verifier, {
          redirect_uri: callback,
        })
      ).status,
    ).toBe(200);
    const unnamed = await freshCode();
    expect(
      (await exchangeCode(fake, unnamed.code, unnamed.verifier)).status,
    ).toBe(200);
  });

  it('binds the resource given at authorize (RFC 8707)', async () => {
    const resource = 'https://coder.example.com';
    const bound = await freshCode({ resource });
    const missing = await exchangeCode(fake, bound.code, bound.verifier);
    expectError(
      missing,
      400,
      'invalid_target',
      'The resource parameter is invalid',
    );
    const other = await freshCode({ resource });
    const mismatched = await exchangeCode(fake, other.code, other.verifier, {
      resource: 'https://elsewhere.example.com',
    });
    expectError(
      mismatched,
      400,
      'invalid_target',
      'The resource parameter is invalid',
    );
    const unbound = await freshCode();
    const extra = await exchangeCode(fake, unbound.code, unbound.verifier, {
      resource,
    });
    expectError(
      extra,
      400,
      'invalid_target',
      'The resource parameter is invalid',
    );
    const good = await freshCode({ resource });
    expect(
      (await exchangeCode(fake, good.code, good.verifier, { resource })).status,
    ).toBe(200);
  });

  it('replaces an outstanding code when the user consents again', async () => {
    const first = await freshCode();
    const second = await freshCode();
    expect((await exchangeCode(fake, first.code, first.verifier)).status).toBe(
      400,
    );
    expect(
      (await exchangeCode(fake, second.code, second.verifier)).status,
    ).toBe(200);
  });
});

describe('POST /oauth2/tokens refresh_token grant', () => {
  it('refuses malformed and unknown refresh tokens', async () => {
    for (const token of [
      'garbage',
      `coder_${'r'.repeat(10)}_${'r'.repeat(40)}`,
    ]) {
      const answer = await tokens({
        grant_type: 'refresh_token',
        refresh_token: token,
      });
      expectError(
        answer,
        400,
        'invalid_grant',
        'The refresh token is invalid or expired',
      );
    }
  });

  it('refuses a refresh token presented by another client', async () => {
    const pair = await issueTokens(fake);
    const other = await otherApp();
    const answer = await tokens(
      { grant_type: 'refresh_token', refresh_token: pair.refresh_token },
      [other.id, other.secret],
    );
    expectError(
      answer,
      400,
      'invalid_grant',
      'The refresh token is invalid or expired',
    );
    expect((await whoAmI(fake, pair.access_token)).status).toBe(200);
  });

  it('keeps the audience: a different resource is invalid_target', async () => {
    const resource = 'https://coder.example.com';
    const { code, verifier } = await freshCode({ resource });
    const pair = (await exchangeCode(fake, code, verifier, { resource })).json;
    const wrong = await tokens({
      grant_type: 'refresh_token',
      refresh_token: pair.refresh_token,
      resource: 'https://elsewhere.example.com',
    });
    expectError(
      wrong,
      400,
      'invalid_target',
      'The resource parameter is invalid',
    );
    const same = await tokens({
      grant_type: 'refresh_token',
      refresh_token: pair.refresh_token,
      resource,
    });
    expect(same.status).toBe(200);
  });
});
