/** @jest-environment node */
import { DEV_OAUTH_APP } from '../fake-coder/oauth2/devApp';
import {
  authorizePath,
  DEV_BASIC,
  pkcePair,
} from '../fake-coder/oauth2/testing';
import { startFakeCoder, type FakeCoder } from '../fake-coder/server';
import { expectValidResponse } from './expectContract';
import { adminCall, resetFake } from './fakeCoderContract';

/**
 * Every OAuth2 answer of the fake, success and error, checked against
 * swagger.json with the wire differences applied: discovery, authorize,
 * tokens, revoke, dynamic registration, the management API, experiments and
 * password login.
 */

let fake: FakeCoder;
beforeAll(async () => {
  fake = await startFakeCoder({
    port: 0,
    buildStepMs: 0,
    quiet: true,
    oauth2: { experiment: true },
  });
});
afterAll(() => fake.close());
afterEach(() => resetFake(fake));

interface Checked {
  status: number;
  headers: Headers;
  body: any;
}

/** Fetches (redirects not followed) and throws unless the answer fits the contract. */
async function checked(
  method: string,
  path: string,
  init: { headers?: Record<string, string>; body?: string } = {},
): Promise<Checked> {
  const response = await fetch(`${fake.url}${path}`, {
    method,
    redirect: 'manual',
    ...init,
  });
  await expectValidResponse(response, method, path);
  const text = await response.text();
  let body: unknown = text;
  if ((response.headers.get('content-type') ?? '').includes('json'))
    body = JSON.parse(text);
  return { status: response.status, headers: response.headers, body };
}

const session = (token: string) => ({ 'Coder-Session-Token': token });
const basic = ([user, password]: [string, string]) => ({
  Authorization: `Basic ${Buffer.from(`${user}:${password}`).toString('base64')}`,
});
const FORM = { 'Content-Type': 'application/x-www-form-urlencoded' };
const JSON_BODY = { 'Content-Type': 'application/json' };

function form(
  path: string,
  fields: Record<string, string>,
  headers: Record<string, string> = {},
) {
  return checked('POST', path, {
    headers: { ...FORM, ...headers },
    body: new URLSearchParams(fields).toString(),
  });
}

async function code(): Promise<{ code: string; verifier: string }> {
  const { verifier, challenge } = pkcePair();
  const answer = await checked('POST', authorizePath(challenge), {
    headers: session(fake.tokens.demo),
  });
  expect(answer.status).toBe(302);
  const location = new URL(answer.headers.get('location')!);
  return { code: location.searchParams.get('code')!, verifier };
}

async function tokenPair() {
  const { code: value, verifier } = await code();
  const answer = await form(
    '/oauth2/tokens',
    { grant_type: 'authorization_code', code: value, code_verifier: verifier },
    basic(DEV_BASIC),
  );
  expect(answer.status).toBe(200);
  return answer.body;
}

describe('OAuth2 discovery matches swagger', () => {
  it('serves authorization-server metadata without and with DCR', async () => {
    const off = await checked('GET', '/.well-known/oauth-authorization-server');
    expect(off.body).not.toHaveProperty('registration_endpoint');
    await adminCall(fake, 'POST', '/oauth2', { dcrEnabled: true });
    const on = await checked('GET', '/.well-known/oauth-authorization-server');
    expect(on.body.registration_endpoint).toBe(`${fake.url}/oauth2/register`);
  });

  it('serves protected-resource metadata', async () => {
    const answer = await checked(
      'GET',
      '/.well-known/oauth-protected-resource',
    );
    expect(answer.body.resource).toBe(fake.url);
  });
});

describe('/oauth2/authorize answers match swagger', () => {
  const { challenge } = pkcePair();

  it('renders the consent page (200) and redirects with a code (302)', async () => {
    const page = await checked('GET', authorizePath(challenge), {
      headers: session(fake.tokens.demo),
    });
    expect(page.status).toBe(200);
    expect((await code()).code).toMatch(/^coder_/);
  });

  it('sends a browser without a session to /login (303), GET and POST', async () => {
    for (const method of ['GET', 'POST']) {
      const answer = await checked(method, authorizePath(challenge));
      expect(answer.status).toBe(303);
    }
  });

  it('redirects a bad code_challenge_method to the callback (302)', async () => {
    const answer = await checked(
      'GET',
      authorizePath(challenge, { code_challenge_method: 'plain' }),
      { headers: session(fake.tokens.demo) },
    );
    expect(answer.status).toBe(302);
  });

  it('answers client and parameter errors as OAuth2 errors', async () => {
    const missing = await checked(
      'GET',
      authorizePath(challenge, { client_id: undefined }),
    );
    expect(missing.status).toBe(400);
    const unknown = await checked(
      'POST',
      authorizePath(challenge, { client_id: 'nope' }),
    );
    expect(unknown.status).toBe(401);
    const invalid = await checked(
      'POST',
      authorizePath(challenge, { code_challenge: 'short' }),
      { headers: session(fake.tokens.demo) },
    );
    expect(invalid.status).toBe(400);
    expect(invalid.body.error).toBe('invalid_request');
  });

  it('answers parameter errors on GET with an HTML page swagger cannot describe', async () => {
    const response = await fetch(
      `${fake.url}${authorizePath(challenge, { code_challenge: 'short' })}`,
      { headers: session(fake.tokens.demo) },
    );
    expect(response.status).toBe(400);
    expect(response.headers.get('content-type')).toBe(
      'text/html; charset=utf-8',
    );
    await expect(
      expectValidResponse(response, 'GET', '/oauth2/authorize'),
    ).rejects.toThrow(/content-type must be application\/json/);
  });
});

