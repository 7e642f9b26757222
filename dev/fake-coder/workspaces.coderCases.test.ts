/** @jest-environment node */
import { SEED_IDS } from './seed';
import type { FakeCoder } from './server';
import { call, CallResult, eventually, startTestFake } from './testing';

/*
 * Cases of coder/coder coderd/workspaces_test.go (@c9a1e2bc), restated over
 * HTTP against the seeded fake. Each describe names the Coder test; Coder's
 * own templates become the seeded ones (docker: no default TTL; devcontainers:
 * an 8 h default TTL and a required `repo_url`).
 */

let fake: FakeCoder;
beforeAll(async () => {
  fake = await startTestFake({ buildStepMs: 0 });
});
afterAll(() => fake.close());
afterEach(() => call(fake, '/__fake/reset', { method: 'POST' }));

const ORG = SEED_IDS.organization;
const DOCKER = SEED_IDS.templates.docker;
const DEVCONTAINERS = SEED_IDS.templates.devcontainers;
const repo = [{ name: 'repo_url', value: 'https://github.com/acme/web-app' }];

/** client.CreateWorkspace: the organization member route. */
const createWorkspace = (body: object, token = fake.demoToken) =>
  call(fake, `/api/v2/organizations/${ORG}/members/me/workspaces`, {
    method: 'POST',
    token,
    body,
  });
const get = (path: string, token = fake.demoToken) =>
  call(fake, path, { token });
const searchOn = (
  target: FakeCoder,
  query: string,
  extra = '',
  token = target.demoToken,
) =>
  call(target, `/api/v2/workspaces?q=${encodeURIComponent(query)}${extra}`, {
    token,
  });
const search = (query: string, extra = '', token = fake.demoToken) =>
  searchOn(fake, query, extra, token);
const ids = (response: CallResult) =>
  response.body.workspaces.map((workspace: { id: string }) => workspace.id);
const postBuild = (workspaceId: string, transition: string) =>
  call(fake, `/api/v2/workspaces/${workspaceId}/builds`, {
    method: 'POST',
    token: fake.demoToken,
    body: { transition },
  });
const settled = (workspaceId: string, status: string) =>
  eventually(async () => {
    const current = await get(
      `/api/v2/workspaces/${workspaceId}?include_deleted=true`,
    );
    return current.body.latest_build.status === status
      ? current.body
      : undefined;
  });

describe('coderd/workspaces_test.go TestWorkspace', () => {
  it('OK: the creator initiated the first build, for the reason initiator', async () => {
    const created = await createWorkspace({ name: 'ok', template_id: DOCKER });
    const workspace = await get(`/api/v2/workspaces/${created.body.id}`);
    expect(workspace.body.latest_build.initiator_id).toBe(SEED_IDS.users.demo);
    expect(workspace.body.latest_build.reason).toBe('initiator');
    const organization = await get(
      `/api/v2/organizations/${workspace.body.organization_id}`,
    );
    expect(workspace.body.organization_name).toBe(organization.body.name);
  });

  it('Deleted: 410 without include_deleted once deleted, the workspace with it', async () => {
    const created = await createWorkspace({
      name: 'doomed',
      template_id: DOCKER,
    });
    await settled(created.body.id, 'running');
    expect(
      (await get(`/api/v2/workspaces/${created.body.id}?include_deleted=true`))
        .status,
    ).toBe(200);
    expect((await postBuild(created.body.id, 'delete')).status).toBe(201);
    await settled(created.body.id, 'deleted');
    const withDeleted = await get(
      `/api/v2/workspaces/${created.body.id}?include_deleted=true`,
    );
    expect(withDeleted.body.id).toBe(created.body.id);
    expect((await get(`/api/v2/workspaces/${created.body.id}`)).status).toBe(
      410,
    );
  });
});

