/** @jest-environment node */
import type { FakeCoder } from '../server';
import { DEV_OAUTH_APP, DEV_OAUTH_APP_SECRET_ID } from './devApp';
import {
  admin,
  authorizeCode,
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

const BASE = '/api/v2/oauth2-provider';

function api(method: string, path: string, token: string, body?: unknown) {
  const headers: Record<string, string> = { 'Coder-Session-Token': token };
  if (body !== undefined) headers['Content-Type'] = 'application/json';
  return raw(fake, `${BASE}${path}`, {
    method,
    headers,
    body: body === undefined ? undefined : JSON.stringify(body),
  });
}

const asAdmin = (method: string, path: string, body?: unknown) =>
  api(method, path, fake.tokens.admin, body);
const asMember = (method: string, path: string, body?: unknown) =>
  api(method, path, fake.tokens.demo, body);

function endpoints() {
  return {
    authorization: `${fake.url}/oauth2/authorize`,
    token: `${fake.url}/oauth2/tokens`,
    token_revoke: `${fake.url}/oauth2/revoke`,
    device_authorization: '',
  };
}

describe('OAuth2 apps', () => {
  it('lists the seeded dev app to members and owners alike', async () => {
    for (const answer of [
      await asMember('GET', '/apps'),
      await asAdmin('GET', '/apps'),
    ]) {
      expect(answer.status).toBe(200);
      expect(answer.json).toEqual([
        {
          id: DEV_OAUTH_APP.clientId,
          name: DEV_OAUTH_APP.name,
          callback_url: 'http://localhost:3000/coder/oauth/callback',
          icon: '',
          endpoints: endpoints(),
        },
      ]);
    }
  });

  it('filters by user_id to the apps that user holds tokens for', async () => {
    await issueTokens(fake);
    const demoId = (await whoAmI(fake, fake.tokens.demo)).json.id;
    const aliceId = (await whoAmI(fake, fake.tokens.alice)).json.id;
    expect((await asAdmin('GET', `/apps?user_id=${demoId}`)).json).toHaveLength(
      1,
    );
    expect((await asAdmin('GET', `/apps?user_id=${aliceId}`)).json).toEqual([]);
    const bad = await asAdmin('GET', '/apps?user_id=nope');
    expect(bad.status).toBe(400);
    expect(bad.json).toEqual({
      message: 'Invalid user UUID',
      detail: 'queried user_id="00000000-0000-0000-0000-000000000000"',
    });
  });

  it('creates (201), reads, updates and deletes an app as an owner', async () => {
    const created = await asAdmin('POST', '/apps', {
      name: 'my-app',
      callback_url: 'https://my.example/cb',
      icon: '/icon/app.svg',
    });
    expect(created.status).toBe(201);
    expect(created.json).toEqual({
      id: expect.stringMatching(/^[0-9a-f-]{36}$/),
      name: 'my-app',
      callback_url: 'https://my.example/cb',
      icon: '/icon/app.svg',
      endpoints: endpoints(),
    });
    const id = created.json.id;
    expect((await asMember('GET', `/apps/${id}`)).json.name).toBe('my-app');
    const updated = await asAdmin('PUT', `/apps/${id}`, {
      name: 'renamed',
      callback_url: 'https://my.example/cb2',
    });
    expect(updated.json).toMatchObject({ name: 'renamed', icon: '' });
    expect((await asAdmin('DELETE', `/apps/${id}`)).status).toBe(204);
    const gone = await asAdmin('GET', `/apps/${id}`);
    expect(gone.status).toBe(404);
    expect(gone.json).toEqual({ message: 'OAuth2 application not found.' });
  });

  it('validates app requests', async () => {
    const empty = await asAdmin('POST', '/apps', {});
    expect(empty.status).toBe(400);
    expect(empty.json).toEqual({
      message: 'Validation failed.',
      validations: [
        {
          field: 'name',
          detail: 'Validation failed for tag "required" with value: ""',
        },
        {
          field: 'callback_url',
          detail: 'Validation failed for tag "required" with value: ""',
        },
      ],
    });
    const bad = await asAdmin('POST', '/apps', {
      name: 'Has Spaces',
      callback_url: 'not a url',
    });
    expect(bad.json.validations).toEqual([
      {
        field: 'name',
        detail:
          'Validation failed for tag "oauth2_app_name" with value: "Has Spaces"',
      },
      {
        field: 'callback_url',
        detail: 'Validation failed for tag "http_url" with value: "not a url"',
      },
    ]);
  });

  it('answers 400 for a non-UUID app and 404 for an unknown one', async () => {
    const bad = await asAdmin('GET', '/apps/nope');
    expect(bad.status).toBe(400);
    expect(bad.json.message).toBe('Invalid UUID "nope".');
    expect(
      (await asAdmin('GET', '/apps/c0de0009-0000-4000-8000-00000000ffff'))
        .status,
    ).toBe(404);
  });

  it('refuses member writes the way the database layer does', async () => {
    const create = await asMember('POST', '/apps', {
      name: 'mine',
      callback_url: 'https://my.example/cb',
    });
    expect(create.status).toBe(500);
    expect(create.json).toEqual({
      message: 'Internal error creating OAuth2 application.',
      detail: 'unauthorized: forbidden',
    });
    expect(
      (await asMember('DELETE', `/apps/${DEV_OAUTH_APP.clientId}`)).status,
    ).toBe(500);
    expect(
      (await asMember('GET', `/apps/${DEV_OAUTH_APP.clientId}/secrets`)).status,
    ).toBe(500);
    expect((await asMember('GET', '/settings')).status).toBe(403);
  });

  it('revokes the app’s tokens and codes when it is deleted', async () => {
    const pair = await issueTokens(fake);
    expect(
      (await asAdmin('DELETE', `/apps/${DEV_OAUTH_APP.clientId}`)).status,
    ).toBe(204);
    expect((await whoAmI(fake, pair.access_token)).status).toBe(401);
    const tokens = await admin(fake, 'GET', '/oauth2/tokens');
    expect(tokens[0]).toMatchObject({ revoked: true, revokedBy: 'revoke' });
  });
});

describe('OAuth2 app secrets', () => {
  const secrets = `/apps/${DEV_OAUTH_APP.clientId}/secrets`;

  it('lists secrets truncated to their last six characters', async () => {
    const answer = await asAdmin('GET', secrets);
    expect(answer.json).toEqual([
      {
        id: DEV_OAUTH_APP_SECRET_ID,
        last_used_at: null,
        client_secret_truncated: DEV_OAUTH_APP.clientSecret.slice(-6),
      },
    ]);
  });

  it('creates a working secret (201, one object) and deletes it with its tokens', async () => {
    const created = await asAdmin('POST', secrets);
    expect(created.status).toBe(201);
    expect(created.json).toEqual({
      id: expect.stringMatching(/^[0-9a-f-]{36}$/),
      client_secret_full: expect.stringMatching(
        /^coder_[A-Za-z0-9]{10}_[A-Za-z0-9]{40}$/,
      ),
    });
    const { verifier, challenge } = pkcePair();
    const { code } = await authorizeCode(fake, challenge);
    const issued = await postForm(
      fake,
      '/oauth2/tokens',
      { grant_type: 'authorization_code', code, code_verifier: verifier },
      { basic: [DEV_OAUTH_APP.clientId, created.json.client_secret_full] },
    );
    expect(issued.status).toBe(200);
    expect(
      (await asAdmin('DELETE', `${secrets}/${created.json.id}`)).status,
    ).toBe(204);
    expect((await whoAmI(fake, issued.json.access_token)).status).toBe(401);
    expect((await asAdmin('GET', secrets)).json).toHaveLength(1);
  });

  it('answers 404 for an unknown secret and 400 for another app’s', async () => {
    const missing = await asAdmin(
      'DELETE',
      `${secrets}/c0de0009-0000-4000-8000-00000000ffff`,
    );
    expect(missing.status).toBe(404);
    const other = await asAdmin('POST', '/apps', {
      name: 'other',
      callback_url: 'https://other.example/cb',
    });
    const otherSecret = await asAdmin('POST', `/apps/${other.json.id}/secrets`);
    const crossed = await asAdmin(
      'DELETE',
      `${secrets}/${otherSecret.json.id}`,
    );
    expect(crossed.status).toBe(400);
    expect(crossed.json).toEqual({
      message: 'App ID does not match secret app ID.',
    });
  });
});

describe('OAuth2 provider settings', () => {
  it('reads and writes the DCR toggle as an owner', async () => {
    expect((await asAdmin('GET', '/settings')).json).toEqual({
      dynamic_client_registration_enabled: false,
    });
    const put = await asAdmin('PUT', '/settings', {
      dynamic_client_registration_enabled: true,
    });
    expect(put.json).toEqual({ dynamic_client_registration_enabled: true });
    expect((await admin(fake, 'GET', '/oauth2')).dcrEnabled).toBe(true);
    const mistyped = await asAdmin('PUT', '/settings', {
      dynamic_client_registration_enabled: 'yes',
    });
    expect(mistyped.status).toBe(400);
  });
});
