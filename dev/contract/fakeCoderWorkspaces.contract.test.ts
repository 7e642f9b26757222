/** @jest-environment node */
import {
  adminCall,
  callCoder,
  followBuild,
  resetFake,
  SEED_IDS,
  startContractFake,
  type FakeCoder,
} from './fakeCoderContract';

let fake: FakeCoder;
beforeAll(async () => {
  fake = await startContractFake();
  // Builds take a minute per phase, so every seeded state holds still.
  await resetFake(fake, { buildStepMs: 60_000 });
});
afterAll(() => fake.close());

const MAIN = SEED_IDS.workspaces(1);
const CLEANUP = SEED_IDS.workspaces(9);
const UNKNOWN = 'c0de0004-0000-4000-8000-0000000000ff';
/** The latest build status of seeded workspaces 1–15 (dev/fake-coder/README.md). */
const SEEDED_STATUSES = [
  'running',
  'stopped',
  'starting',
  'running',
  'failed',
  'running',
  'stopping',
  'stopped',
  'deleting',
  'canceled',
  'pending',
  'running',
  'running',
  'stopped',
  'stopped',
];

const list = (query: string, token?: string) =>
  callCoder(fake, 'GET', `/api/v2/workspaces?${query}`, { token });
const names = (body: { workspaces: Array<{ name: string }> }) =>
  body.workspaces.map(workspace => workspace.name).sort();

describe('GET /api/v2/workspaces on the fake Coder matches swagger', () => {
  it('lists the caller’s workspaces for owner:me with the total count', async () => {
    const answer = await list(`q=${encodeURIComponent('owner:me')}`);
    expect(answer.status).toBe(200);
    expect(answer.body.count).toBe(12);
    expect(answer.body.workspaces).toHaveLength(12);
  });

  it('lists every owner’s workspaces for an owner-role caller', async () => {
    const answer = await list('', fake.tokens.admin);
    expect(answer.body.count).toBe(15);
  });

  it('filters on a quoted param:name=value term', async () => {
    const query = 'param:"repo_url=https://github.com/acme/web-app" owner:me';
    const answer = await list(`q=${encodeURIComponent(query)}`);
    expect(answer.status).toBe(200);
    expect(names(answer.body)).toEqual([
      'web-app-broken',
      'web-app-feature',
      'web-app-legacy',
      'web-app-main',
      'web-app-review',
      'web-app-spike',
    ]);
  });

  it('filters on status, template, outdated and dormant terms', async () => {
    const stopped = await list(`q=${encodeURIComponent('status:stopped')}`);
    expect(stopped.body.workspaces.length).toBeGreaterThan(0);
    for (const workspace of stopped.body.workspaces) {
      expect(workspace.latest_build.status).toBe('stopped');
    }
    const docker = await list(`q=${encodeURIComponent('template:docker')}`);
    expect(names(docker.body)).toEqual(['sandbox', 'scratch']);
    const outdated = await list(`q=${encodeURIComponent('outdated:true')}`);
    expect(names(outdated.body)).toEqual(['web-app-legacy']);
    const dormant = await list(`q=${encodeURIComponent('dormant:true')}`);
    expect(dormant.body.workspaces[0].dormant_at).not.toBeNull();
  });

  it('answers an empty page, not null, when nothing matches', async () => {
    const answer = await list(`q=${encodeURIComponent('name:zzz-nothing')}`);
    expect(answer.body).toEqual({ workspaces: [], count: 0 });
  });

  it('pages 5000 seeded workspaces with limit and offset', async () => {
    await adminCall(fake, 'POST', '/seed', { count: 5000 });
    try {
      const answer = await list(
        `q=${encodeURIComponent('owner:me')}&limit=25&offset=100`,
      );
      expect(answer.status).toBe(200);
      expect(answer.body.count).toBe(5012);
      expect(answer.body.workspaces).toHaveLength(25);
    } finally {
      await resetFake(fake, { buildStepMs: 60_000 });
    }
  });

  it('answers 400 with validations for an unknown search key', async () => {
    const answer = await list(`q=${encodeURIComponent('bogus:x')}`);
    expect(answer.status).toBe(400);
    expect(answer.body).toEqual({
      message: 'Invalid workspace search query.',
      validations: [
        { field: 'bogus', detail: '"bogus" is not a valid query param' },
      ],
    });
  });

  it('answers 400 for an invalid status value', async () => {
    const answer = await list(`q=${encodeURIComponent('status:bogus')}`);
    expect(answer.status).toBe(400);
    expect(answer.body.validations[0].field).toBe('status');
  });

  it.each(['limit=-1', 'limit=abc', 'offset=-3'])(
    'answers 400 for the bad pagination %s',
    async query => {
      const answer = await list(query);
      expect(answer.status).toBe(400);
      expect(answer.body.message).toBe('Query parameters have invalid values.');
    },
  );
});