describe('coderd/workspaces_test.go TestPostWorkspacesByOrganization', () => {
  it('InvalidTemplate: 400 for a template that does not exist', async () => {
    const response = await createWorkspace({
      name: 'workspace',
      template_id: '00000000-0000-4000-8000-00000000f00d',
    });
    expect(response.status).toBe(400);
  });

  it('AlreadyExists: 409 for a name the owner already uses', async () => {
    const response = await createWorkspace({
      name: 'sandbox',
      template_id: DOCKER,
    });
    expect(response.status).toBe(409);
  });

  it('InvalidCombinationOfTemplateAndTemplateVersion: both ids are refused', async () => {
    const response = await createWorkspace({
      name: 'both',
      template_id: DOCKER,
      template_version_id: SEED_IDS.templateVersions.dockerV1,
      autostart_schedule: 'CRON_TZ=US/Central 30 9 * * 1-5',
      ttl_ms: 8 * 3_600_000,
    });
    expect(response.status).toBe(400);
  });

  it('CreateWithDeletedTemplate: 404', async () => {
    await call(fake, '/__fake/templates/docker', { method: 'DELETE' });
    const response = await createWorkspace({
      name: 'testing',
      template_id: DOCKER,
    });
    expect(response.status).toBe(404);
  });

  it('TemplateNoTTL: no template default and a TTL of 0 leave no TTL', async () => {
    const response = await createWorkspace({
      name: 'no-ttl',
      template_id: DOCKER,
      ttl_ms: 0,
    });
    expect(response.status).toBe(201);
    expect(response.body).not.toHaveProperty('ttl_ms');
  });

  it("TemplateCustomTTL: without a TTL the workspace takes the template's", async () => {
    const template = await get(`/api/v2/templates/${DEVCONTAINERS}`);
    const response = await createWorkspace({
      name: 'custom-ttl',
      template_id: DEVCONTAINERS,
      rich_parameter_values: repo,
    });
    expect(response.body.ttl_ms).toBe(template.body.default_ttl_ms);
  });

  it('InvalidTTL/BelowMin: 59 s is refused with one validation on ttl_ms', async () => {
    const response = await createWorkspace({
      name: 'testing',
      template_id: DOCKER,
      ttl_ms: 59_000,
    });
    expect(response.status).toBe(400);
    expect(response.body.validations).toEqual([
      {
        field: 'ttl_ms',
        detail: 'time until shutdown must be at least one minute',
      },
    ]);
  });

  it('TemplateDefaultTTL: the default applies, and an explicit TTL overrides it', async () => {
    const byDefault = await createWorkspace({
      name: 'testing',
      template_id: DEVCONTAINERS,
      rich_parameter_values: repo,
    });
    expect(byDefault.body.ttl_ms).toBe(8 * 3_600_000);
    const overridden = await createWorkspace({
      name: 'testing2',
      template_id: DEVCONTAINERS,
      rich_parameter_values: repo,
      ttl_ms: 3_600_000,
    });
    expect(overridden.body.ttl_ms).toBe(3_600_000);
  });
});

describe('coderd/workspaces_test.go TestWorkspaceByOwnerAndName', () => {
  const byName = (owner: string, name: string, query = '') =>
    get(`/api/v2/users/${owner}/workspace/${name}${query}`);

  it('NotFound: without a session the answer is 401', async () => {
    const response = await call(fake, '/api/v2/users/me/workspace/something');
    expect(response.status).toBe(401);
  });

  it('Get', async () => {
    expect((await byName('me', 'sandbox')).status).toBe(200);
  });

  it('Deleted: 404 unless include_deleted, and the newest deleted one after a re-create', async () => {
    const first = await createWorkspace({
      name: 'phoenix',
      template_id: DOCKER,
    });
    await settled(first.body.id, 'running');
    await postBuild(first.body.id, 'delete');
    await settled(first.body.id, 'deleted');
    expect((await byName('demo', 'phoenix')).status).toBe(404);
    expect(
      (await byName('demo', 'phoenix', '?include_deleted=true')).body.id,
    ).toBe(first.body.id);

    const second = await createWorkspace({
      name: 'phoenix',
      template_id: DOCKER,
    });
    expect(second.status).toBe(201);
    await settled(second.body.id, 'running');
    expect((await byName('demo', 'phoenix')).body.id).toBe(second.body.id);

    await postBuild(second.body.id, 'delete');
    await settled(second.body.id, 'deleted');
    expect(
      (await byName('demo', 'phoenix', '?include_deleted=true')).body.id,
    ).toBe(second.body.id);
  });
});