describe('/oauth2/tokens answers match swagger', () => {
  it('issues and rotates tokens (200)', async () => {
    const pair = await tokenPair();
    const rotated = await form(
      '/oauth2/tokens',
      { grant_type: 'refresh_token', refresh_token: pair.refresh_token },
      basic(DEV_BASIC),
    );
    expect(rotated.status).toBe(200);
    expect(rotated.body).not.toHaveProperty('scope');
  });

  it.each([
    ['unsupported_grant_type', { grant_type: 'password' }],
    ['invalid_request', { grant_type: 'authorization_code', code: 'x' }],
    ['invalid_grant', { grant_type: 'refresh_token', refresh_token: 'x' }],
  ])('answers 400 %s', async (error, fields) => {
    const answer = await form('/oauth2/tokens', fields, basic(DEV_BASIC));
    expect(answer.status).toBe(400);
    expect(answer.body.error).toBe(error);
  });

  it('answers 400 invalid_target for a resource the code was not bound to', async () => {
    const { code: value, verifier } = await code();
    const answer = await form(
      '/oauth2/tokens',
      {
        grant_type: 'authorization_code',
        code: value,
        code_verifier: verifier,
        resource: 'https://coder.example.com',
      },
      basic(DEV_BASIC),
    );
    expect(answer.body.error).toBe('invalid_target');
  });

  it('answers 401 invalid_client for bad credentials', async () => {
    const { code: value, verifier } = await code();
    const answer = await form(
      '/oauth2/tokens',
      {
        grant_type: 'authorization_code',
        code: value,
        code_verifier: verifier,
      },
      basic([DEV_OAUTH_APP.clientId, 'coder_wrong00000_x']),
    );
    expect(answer.status).toBe(401);
  });

  it('revokes an app for the user (204) and asks for a session (401)', async () => {
    const path = `/oauth2/tokens?client_id=${DEV_OAUTH_APP.clientId}`;
    const done = await checked('DELETE', path, {
      headers: session(fake.tokens.demo),
    });
    expect(done.status).toBe(204);
    expect((await checked('DELETE', path)).status).toBe(401);
  });

  it('answers 403 as codersdk.Response while the experiment is off', async () => {
    await adminCall(fake, 'POST', '/oauth2', { experiment: false });
    const answer = await form('/oauth2/tokens', {});
    expect(answer.status).toBe(403);
    expect(answer.body.message).toMatch(
      /requires enabling the 'oauth2' experiment/,
    );
  });
});

describe('/oauth2/revoke answers match swagger', () => {
  it('answers 200 with no body, and 400 for a malformed token', async () => {
    const pair = await tokenPair();
    const revoked = await form('/oauth2/revoke', {
      client_id: DEV_OAUTH_APP.clientId,
      token: pair.refresh_token,
    });
    expect(revoked.status).toBe(200);
    const malformed = await form('/oauth2/revoke', {
      client_id: DEV_OAUTH_APP.clientId,
      token: 'nope',
    });
    expect(malformed.status).toBe(400);
  });
});

