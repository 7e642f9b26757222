/** @jest-environment node */
import type { FakeCoder } from '../server';
import { startTestFake } from '../testing';
import { EXPERIMENT_DISABLED_MESSAGE } from './errors';
import { SCOPES_SUPPORTED } from './metadata';
import { admin, postForm, raw } from './testing';

/** A fake started without options: the provider is off, as in real Coder. */
let fake: FakeCoder;
beforeAll(async () => {
  fake = await startTestFake();
});
afterAll(() => fake.close());
afterEach(() => admin(fake, 'POST', '/reset'));

const asAdmin = () => ({ 'Coder-Session-Token': fake.tokens.admin });

describe('the oauth2 experiment gate', () => {
  it.each([
    ['GET', '/.well-known/oauth-authorization-server'],
    ['GET', '/.well-known/oauth-protected-resource'],
    ['GET', '/oauth2/authorize'],
    ['POST', '/oauth2/tokens'],
    ['POST', '/oauth2/revoke'],
    ['POST', '/oauth2/register'],
    ['GET', '/oauth2/clients/c0de0009-0000-4000-8000-000000000001'],
    ['GET', '/api/v2/oauth2-provider/apps'],
    ['PUT', '/api/v2/oauth2-provider/settings'],
  ])(
    'answers %s %s with 403 while the experiment is off',
    async (method, path) => {
      const answer = await raw(fake, path, { method, headers: asAdmin() });
      expect(answer.status).toBe(403);
      expect(answer.json).toEqual({ message: EXPERIMENT_DISABLED_MESSAGE });
      expect(answer.headers.get('content-type')).toBe(
        'application/json; charset=utf-8',
      );
    },
  );

  it('asks for a session before the experiment on the management API', async () => {
    const answer = await raw(fake, '/api/v2/oauth2-provider/apps');
    expect(answer.status).toBe(401);
  });

  it('reports the experiment in /api/v2/experiments as it is switched', async () => {
    const before = await raw(fake, '/api/v2/experiments', {
      headers: asAdmin(),
    });
    expect(before.json).toEqual([]);
    await admin(fake, 'POST', '/oauth2', { experiment: true });
    const after = await raw(fake, '/api/v2/experiments', {
      headers: asAdmin(),
    });
    expect(after.json).toEqual(['oauth2']);
    const available = await raw(fake, '/api/v2/experiments/available', {
      headers: asAdmin(),
    });
    expect(available.json).toEqual({ safe: [] });
    expect((await raw(fake, '/api/v2/experiments')).status).toBe(401);
  });

  it('opens the endpoints once the experiment is on', async () => {
    await admin(fake, 'POST', '/oauth2', { experiment: true });
    const answer = await raw(fake, '/.well-known/oauth-protected-resource');
    expect(answer.status).toBe(200);
  });

  it('rejects unknown admin settings', async () => {
    const answer = await raw(fake, '/__fake/oauth2', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ experiment: 'yes' }),
    });
    expect(answer.status).toBe(400);
  });
});

describe('discovery', () => {
  beforeEach(() => admin(fake, 'POST', '/oauth2', { experiment: true }));

  it('serves RFC 8414 metadata naming the access URL, registration only with DCR on', async () => {
    const answer = await raw(fake, '/.well-known/oauth-authorization-server');
    expect(answer.status).toBe(200);
    expect(answer.json).toEqual({
      issuer: fake.url,
      authorization_endpoint: `${fake.url}/oauth2/authorize`,
      token_endpoint: `${fake.url}/oauth2/tokens`,
      revocation_endpoint: `${fake.url}/oauth2/revoke`,
      response_types_supported: ['code'],
      grant_types_supported: ['authorization_code', 'refresh_token'],
      code_challenge_methods_supported: ['S256'],
      scopes_supported: SCOPES_SUPPORTED,
      token_endpoint_auth_methods_supported: [
        'client_secret_basic',
        'client_secret_post',
      ],
    });
    expect(answer.headers.get('cache-control')).toBeNull();
    await admin(fake, 'POST', '/oauth2', { dcrEnabled: true });
    const withDcr = await raw(
      fake,
      '/.well-known/oauth-authorization-server/sub',
    );
    expect(withDcr.json.registration_endpoint).toBe(
      `${fake.url}/oauth2/register`,
    );
  });

  it('serves RFC 9728 protected-resource metadata', async () => {
    const answer = await raw(fake, '/.well-known/oauth-protected-resource');
    expect(answer.json).toEqual({
      resource: fake.url,
      authorization_servers: [fake.url],
      scopes_supported: SCOPES_SUPPORTED,
      bearer_methods_supported: ['header', 'query'],
    });
    expect(SCOPES_SUPPORTED).toContain('coder:all');
  });
});

describe('caching and CORS on the OAuth2 endpoints', () => {
  beforeEach(() => admin(fake, 'POST', '/oauth2', { experiment: true }));

  it('sends no-store on /oauth2 and /api/v2/oauth2-provider answers, errors included', async () => {
    for (const answer of [
      await postForm(fake, '/oauth2/tokens', {}),
      await raw(fake, '/api/v2/oauth2-provider/apps', { headers: asAdmin() }),
      await raw(fake, '/api/v2/oauth2-provider/apps'),
    ]) {
      expect(answer.headers.get('cache-control')).toBe('no-store');
      expect(answer.headers.get('pragma')).toBe('no-cache');
    }
    const api = await raw(fake, '/api/v2/users/me', { headers: asAdmin() });
    expect(api.headers.get('cache-control')).toBeNull();
  });

  it('answers cross-origin preflights for the token endpoint', async () => {
    const answer = await raw(fake, '/oauth2/tokens', {
      method: 'OPTIONS',
      headers: {
        Origin: 'http://localhost:3000',
        'Access-Control-Request-Method': 'POST',
        'Access-Control-Request-Headers': 'authorization,content-type',
      },
    });
    expect(answer.status).toBe(200);
    expect(answer.headers.get('access-control-allow-origin')).toBe('*');
    expect(answer.headers.get('access-control-allow-methods')).toBe('POST');
    expect(answer.headers.get('access-control-allow-headers')).toBe(
      'Authorization, Content-Type',
    );
    const refused = await raw(fake, '/oauth2/tokens', {
      method: 'OPTIONS',
      headers: {
        Origin: 'http://localhost:3000',
        'Access-Control-Request-Method': 'PUT',
      },
    });
    expect(refused.status).toBe(200);
    expect(refused.headers.get('access-control-allow-origin')).toBeNull();
  });

  it('marks actual cross-origin answers readable by any origin', async () => {
    const answer = await raw(fake, '/.well-known/oauth-protected-resource', {
      headers: { Origin: 'http://localhost:3000' },
    });
    expect(answer.headers.get('access-control-allow-origin')).toBe('*');
    const api = await raw(fake, '/api/v2/buildinfo', {
      headers: { Origin: 'http://localhost:3000' },
    });
    expect(api.headers.get('access-control-allow-origin')).toBeNull();
  });
});