describe('coderd/workspaces_test.go TestWorkspaceFilterManual', () => {
  const SANDBOX = SEED_IDS.workspaces(12);
  // A fake whose seeded builds stand still, so states and last-used times hold.
  let slow: FakeCoder;
  beforeAll(async () => {
    slow = await startTestFake({ buildStepMs: 60_000 });
  });
  afterAll(() => slow.close());
  const find = (query: string, token?: string) =>
    searchOn(slow, query, '', token);

  it('Name: a full name, a part of it, and no match', async () => {
    expect(ids(await find('name:sandbox'))).toEqual([SANDBOX]);
    expect(ids(await find('name:andbo'))).toEqual([SANDBOX]);
    expect((await find('name:$$$$')).body.workspaces).toEqual([]);
  });

  it('Owner: only that owner’s workspaces', async () => {
    const response = await find('owner:alice', slow.tokens.admin);
    expect(response.body.count).toBe(3);
    for (const workspace of response.body.workspaces)
      expect(workspace.owner_name).toBe('alice');
  });

  it('IDs: a list of ids, and an id that matches nothing', async () => {
    const alpha = SEED_IDS.workspaces(1);
    const bravo = SEED_IDS.workspaces(2);
    expect(ids(await find(`id:${alpha},${bravo}`)).sort()).toEqual(
      [alpha, bravo].sort(),
    );
    expect(
      (await find('id:00000000-0000-4000-8000-00000000beef')).body.count,
    ).toBe(0);
  });

  it('Template: only workspaces of that template', async () => {
    expect((await find('')).body.count).toBe(12);
    expect(ids(await find('template:docker')).sort()).toEqual(
      [SEED_IDS.workspaces(11), SANDBOX].sort(),
    );
  });

  it('Status: a stopped workspace leaves status:running', async () => {
    expect(ids(await search('status:running'))).toContain(SANDBOX);
    await postBuild(SANDBOX, 'stop');
    await settled(SANDBOX, 'stopped');
    expect(ids(await search('status:running'))).not.toContain(SANDBOX);
  });

  it('FilterQuery: template plus owner/name finds one workspace', async () => {
    const response = await find('template:docker demo/sandbox');
    expect(ids(response)).toEqual([SANDBOX]);
    expect(response.body.workspaces[0].organization_name).toBe('coder');
  });

  it('FilterQueryHasAgentConnecting and FilterQueryHasAgentConnected', async () => {
    expect(ids(await find('has-agent:connecting'))).toEqual([
      SEED_IDS.workspaces(6),
    ]);
    expect(ids(await find('has-agent:connected'))).toContain(
      SEED_IDS.workspaces(1),
    );
  });

  it('Dormant: dormant:true finds only the dormant workspace', async () => {
    const response = await find('dormant:true');
    expect(ids(response)).toEqual([SEED_IDS.workspaces(8)]);
    expect(response.body.workspaces[0].dormant_at).toEqual(expect.any(String));
    expect((await find('')).body.count).toBe(12);
  });

  it('LastUsed: last_used_before and last_used_after split the list at a time', async () => {
    const all = (await find('')).body.workspaces as Array<{
      id: string;
      last_used_at: string;
    }>;
    const pivot = new Date(Date.now() - 30 * 60_000).toISOString();
    const expectedBefore = all
      .filter(workspace => workspace.last_used_at <= pivot)
      .map(workspace => workspace.id)
      .sort();
    expect(expectedBefore.length).toBeGreaterThan(0);
    expect(ids(await find(`last_used_before:"${pivot}"`)).sort()).toEqual(
      expectedBefore,
    );
    expect(
      ids(await find(`last_used_after:"${pivot}"`)).length +
        expectedBefore.length,
    ).toBe(all.length);
  });

  it('Updated: outdated:false and outdated:true swap when a new version is published', async () => {
    const upToDate = ids(await search('outdated:false template:docker'));
    expect(upToDate.sort()).toEqual([SEED_IDS.workspaces(11), SANDBOX].sort());
    expect((await search('outdated:true template:docker')).body.count).toBe(0);
    await call(fake, '/__fake/templates/docker/versions', { method: 'POST' });
    expect((await search('outdated:false template:docker')).body.count).toBe(0);
    expect(ids(await search('outdated:true template:docker')).sort()).toEqual(
      upToDate.sort(),
    );
  });
});

