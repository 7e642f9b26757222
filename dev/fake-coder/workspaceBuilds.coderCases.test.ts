/** @jest-environment node */
import { SEED_IDS } from './seed';
import type { FakeCoder } from './server';
import { call, eventually, startTestFake } from './testing';

/*
 * Cases of coder/coder coderd/workspacebuilds_test.go (@c9a1e2bc), restated
 * over HTTP against the seeded fake. Each describe names the Coder test.
 * Coder's template admin becomes the fake's owner (the fake has no other
 * template manager), and "no provisioner daemon" becomes a fake whose build
 * phases take a minute.
 *
 * Left out: cases about provisioner matching, presets, audit logs, build
 * logs and state read-back, and debug mode switched on; the fake has none.
 */

let fake: FakeCoder;
let slow: FakeCoder;
beforeAll(async () => {
  fake = await startTestFake({ buildStepMs: 0 });
  slow = await startTestFake({ buildStepMs: 60_000 });
});
afterAll(async () => {
  await fake.close();
  await slow.close();
});
afterEach(async () => {
  await call(fake, '/__fake/reset', { method: 'POST' });
  await call(slow, '/__fake/reset', { method: 'POST' });
});

const DOCKER = SEED_IDS.templates.docker;

function client(target: FakeCoder, token = target.demoToken) {
  return {
    get: (path: string) => call(target, path, { token }),
    createWorkspace: (name: string) =>
      call(target, '/api/v2/users/me/workspaces', {
        method: 'POST',
        token,
        body: { name, template_id: DOCKER },
      }),
    postBuild: (workspaceId: string, body: object) =>
      call(target, `/api/v2/workspaces/${workspaceId}/builds`, {
        method: 'POST',
        token,
        body,
      }),
    cancel: (buildId: string, query = '') =>
      call(target, `/api/v2/workspacebuilds/${buildId}/cancel${query}`, {
        method: 'PATCH',
        token,
      }),
    settled: (buildId: string) =>
      eventually(async () => {
        const build = await call(target, `/api/v2/workspacebuilds/${buildId}`, {
          token,
        });
        return build.body.job.completed_at ? build.body : undefined;
      }),
  };
}

describe('coderd/workspacebuilds_test.go TestWorkspaceBuilds', () => {
  it('Single: one build by the creator; since filters it in and out', async () => {
    const demo = client(fake);
    const workspace = (await demo.createWorkspace('single')).body;
    const builds = await demo.get(`/api/v2/workspaces/${workspace.id}/builds`);
    expect(builds.body).toHaveLength(1);
    expect(builds.body[0].build_number).toBe(1);
    expect(builds.body[0].initiator_name).toBe('demo');
    const since = (offsetMs: number) =>
      demo.get(
        `/api/v2/workspaces/${workspace.id}/builds?since=${encodeURIComponent(new Date(Date.now() + offsetMs).toISOString())}`,
      );
    // Never null: an empty JSON array.
    expect((await since(60_000)).body).toEqual([]);
    expect((await since(-3_600_000)).body).toHaveLength(1);
  });

  it('PaginateNonExistentRow: an after_id that names no build is a 400', async () => {
    const demo = client(fake);
    const response = await demo.get(
      `/api/v2/workspaces/${SEED_IDS.workspaces(1)}/builds?after_id=00000000-0000-4000-8000-0000000000ab`,
    );
    expect(response.status).toBe(400);
    expect(response.body.message).toContain('does not exist');
  });

  it('PaginateLimitOffset: pages of three, newest first', async () => {
    const demo = client(fake);
    const workspace = (await demo.createWorkspace('pages')).body;
    await demo.settled(workspace.latest_build.id);
    const extra: string[] = [];
    for (let index = 0; index < 4; index++) {
      const build = await demo.postBuild(workspace.id, { transition: 'start' });
      extra.push(build.body.id);
      await demo.settled(build.body.id);
    }
    const page = (offset: number) =>
      demo.get(
        `/api/v2/workspaces/${workspace.id}/builds?limit=3&offset=${offset}`,
      );
    const ids = (builds: Array<{ id: string }>) => builds.map(b => b.id);
    expect(ids((await page(0)).body)).toEqual([extra[3], extra[2], extra[1]]);
    expect(ids((await page(3)).body)).toEqual([
      extra[0],
      workspace.latest_build.id,
    ]);
  });
});