describe('single-workspace reads on the fake Coder match swagger', () => {
  it.each(SEEDED_STATUSES.map((status, index) => [index + 1, status]))(
    'returns seeded workspace %i with its latest build %s',
    async (position, status) => {
      const id = SEED_IDS.workspaces(position);
      const answer = await callCoder(
        fake,
        'GET',
        `/api/v2/workspaces/${id}?include_deleted=true`,
        { token: fake.tokens.admin },
      );
      expect(answer.status).toBe(200);
      expect(answer.body.id).toBe(id);
      expect(answer.body.latest_build.status).toBe(status);
    },
  );

  it('answers 404 for an unknown workspace id', async () => {
    const answer = await callCoder(
      fake,
      'GET',
      `/api/v2/workspaces/${UNKNOWN}`,
    );
    expect(answer.status).toBe(404);
  });

  it('answers 400 for a workspace id that is not a UUID', async () => {
    const answer = await callCoder(fake, 'GET', '/api/v2/workspaces/web-app');
    expect(answer.status).toBe(400);
    expect(answer.body.message).toBe('Invalid UUID "web-app".');
    expect(answer.body.detail).toBeTruthy();
  });

  it('finds a workspace by owner and name, and 404s an unknown name', async () => {
    const found = await callCoder(
      fake,
      'GET',
      '/api/v2/users/demo/workspace/web-app-main',
    );
    expect(found.status).toBe(200);
    expect(found.body.id).toBe(MAIN);
    const missing = await callCoder(
      fake,
      'GET',
      '/api/v2/users/me/workspace/no-such-workspace',
    );
    expect(missing.status).toBe(404);
  });

  it('lists a workspace’s builds, newest first, and reads one with its parameters', async () => {
    const builds = await callCoder(
      fake,
      'GET',
      `/api/v2/workspaces/${MAIN}/builds`,
    );
    expect(builds.status).toBe(200);
    expect(builds.body.length).toBeGreaterThan(0);
    const [latest] = builds.body;
    const build = await callCoder(
      fake,
      'GET',
      `/api/v2/workspacebuilds/${latest.id}`,
    );
    expect(build.body).toMatchObject({
      id: latest.id,
      build_number: latest.build_number,
      status: 'running',
    });
    const parameters = await callCoder(
      fake,
      'GET',
      `/api/v2/workspacebuilds/${latest.id}/parameters`,
    );
    expect(parameters.status).toBe(200);
    expect(parameters.body).toContainEqual({
      name: 'repo_url',
      value: 'https://github.com/acme/web-app',
    });
  });

  it('returns a running workspace’s agent, connected and then disconnected', async () => {
    const workspace = await callCoder(
      fake,
      'GET',
      `/api/v2/workspaces/${MAIN}`,
    );
    const [agent] = workspace.body.latest_build.resources.flatMap(
      (resource: { agents?: unknown[] }) => resource.agents ?? [],
    );
    const path = `/api/v2/workspaceagents/${agent.id}`;
    const connected = await callCoder(fake, 'GET', path);
    expect(connected.body).toMatchObject({
      status: 'connected',
      health: { healthy: true },
    });
    await adminCall(fake, 'PUT', `/workspaces/${MAIN}/agents`, {
      status: 'disconnected',
    });
    const disconnected = await callCoder(fake, 'GET', path);
    expect(disconnected.body).toMatchObject({
      status: 'disconnected',
      health: { healthy: false, reason: 'agent has lost connection' },
    });
  });

  it('answers 404 and 400 for unknown and malformed build ids', async () => {
    const missing = await callCoder(
      fake,
      'GET',
      '/api/v2/workspacebuilds/c0de0005-0000-4000-8000-0000000000ff',
    );
    expect(missing.status).toBe(404);
    const malformed = await callCoder(
      fake,
      'GET',
      '/api/v2/workspacebuilds/latest/parameters',
    );
    expect(malformed.status).toBe(400);
  });
});

describe('deleted workspaces on the fake Coder match swagger', () => {
  it('answers 410 for a deleted workspace unless include_deleted is set', async () => {
    await resetFake(fake);
    const latest = await callCoder(
      fake,
      'GET',
      `/api/v2/workspaces/${CLEANUP}?include_deleted=true`,
    );
    expect(latest.body.latest_build.transition).toBe('delete');
    await followBuild(fake, latest.body.latest_build.id, 'deleted');
    const gone = await callCoder(fake, 'GET', `/api/v2/workspaces/${CLEANUP}`);
    expect(gone.status).toBe(410);
    expect(gone.body.message).toMatch(/deleted/i);
    const kept = await callCoder(
      fake,
      'GET',
      `/api/v2/workspaces/${CLEANUP}?include_deleted=true`,
    );
    expect(kept.status).toBe(200);
    expect(kept.body.latest_build.status).toBe('deleted');
  });
});