describe('dynamic client registration matches swagger', () => {
  const register = (body: unknown) =>
    checked('POST', '/oauth2/register', {
      headers: JSON_BODY,
      body: typeof body === 'string' ? body : JSON.stringify(body),
    });

  it('answers 403 while disabled', async () => {
    expect(
      (await register({ redirect_uris: ['https://a.example/cb'] })).status,
    ).toBe(403);
  });

  it('registers (201) and manages (200, 204) a client', async () => {
    await adminCall(fake, 'POST', '/oauth2', { dcrEnabled: true });
    const full = await register({
      redirect_uris: ['https://a.example/cb'],
      client_name: 'Full',
      client_uri: 'https://a.example',
      logo_uri: 'https://a.example/logo.png',
      contacts: ['ops@a.example'],
      scope: 'coder:all',
      software_id: 'id',
      software_version: '1',
    });
    expect(full.status).toBe(201);
    const minimal = await register({
      redirect_uris: ['http://127.0.0.1:9/cb'],
      token_endpoint_auth_method: 'none',
    });
    expect(minimal.status).toBe(201);
    const path = `/oauth2/clients/${full.body.client_id}`;
    const bearer = {
      Authorization: `Bearer ${full.body.registration_access_token}`,
    };
    expect((await checked('GET', path, { headers: bearer })).status).toBe(200);
    const put = await checked('PUT', path, {
      headers: { ...bearer, ...JSON_BODY },
      body: JSON.stringify({ redirect_uris: ['https://a.example/cb2'] }),
    });
    expect(put.status).toBe(200);
    expect((await checked('DELETE', path, { headers: bearer })).status).toBe(
      204,
    );
  });

  it('answers registration errors in both of Coder’s shapes', async () => {
    await adminCall(fake, 'POST', '/oauth2', { dcrEnabled: true });
    const metadata = await register({ redirect_uris: ['http://a.example/cb'] });
    expect(metadata.body.error).toBe('invalid_client_metadata');
    const json = await register('{');
    expect(json.body.message).toBe('Request body must be valid JSON.');
    const noToken = await checked(
      'GET',
      `/oauth2/clients/${DEV_OAUTH_APP.clientId}`,
    );
    expect(noToken.status).toBe(401);
    const notDynamic = await checked(
      'GET',
      `/oauth2/clients/${DEV_OAUTH_APP.clientId}`,
      {
        headers: { Authorization: 'Bearer x' },
      },
    );
    expect(notDynamic.status).toBe(403);
    const badId = await checked('DELETE', '/oauth2/clients/nope', {
      headers: { Authorization: 'Bearer x' },
    });
    expect(badId.status).toBe(400);
  });
});

describe('the OAuth2 management API matches swagger', () => {
  const api = (method: string, path: string, token: string, body?: unknown) =>
    checked(method, `/api/v2/oauth2-provider${path}`, {
      headers: { ...session(token), ...(body === undefined ? {} : JSON_BODY) },
      body: body === undefined ? undefined : JSON.stringify(body),
    });

  it('lists, creates (201), reads, updates and deletes apps', async () => {
    expect((await api('GET', '/apps', fake.tokens.demo)).status).toBe(200);
    const created = await api('POST', '/apps', fake.tokens.admin, {
      name: 'contract',
      callback_url: 'https://c.example/cb',
    });
    expect(created.status).toBe(201);
    const path = `/apps/${created.body.id}`;
    expect((await api('GET', path, fake.tokens.demo)).status).toBe(200);
    const updated = await api('PUT', path, fake.tokens.admin, {
      name: 'contract2',
      callback_url: 'https://c.example/cb',
    });
    expect(updated.status).toBe(200);
    expect((await api('DELETE', path, fake.tokens.admin)).status).toBe(204);
    expect((await api('GET', path, fake.tokens.admin)).status).toBe(404);
  });

  it('lists, creates (201) and deletes secrets', async () => {
    const secrets = `/apps/${DEV_OAUTH_APP.clientId}/secrets`;
    await tokenPair();
    expect((await api('GET', secrets, fake.tokens.admin)).status).toBe(200);
    const created = await api('POST', secrets, fake.tokens.admin);
    expect(created.status).toBe(201);
    const deleted = await api(
      'DELETE',
      `${secrets}/${created.body.id}`,
      fake.tokens.admin,
    );
    expect(deleted.status).toBe(204);
  });

  it('reads and writes settings, 403 for members', async () => {
    expect((await api('GET', '/settings', fake.tokens.admin)).status).toBe(200);
    const put = await api('PUT', '/settings', fake.tokens.admin, {
      dynamic_client_registration_enabled: true,
    });
    expect(put.body.dynamic_client_registration_enabled).toBe(true);
    expect((await api('GET', '/settings', fake.tokens.demo)).status).toBe(403);
  });

  it('answers validation (400) and member-write (500) errors as codersdk.Response', async () => {
    const invalid = await api('POST', '/apps', fake.tokens.admin, {});
    expect(invalid.status).toBe(400);
    const member = await api('POST', '/apps', fake.tokens.demo, {
      name: 'x',
      callback_url: 'https://x.example/cb',
    });
    expect(member.status).toBe(500);
  });
});

describe('experiments and password login match swagger', () => {
  it('lists enabled and available experiments', async () => {
    const enabled = await checked('GET', '/api/v2/experiments', {
      headers: session(fake.tokens.demo),
    });
    expect(enabled.body).toEqual(['oauth2']);
    const available = await checked('GET', '/api/v2/experiments/available', {
      headers: session(fake.tokens.demo),
    });
    expect(available.body).toEqual({ safe: [] });
  });

  it('logs in (201), rejects bad logins (400, 401) and logs out (200)', async () => {
    const login = (body: unknown) =>
      checked('POST', '/api/v2/users/login', {
        headers: JSON_BODY,
        body: JSON.stringify(body),
      });
    const ok = await login({
      email: 'demo@example.com',
      password: 'demo-password',
    });
    expect(ok.status).toBe(201);
    expect((await login({})).status).toBe(400);
    expect(
      (await login({ email: 'demo@example.com', password: 'wrong' })).status,
    ).toBe(401);
    const out = await checked('POST', '/api/v2/users/logout', {
      headers: session(ok.body.session_token),
    });
    expect(out.status).toBe(200);
  });
});