describe('coderd/workspacebuilds_test.go TestWorkspaceBuildsProvisionerState', () => {
  it('Permissions: an owner may send state, a member may not', async () => {
    const admin = client(fake, fake.tokens.admin);
    const sandbox = SEED_IDS.workspaces(12);
    const withState = await admin.postBuild(sandbox, {
      transition: 'delete',
      state: 'IA==',
    });
    expect(withState.status).toBe(201);

    const demo = client(fake);
    const own = (await demo.createWorkspace('own-state')).body;
    await demo.settled(own.latest_build.id);
    const refused = await demo.postBuild(own.id, {
      transition: 'start',
      state: 'IA==',
    });
    expect(refused.status).toBe(403);
  });

  it('Orphan/WithoutDelete: orphan on a start is a 400', async () => {
    const admin = client(fake, fake.tokens.admin);
    const response = await admin.postBuild(SEED_IDS.workspaces(12), {
      transition: 'start',
      orphan: true,
    });
    expect(response.status).toBe(400);
    expect(response.body.message).toBe(
      'Orphan is only permitted when deleting a workspace.',
    );
  });

  it('Orphan/WithState: orphan and state together are a 400', async () => {
    const admin = client(fake, fake.tokens.admin);
    const response = await admin.postBuild(SEED_IDS.workspaces(12), {
      transition: 'delete',
      state: 'IA==',
      orphan: true,
    });
    expect(response.status).toBe(400);
    expect(response.body).toEqual({
      message:
        'ProvisionerState cannot be set alongside Orphan since state intent is unclear.',
    });
  });

  it('Orphan/NoPermission: a member may not orphan', async () => {
    const demo = client(fake);
    const response = await demo.postBuild(SEED_IDS.workspaces(12), {
      transition: 'delete',
      orphan: true,
    });
    expect(response.status).toBe(403);
  });

  it('Orphan/OK: an owner orphans a workspace away', async () => {
    const admin = client(fake, fake.tokens.admin);
    const sandbox = SEED_IDS.workspaces(12);
    const build = await admin.postBuild(sandbox, {
      transition: 'delete',
      orphan: true,
    });
    expect(build.status).toBe(201);
    await admin.settled(build.body.id);
    expect((await admin.get(`/api/v2/workspaces/${sandbox}`)).status).toBe(410);
  });
});

describe('coderd/workspacebuilds_test.go TestPatchCancelWorkspaceBuild', () => {
  // web-app-review: devcontainers (users may cancel), its start build running.
  const REVIEW = SEED_IDS.workspaces(3);
  const latestBuildId = async (target: FakeCoder, workspaceId: string) =>
    (await client(target).get(`/api/v2/workspaces/${workspaceId}`)).body
      .latest_build.id;

  it('User is allowed to cancel: a running job ends failed with the error "canceled"', async () => {
    // Phases of half a second: long enough to cancel, short enough to finish.
    const quick = await startTestFake({ buildStepMs: 500 });
    try {
      const demo = client(quick);
      const buildId = await latestBuildId(quick, REVIEW);
      expect((await demo.cancel(buildId)).status).toBe(200);
      const build = await demo.settled(buildId);
      expect(build.job).toMatchObject({ status: 'failed', error: 'canceled' });
      expect(build.status).toBe('failed');
    } finally {
      await quick.close();
    }
  });

  it('User is not allowed to cancel: 403 on a template without user cancels', async () => {
    const demo = client(slow);
    const response = await demo.cancel(
      await latestBuildId(slow, SEED_IDS.workspaces(11)),
    );
    expect(response.status).toBe(403);
  });

  it('Cancel with expect_state=pending: a queued job is canceled at once', async () => {
    const admin = client(slow, slow.tokens.admin);
    const build = await admin.postBuild(SEED_IDS.workspaces(1), {
      transition: 'stop',
    });
    expect(build.body.job.status).toBe('pending');
    expect(
      (await admin.cancel(build.body.id, '?expect_status=pending')).status,
    ).toBe(200);
    expect(
      (await admin.get(`/api/v2/workspacebuilds/${build.body.id}`)).body.job
        .status,
    ).toBe('canceled');
  });

  it('Cancel with expect_state=pending when job is running: 412', async () => {
    const admin = client(slow, slow.tokens.admin);
    const response = await admin.cancel(
      await latestBuildId(slow, REVIEW),
      '?expect_status=pending',
    );
    expect(response.status).toBe(412);
  });

  it('Cancel with expect_state=running when job is pending: 412', async () => {
    const admin = client(slow, slow.tokens.admin);
    const build = await admin.postBuild(SEED_IDS.workspaces(1), {
      transition: 'stop',
    });
    const response = await admin.cancel(
      build.body.id,
      '?expect_status=running',
    );
    expect(response.status).toBe(412);
  });

  it('Cancel with expect_state - invalid status: 400', async () => {
    const admin = client(slow, slow.tokens.admin);
    const response = await admin.cancel(
      await latestBuildId(slow, REVIEW),
      '?expect_status=invalid_status',
    );
    expect(response.status).toBe(400);
    expect(response.body.message).toContain('Invalid expect_status');
  });
});

