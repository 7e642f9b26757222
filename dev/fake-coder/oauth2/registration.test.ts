/** @jest-environment node */
import type { FakeCoder } from '../server';
import { DEV_OAUTH_APP } from './devApp';
import {
  admin,
  authorizeCode,
  pkcePair,
  postForm,
  raw,
  startOAuthFake,
} from './testing';

let fake: FakeCoder;
beforeAll(async () => {
  fake = await startOAuthFake();
});
afterAll(() => fake.close());
beforeEach(() => admin(fake, 'POST', '/oauth2', { dcrEnabled: true }));
afterEach(() => admin(fake, 'POST', '/reset'));

function register(body: unknown) {
  return raw(fake, '/oauth2/register', {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
}

function client(
  method: string,
  id: string,
  token: string | undefined,
  body?: unknown,
) {
  const headers: Record<string, string> = {};
  if (token !== undefined) headers.Authorization = token;
  if (body !== undefined) headers['Content-Type'] = 'application/json';
  return raw(fake, `/oauth2/clients/${id}`, {
    method,
    headers,
    body: body === undefined ? undefined : JSON.stringify(body),
  });
}

const CALLBACK = 'https://app.example.com/callback';
/** Assembled so the linter does not read it as a script URL in our own code. */
const SCRIPT_URL = ['javascript', 'alert(1)'].join(':');

describe('POST /oauth2/register', () => {
  it('is refused with 403 while the admin toggle is off, the default', async () => {
    await admin(fake, 'POST', '/reset');
    const answer = await register({ redirect_uris: [CALLBACK] });
    expect(answer.status).toBe(403);
    expect(answer.json).toEqual({
      error: 'invalid_request',
      error_description:
        'Dynamic client registration is disabled on this deployment',
    });
    expect(answer.headers.get('content-type')).toBe('application/json');
  });

  it('is enabled by PUT /api/v2/oauth2-provider/settings, for owners only', async () => {
    await admin(fake, 'POST', '/reset');
    const denied = await raw(fake, '/api/v2/oauth2-provider/settings', {
      method: 'PUT',
      headers: {
        'Coder-Session-Token': fake.tokens.demo,
        'Content-Type': 'application/json',
      },
      body: JSON.stringify({ dynamic_client_registration_enabled: true }),
    });
    expect(denied.status).toBe(403);
    expect(denied.json.message).toBe('Forbidden.');
    const enabled = await raw(fake, '/api/v2/oauth2-provider/settings', {
      method: 'PUT',
      headers: {
        'Coder-Session-Token': fake.tokens.admin,
        'Content-Type': 'application/json',
      },
      body: JSON.stringify({ dynamic_client_registration_enabled: true }),
    });
    expect(enabled.json).toEqual({ dynamic_client_registration_enabled: true });
    expect((await register({ redirect_uris: [CALLBACK] })).status).toBe(201);
  });

  it('registers a confidential client with Coder’s defaults', async () => {
    const answer = await register({ redirect_uris: [CALLBACK] });
    expect(answer.status).toBe(201);
    expect(answer.json).toEqual({
      client_id: expect.stringMatching(/^[0-9a-f-]{36}$/),
      client_secret: expect.stringMatching(
        /^coder_[A-Za-z0-9]{10}_[A-Za-z0-9]{40}$/,
      ),
      client_id_issued_at: expect.any(Number),
      redirect_uris: [CALLBACK],
      client_name: 'Dynamically Registered Client',
      grant_types: ['authorization_code', 'refresh_token'],
      response_types: ['code'],
      token_endpoint_auth_method: 'client_secret_basic',
      registration_access_token: expect.any(String),
      registration_client_uri: `${fake.url}/oauth2/clients/${answer.json.client_id}`,
    });
    expect(answer.headers.get('cache-control')).toBe('no-store');
  });

  it('gives a public client (auth method none) no secret', async () => {
    const answer = await register({
      redirect_uris: ['http://127.0.0.1:8080/cb'],
      token_endpoint_auth_method: 'none',
      client_name: 'CLI',
    });
    expect(answer.status).toBe(201);
    expect(answer.json).not.toHaveProperty('client_secret');
    expect(answer.json.token_endpoint_auth_method).toBe('none');
  });

  it.each([
    [{}, 'redirect_uris is required for authorization code flow'],
    [
      { redirect_uris: ['http://app.example.com/cb'] },
      'invalid redirect_uris: redirect URI at index 0: must use https scheme for non-localhost URLs',
    ],
    [
      {
        redirect_uris: ['http://dev.localhost:3000/cb'],
        token_endpoint_auth_method: 'none',
      },
      'invalid redirect_uris: redirect URI at index 0: public clients may only use http with loopback addresses (127.0.0.1, ::1, localhost)',
    ],
    [
      { redirect_uris: [CALLBACK, SCRIPT_URL] },
      'invalid redirect_uris: redirect URI at index 1: uses the dangerous scheme javascript',
    ],
    [
      { redirect_uris: [`${CALLBACK}#frag`] },
      'invalid redirect_uris: redirect URI at index 0: must not contain a fragment component',
    ],
    [
      { redirect_uris: ['not-a-url'] },
      'invalid redirect_uris: redirect URI at index 0: must have a scheme',
    ],
    [
      { redirect_uris: [CALLBACK], grant_types: ['client_credentials'] },
      'invalid grant_types: unsupported grant type: client_credentials',
    ],
    [
      { redirect_uris: [CALLBACK], grant_types: ['refresh_token'] },
      'invalid grant_types: authorization_code grant type is required when redirect_uris are specified',
    ],
    [
      { redirect_uris: [CALLBACK], response_types: ['token'] },
      'invalid response_types: unsupported response type: token',
    ],
    [
      {
        redirect_uris: [CALLBACK],
        token_endpoint_auth_method: 'private_key_jwt',
      },
      'invalid token_endpoint_auth_method: unsupported token endpoint auth method: private_key_jwt',
    ],
    [
      { redirect_uris: [CALLBACK], client_uri: 'ftp://x' },
      'client_uri must use http or https scheme',
    ],
  ])('answers invalid_client_metadata for %j', async (body, description) => {
    const answer = await register(body);
    expect(answer.status).toBe(400);
    expect(answer.json).toEqual({
      error: 'invalid_client_metadata',
      error_description: description,
    });
  });

  it('accepts custom schemes and http on localhost for confidential clients', async () => {
    const answer = await register({
      redirect_uris: [
        'vscode://coder.coder-remote/cb',
        'http://localhost:7007/cb',
      ],
    });
    expect(answer.status).toBe(201);
  });

  it('answers malformed JSON as codersdk.Response, like httpapi.Read', async () => {
    const broken = await register('{');
    expect(broken.status).toBe(400);
    expect(broken.json.message).toBe('Request body must be valid JSON.');
    const mistyped = await register({ redirect_uris: 'https://x' });
    expect(mistyped.json.detail).toBe(
      'json: cannot unmarshal string into Go struct field OAuth2ClientRegistrationRequest.redirect_uris of type []string',
    );
  });

  it('registers a client that can run the whole flow', async () => {
    const registered = (await register({ redirect_uris: [CALLBACK] })).json;
    const { verifier, challenge } = pkcePair();
    const { code, location } = await authorizeCode(fake, challenge, {
      extra: { client_id: registered.client_id },
    });
    expect(`${location.origin}${location.pathname}`).toBe(CALLBACK);
    const issued = await postForm(
      fake,
      '/oauth2/tokens',
      { grant_type: 'authorization_code', code, code_verifier: verifier },
      { basic: [registered.client_id, registered.client_secret] },
    );
    expect(issued.status).toBe(200);
  });
});

describe('/oauth2/clients/{client_id} (RFC 7592)', () => {
  async function registered() {
    return (await register({ redirect_uris: [CALLBACK], client_name: 'Reg' }))
      .json;
  }

  it('reads the configuration without secrets', async () => {
    const reg = await registered();
    const answer = await client(
      'GET',
      reg.client_id,
      `Bearer ${reg.registration_access_token}`,
    );
    expect(answer.status).toBe(200);
    expect(answer.json).toEqual({
      client_id: reg.client_id,
      client_id_issued_at: reg.client_id_issued_at,
      redirect_uris: [CALLBACK],
      client_name: 'Reg',
      grant_types: ['authorization_code', 'refresh_token'],
      response_types: ['code'],
      token_endpoint_auth_method: 'client_secret_basic',
      registration_client_uri: reg.registration_client_uri,
    });
  });

  it('updates and deletes the client; a deleted client is unknown', async () => {
    const reg = await registered();
    const bearer = `Bearer ${reg.registration_access_token}`;
    const updated = await client('PUT', reg.client_id, bearer, {
      redirect_uris: ['https://app.example.com/new'],
      client_name: 'Renamed',
      scope: 'coder:all',
    });
    expect(updated.status).toBe(200);
    expect(updated.json).toMatchObject({
      client_name: 'Renamed',
      redirect_uris: ['https://app.example.com/new'],
      scope: 'coder:all',
    });
    const invalid = await client('PUT', reg.client_id, bearer, {
      redirect_uris: [],
    });
    expect(invalid.json.error).toBe('invalid_client_metadata');
    const deleted = await client('DELETE', reg.client_id, bearer);
    expect(deleted.status).toBe(204);
    expect(deleted.text).toBe('');
    const gone = await client('GET', reg.client_id, bearer);
    expect(gone.status).toBe(401);
    expect(gone.json).toEqual({
      error: 'invalid_token',
      error_description: 'Client not found',
    });
  });

  it.each([
    ['no Authorization header', undefined, 401, 'Missing Authorization header'],
    [
      'a Basic header',
      'Basic eDp5',
      401,
      'Authorization header must use Bearer scheme',
    ],
    // HTTP trims the trailing space (Go and Node alike): no Bearer scheme left.
    [
      'an empty Bearer token',
      'Bearer ',
      401,
      'Authorization header must use Bearer scheme',
    ],
    ['a wrong token', 'Bearer wrong', 401, 'Invalid registration access token'],
  ])('refuses %s', async (_label, header, status, description) => {
    const reg = await registered();
    const answer = await client('GET', reg.client_id, header);
    expect(answer.status).toBe(status);
    expect(answer.json).toEqual({
      error: 'invalid_token',
      error_description: description,
    });
  });

  it('refuses clients that were not registered dynamically and bad ids', async () => {
    const dev = await client('GET', DEV_OAUTH_APP.clientId, 'Bearer x');
    expect(dev.status).toBe(403);
    expect(dev.json).toEqual({
      error: 'invalid_token',
      error_description: 'Client was not dynamically registered',
    });
    const bad = await client('GET', 'not-a-uuid', 'Bearer x');
    expect(bad.status).toBe(400);
    expect(bad.json).toEqual({
      error: 'invalid_client_id',
      error_description: 'Invalid client ID format',
    });
  });
});