describe('coderd/workspaces_test.go TestWorkspaceFilterAllStatus', () => {
  it('finds, for each status on the list, only workspaces in that status', async () => {
    const slow = await startTestFake({ buildStepMs: 60_000 });
    try {
      const list = await call(slow, '/api/v2/workspaces', {
        token: slow.tokens.admin,
      });
      const statuses = new Set<string>(
        list.body.workspaces.map(
          (workspace: { latest_build: { status: string } }) =>
            workspace.latest_build.status,
        ),
      );
      expect(statuses.size).toBeGreaterThan(5);
      for (const status of statuses) {
        const found = await call(
          slow,
          `/api/v2/workspaces?q=${encodeURIComponent(`status:${status}`)}`,
          { token: slow.tokens.admin },
        );
        expect(found.body.count).toBeGreaterThan(0);
        for (const workspace of found.body.workspaces)
          expect(workspace.latest_build.status).toBe(status);
      }
    } finally {
      await slow.close();
    }
  });
});

describe('coderd/workspaces_test.go TestOffsetLimit', () => {
  it('pages with offset and limit, counting every match', async () => {
    // Seeded builds stand still, so demo keeps all 12 workspaces.
    const slow = await startTestFake({ buildStepMs: 60_000 });
    try {
      const page = (extra: string) => searchOn(slow, '', extra);
      expect((await page('')).body.workspaces).toHaveLength(12);
      expect((await page('&offset=1')).body.workspaces).toHaveLength(11);
      expect((await page('&offset=1&limit=1')).body.workspaces).toHaveLength(1);
      const beyond = await page('&offset=12');
      expect(beyond.body.workspaces).toHaveLength(0);
      expect(beyond.body.count).toBe(12);
      expect((await page('&offset=2147483648')).status).toBe(400);
    } finally {
      await slow.close();
    }
  });
});

describe('coderd/workspaces_test.go TestWorkspaceExtend', () => {
  const MAIN = SEED_IDS.workspaces(1);
  const extend = (deadline: string) =>
    call(fake, `/api/v2/workspaces/${MAIN}/extend`, {
      method: 'PUT',
      token: fake.demoToken,
      body: { deadline },
    });
  const inMinutes = (minutes: number) =>
    new Date(Date.now() + minutes * 60_000).toISOString();

  it('moves the deadline, refuses a zero or too-soon one, and accepts an earlier one', async () => {
    const before = await get(`/api/v2/workspaces/${MAIN}`);
    const oldDeadline = Date.parse(before.body.latest_build.deadline);

    const newDeadline = inMinutes(9 * 60);
    expect((await extend(newDeadline)).status).toBe(200);
    const updated = await get(`/api/v2/workspaces/${MAIN}`);
    expect(
      Math.abs(
        Date.parse(updated.body.latest_build.deadline) -
          Date.parse(newDeadline),
      ),
    ).toBeLessThan(60_000);

    const zero = await extend('0001-01-01T00:00:00Z');
    expect(zero.status).toBe(400);
    expect(zero.body.validations).toEqual([
      {
        field: 'deadline',
        detail:
          'Validation failed for tag "required" with value: "0001-01-01 00:00:00 +0000 UTC"',
      },
    ]);

    const tooSoon = await extend(inMinutes(15));
    expect(tooSoon.status).toBe(400);
    expect(tooSoon.body.message).toBe(
      'Cannot extend workspace: new deadline must be at least 30 minutes in the future',
    );

    expect((await extend(inMinutes(30))).status).toBe(200);

    const earlier = new Date(oldDeadline - 3_600_000).toISOString();
    expect((await extend(earlier)).status).toBe(200);
    const final = await get(`/api/v2/workspaces/${MAIN}`);
    expect(
      Math.abs(
        Date.parse(final.body.latest_build.deadline) - Date.parse(earlier),
      ),
    ).toBeLessThan(60_000);
  });
});
