/** @jest-environment node */
import {
  callCoder,
  SEED_IDS,
  startContractFake,
  type FakeCoder,
} from './fakeCoderContract';

let fake: FakeCoder;
beforeAll(async () => {
  fake = await startContractFake();
});
afterAll(() => fake.close());

const NOT_FOUND =
  'Resource not found or you do not have access to this resource';

describe('the fake Coder’s deployment and user endpoints match swagger', () => {
  it('serves build info without a session token', async () => {
    const answer = await callCoder(fake, 'GET', '/api/v2/buildinfo', {
      token: null,
    });
    expect(answer.status).toBe(200);
    expect(answer.body.version).toMatch(/^v\d+\.\d+\.\d+/);
    expect(answer.body.dashboard_url).toBe(fake.url);
  });

  it('returns the member behind the session for `me`', async () => {
    const answer = await callCoder(fake, 'GET', '/api/v2/users/me');
    expect(answer.status).toBe(200);
    expect(answer.body).toMatchObject({
      id: SEED_IDS.users.demo,
      username: 'demo',
      organization_ids: [SEED_IDS.organization],
    });
  });

  it('returns an owner whose site role carries no organization id', async () => {
    const answer = await callCoder(fake, 'GET', '/api/v2/users/me', {
      token: fake.tokens.admin,
    });
    expect(answer.status).toBe(200);
    expect(answer.body.roles).toContainEqual({
      name: 'owner',
      display_name: 'Owner',
    });
  });

  it('finds a user by username and by id alike', async () => {
    const byName = await callCoder(fake, 'GET', '/api/v2/users/alice');
    const byId = await callCoder(
      fake,
      'GET',
      `/api/v2/users/${SEED_IDS.users.alice}`,
    );
    expect(byName.status).toBe(200);
    expect(byId.body).toEqual(byName.body);
    expect(byName.body.avatar_url).toContain('/icon/avatar-alice.svg');
  });

  it('answers 404 for an unknown username', async () => {
    const answer = await callCoder(fake, 'GET', '/api/v2/users/nobody');
    expect(answer.status).toBe(404);
    expect(answer.body).toEqual({ message: NOT_FOUND });
  });

  it('answers 401 for `me` without a session', async () => {
    const answer = await callCoder(fake, 'GET', '/api/v2/users/me', {
      token: null,
    });
    expect(answer.status).toBe(401);
    expect(answer.body.detail).toBe(
      'Cookie "coder_session_token" or query parameter must be provided.',
    );
  });

  it('lists the organizations of a user', async () => {
    const answer = await callCoder(
      fake,
      'GET',
      '/api/v2/users/me/organizations',
    );
    expect(answer.status).toBe(200);
    expect(answer.body.map((org: { name: string }) => org.name)).toEqual([
      'coder',
    ]);
  });

  it('lists the organizations visible to the caller', async () => {
    const answer = await callCoder(fake, 'GET', '/api/v2/organizations');
    expect(answer.status).toBe(200);
    expect(answer.body).toEqual([
      expect.objectContaining({ id: SEED_IDS.organization, is_default: true }),
    ]);
  });

  it.each([
    ['its id', SEED_IDS.organization],
    ['its name', 'coder'],
    ['the `default` alias', 'default'],
  ])('finds an organization by %s', async (_label, key) => {
    const answer = await callCoder(fake, 'GET', `/api/v2/organizations/${key}`);
    expect(answer.status).toBe(200);
    expect(answer.body.id).toBe(SEED_IDS.organization);
  });

  it('answers 404 for an unknown organization', async () => {
    const answer = await callCoder(fake, 'GET', '/api/v2/organizations/nope');
    expect(answer.status).toBe(404);
    expect(answer.body.message).toBe(NOT_FOUND);
  });

  it('mints an API key in Coder’s token format with 201', async () => {
    const answer = await callCoder(fake, 'POST', '/api/v2/users/me/keys');
    expect(answer.status).toBe(201);
    expect(answer.body.key).toMatch(/^[A-Za-z0-9]{10}-[A-Za-z0-9]{22}$/);
    const withKey = await callCoder(fake, 'GET', '/api/v2/users/me', {
      token: answer.body.key,
    });
    expect(withKey.body.username).toBe('demo');
  });

  it('lists the primary region with its app URLs', async () => {
    const answer = await callCoder(fake, 'GET', '/api/v2/regions');
    expect(answer.status).toBe(200);
    expect(answer.body.regions[0]).toMatchObject({
      name: 'primary',
      healthy: true,
      path_app_url: fake.url,
    });
  });
});