describe('coderd/workspacebuilds_test.go TestWorkspaceBuildDebugMode', () => {
  it('DebugModeDisabled: an owner is told debug mode is off', async () => {
    const admin = client(fake, fake.tokens.admin);
    const response = await admin.postBuild(SEED_IDS.workspaces(12), {
      transition: 'start',
      log_level: 'debug',
    });
    expect(response.body.message).toContain(
      'Terraform debug mode is disabled in the deployment configuration.',
    );
  });

  it('AsRegularUser: a member is told custom log levels are for administrators', async () => {
    const demo = client(fake);
    const response = await demo.postBuild(SEED_IDS.workspaces(12), {
      transition: 'start',
      log_level: 'debug',
    });
    expect(response.body.message).toContain(
      'Workspace builds with a custom log level are restricted to administrators only.',
    );
  });
});

describe('coderd/workspacebuilds_test.go TestPostWorkspaceBuild', () => {
  const SANDBOX = SEED_IDS.workspaces(12);

  it('NoTemplateVersion: an unknown version is a 400', async () => {
    const response = await client(fake).postBuild(SANDBOX, {
      transition: 'start',
      template_version_id: '00000000-0000-4000-8000-0000000000cd',
    });
    expect(response.status).toBe(400);
  });

  it('AlreadyActive: a build while one is queued is a 409', async () => {
    const demo = client(slow);
    const response = await demo.postBuild(SEED_IDS.workspaces(11), {
      transition: 'start',
      template_version_id: SEED_IDS.templateVersions.dockerV1,
    });
    expect(response.status).toBe(409);
  });

  it('IncrementBuildNumber: the next build has the next number', async () => {
    const demo = client(fake);
    const before = (await demo.get(`/api/v2/workspaces/${SANDBOX}`)).body;
    const build = await demo.postBuild(SANDBOX, {
      transition: 'start',
      template_version_id: SEED_IDS.templateVersions.dockerV1,
    });
    expect(build.body.build_number).toBe(before.latest_build.build_number + 1);
  });

  it('Delete: a deleted workspace leaves the owner’s list', async () => {
    const demo = client(fake);
    const build = await demo.postBuild(SANDBOX, { transition: 'delete' });
    await demo.settled(build.body.id);
    const list = await demo.get(
      `/api/v2/workspaces?q=${encodeURIComponent('owner:me name:sandbox')}`,
    );
    expect(list.body.workspaces).toEqual([]);
  });

  it('WithReason: the dashboard reason is kept', async () => {
    const build = await client(fake).postBuild(SANDBOX, {
      transition: 'start',
      template_version_id: SEED_IDS.templateVersions.dockerV1,
      reason: 'dashboard',
    });
    expect(build.body.reason).toBe('dashboard');
  });

  it("DeletedWorkspace: only the owner's delete build goes through", async () => {
    const demo = client(fake);
    const deleting = await demo.postBuild(SANDBOX, { transition: 'delete' });
    await demo.settled(deleting.body.id);
    const alice = client(fake, fake.tokens.alice);
    for (const transition of ['start', 'stop', 'delete'])
      expect((await alice.postBuild(SANDBOX, { transition })).status).toBe(404);
    for (const transition of ['start', 'stop'])
      expect((await demo.postBuild(SANDBOX, { transition })).status).toBe(409);
    expect(
      (await demo.postBuild(SANDBOX, { transition: 'delete' })).status,
    ).toBe(201);
  });
});

describe('coderd/workspacebuilds_test.go TestWorkspaceBuildStatus', () => {
  it('walks pending, running, stopped, canceled and deleted', async () => {
    const demo = client(fake);
    const created = (await demo.createWorkspace('status-walk')).body;
    expect(created.latest_build.status).toBe('pending');
    expect((await demo.settled(created.latest_build.id)).status).toBe(
      'running',
    );
    const stop = await demo.postBuild(created.id, { transition: 'stop' });
    expect((await demo.settled(stop.body.id)).status).toBe('stopped');

    // A minute per phase stands in for Coder's stopped provisioner daemon.
    await call(fake, '/__fake/config', {
      method: 'PUT',
      body: { buildStepMs: 60_000 },
    });
    const start = await demo.postBuild(created.id, { transition: 'start' });
    // Coder's first user is an owner; docker lets only owners cancel.
    const admin = client(fake, fake.tokens.admin);
    expect((await admin.cancel(start.body.id)).status).toBe(200);
    expect(
      (await demo.get(`/api/v2/workspaces/${created.id}`)).body.latest_build
        .status,
    ).toBe('canceled');

    await call(fake, '/__fake/config', {
      method: 'PUT',
      body: { buildStepMs: 0 },
    });
    const remove = await demo.postBuild(created.id, { transition: 'delete' });
    expect((await demo.settled(remove.body.id)).status).toBe('deleted');
  });
});
