/** @jest-environment node */
import { SEED_IDS } from './seed';
import type { FakeCoder } from './server';
import { call, eventually, startTestFake } from './testing';

let fake: FakeCoder;
beforeAll(async () => {
  fake = await startTestFake({ buildStepMs: 0 });
});
afterAll(() => fake.close());
afterEach(async () => {
  await call(fake, '/__fake/reset', { method: 'POST' });
});

const MAIN = SEED_IDS.workspaces(1);
const FEATURE = SEED_IDS.workspaces(2);
const LEGACY = SEED_IDS.workspaces(4);
const ARCHIVE = SEED_IDS.workspaces(8);
const SANDBOX = SEED_IDS.workspaces(12);

const postBuild = (
  workspaceId: string,
  body: unknown,
  token = fake.demoToken,
) =>
  call(fake, `/api/v2/workspaces/${workspaceId}/builds`, {
    method: 'POST',
    token,
    body,
  });

const workspace = (id: string, token = fake.demoToken) =>
  call(fake, `/api/v2/workspaces/${id}?include_deleted=true`, { token });

async function settled(id: string, status: string) {
  return eventually(async () => {
    const current = await workspace(id);
    return current.body.latest_build.status === status
      ? current.body
      : undefined;
  });
}

/** A fresh seed whose builds (seeded ones too) take a minute per phase. */
async function slowBuilds() {
  await call(fake, '/__fake/reset', {
    method: 'POST',
    body: { buildStepMs: 60_000 },
  });
}

describe('POST /api/v2/workspaces/{workspace}/builds', () => {
  it('stops a running workspace, leaving its latest build without agents', async () => {
    const response = await postBuild(MAIN, { transition: 'stop' });
    expect(response.status).toBe(201);
    expect(response.body).toMatchObject({
      transition: 'stop',
      status: 'pending',
      build_number: 2,
      reason: 'initiator',
    });
    const stopped = await settled(MAIN, 'stopped');
    expect(
      stopped.latest_build.resources.flatMap(
        (resource: { agents?: unknown[] }) => resource.agents ?? [],
      ),
    ).toEqual([]);
    expect(stopped.latest_build.deadline).toBeNull();
    expect(stopped.health).toEqual({ healthy: true, failing_agents: [] });
  });

  it('starts a stopped workspace with the dashboard reason and the previous parameters', async () => {
    const response = await postBuild(FEATURE, {
      transition: 'start',
      reason: 'dashboard',
    });
    expect(response.body.reason).toBe('dashboard');
    const running = await settled(FEATURE, 'running');
    const parameters = await call(
      fake,
      `/api/v2/workspacebuilds/${running.latest_build.id}/parameters`,
      { token: fake.demoToken },
    );
    expect(parameters.body).toContainEqual({
      name: 'region',
      value: 'us-pittsburgh',
    });
  });

  it('409s a second build while the first is still active', async () => {
    await slowBuilds();
    expect((await postBuild(MAIN, { transition: 'stop' })).status).toBe(201);
    const conflict = await postBuild(MAIN, { transition: 'start' });
    expect(conflict.status).toBe(409);
    expect(conflict.body).toEqual({
      message: 'A workspace build is already active.',
      detail: 'A workspace build is already active.',
    });
  });

  it('deletes a workspace: 410 without include_deleted, gone from lists, no restart', async () => {
    await postBuild(SANDBOX, { transition: 'delete' });
    await settled(SANDBOX, 'deleted');
    const gone = await call(fake, `/api/v2/workspaces/${SANDBOX}`, {
      token: fake.demoToken,
    });
    expect(gone.status).toBe(410);
    expect(gone.body.message).toBe(
      `Workspace "${SANDBOX}" was deleted, you can view this workspace by specifying '?include_deleted=true' and trying again.`,
    );
    const list = await call(fake, '/api/v2/workspaces?q=sandbox', {
      token: fake.demoToken,
    });
    expect(list.body.count).toBe(0);
    const restart = await postBuild(SANDBOX, { transition: 'start' });
    expect(restart.status).toBe(409);
    expect(restart.body).toEqual({
      message: 'Cannot start a deleted workspace!',
      detail: 'This workspace has been deleted and cannot be modified.',
    });
  });

  it('validates the request like Coder: transition, reason, orphan', async () => {
    const badTransition = await postBuild(MAIN, { transition: 'pause' });
    expect(badTransition.body).toEqual({
      message: 'Validation failed.',
      validations: [
        {
          field: 'transition',
          detail: 'Validation failed for tag "oneof" with value: "pause"',
        },
      ],
    });
    const badReason = await postBuild(MAIN, {
      transition: 'stop',
      reason: 'task_resume',
    });
    expect(badReason.body.validations).toEqual([
      {
        field: 'reason',
        detail: 'Validation failed for tag "oneof" with value: "task_resume"',
      },
    ]);
    const orphan = await postBuild(MAIN, { transition: 'stop', orphan: true });
    expect(orphan.status).toBe(400);
    expect(orphan.body).toEqual({
      message: 'Orphan is only permitted when deleting a workspace.',
    });
    const memberOrphan = await postBuild(MAIN, {
      transition: 'delete',
      orphan: true,
    });
    expect(memberOrphan.status).toBe(403);
  });

  it('rejects changing an immutable parameter on a later build', async () => {
    await postBuild(FEATURE, {
      transition: 'start',
      rich_parameter_values: [{ name: 'disk_size', value: '200' }],
    }).then(response => {
      expect(response.status).toBe(400);
      expect(response.body.validations).toEqual([
        {
          field: 'disk_size',
          detail:
            'Immutable parameter changed; Parameter "disk_size" is not mutable, so it can\'t be updated after creating a workspace.',
        },
      ]);
    });
  });

  it('updates an outdated workspace to the active version', async () => {
    expect((await workspace(LEGACY)).body.outdated).toBe(true);
    await postBuild(LEGACY, { transition: 'stop' });
    await settled(LEGACY, 'stopped');
    const update = await postBuild(LEGACY, {
      transition: 'start',
      template_version_id: SEED_IDS.templateVersions.devcontainersV2,
    });
    expect(update.status).toBe(201);
    const running = await settled(LEGACY, 'running');
    expect(running.outdated).toBe(false);
    const parameters = await call(
      fake,
      `/api/v2/workspacebuilds/${running.latest_build.id}/parameters`,
      { token: fake.demoToken },
    );
    expect(parameters.body).toContainEqual({
      name: 'dotfiles_uri',
      value: 'https://github.com/demo/dotfiles',
    });
    expect(parameters.body).toContainEqual({ name: 'tags', value: '[]' });
  });

  it('wakes a dormant workspace when it is started', async () => {
    expect((await workspace(ARCHIVE)).body.dormant_at).not.toBeNull();
    await postBuild(ARCHIVE, { transition: 'start' });
    const awake = await workspace(ARCHIVE);
    expect(awake.body.dormant_at).toBeNull();
    expect(awake.body.deleting_at).toBeNull();
  });

  it('restarts in one call with on_success after the stop', async () => {
    const stop = await postBuild(MAIN, {
      transition: 'stop',
      on_success: { transition: 'start' },
    });
    expect(stop.status).toBe(201);
    const restarted = await eventually(async () => {
      const current = await workspace(MAIN);
      const build = current.body.latest_build;
      return build.build_number === 3 && build.status === 'running'
        ? build
        : undefined;
    });
    expect(restarted.transition).toBe('start');
    expect(
      (
        await postBuild(MAIN, {
          transition: 'start',
          on_success: { transition: 'start' },
        })
      ).status,
    ).toBe(400);
  });
});

describe('PATCH /api/v2/workspacebuilds/{workspacebuild}/cancel', () => {
  it('cancels a queued build at once and a running one through canceling', async () => {
    await slowBuilds();
    const queued = await postBuild(MAIN, { transition: 'stop' });
    const canceled = await call(
      fake,
      `/api/v2/workspacebuilds/${queued.body.id}/cancel?expect_status=pending`,
      {
        method: 'PATCH',
        token: fake.demoToken,
      },
    );
    expect(canceled.status).toBe(200);
    expect(canceled.body).toEqual({
      message: 'Job has been marked as canceled...',
    });
    const build = await call(
      fake,
      `/api/v2/workspacebuilds/${queued.body.id}`,
      { token: fake.demoToken },
    );
    expect(build.body.status).toBe('canceled');
    expect(build.body.job).toMatchObject({
      status: 'canceled',
      canceled_at: expect.any(String),
      completed_at: expect.any(String),
    });

    const again = await call(
      fake,
      `/api/v2/workspacebuilds/${queued.body.id}/cancel`,
      { method: 'PATCH', token: fake.demoToken },
    );
    expect(again.status).toBe(400);
    expect(again.body).toEqual({ message: 'Job has already completed!' });

    const review = await workspace(SEED_IDS.workspaces(3));
    expect(review.body.latest_build.job.status).toBe('running');
    const wrongState = await call(
      fake,
      `/api/v2/workspacebuilds/${review.body.latest_build.id}/cancel?expect_status=pending`,
      {
        method: 'PATCH',
        token: fake.demoToken,
      },
    );
    expect(wrongState.status).toBe(412);
    const canceling = await call(
      fake,
      `/api/v2/workspacebuilds/${review.body.latest_build.id}/cancel?expect_status=running`,
      {
        method: 'PATCH',
        token: fake.demoToken,
      },
    );
    expect(canceling.status).toBe(200);
    expect(
      (await workspace(SEED_IDS.workspaces(3))).body.latest_build.status,
    ).toBe('canceling');
  });

  it('403s a member on a template that does not allow user cancels', async () => {
    await slowBuilds();
    const build = await postBuild(SANDBOX, { transition: 'stop' });
    const response = await call(
      fake,
      `/api/v2/workspacebuilds/${build.body.id}/cancel`,
      { method: 'PATCH', token: fake.demoToken },
    );
    expect(response.status).toBe(403);
    expect(response.body).toEqual({
      message:
        'User is not allowed to cancel workspace builds. Owner role is required.',
    });
    const asOwner = await call(
      fake,
      `/api/v2/workspacebuilds/${build.body.id}/cancel`,
      { method: 'PATCH', token: fake.tokens.admin },
    );
    expect(asOwner.status).toBe(200);
  });
});

describe('builds history', () => {
  it('lists builds newest first and pages them', async () => {
    const all = await call(fake, `/api/v2/workspaces/${FEATURE}/builds`, {
      token: fake.demoToken,
    });
    expect(
      all.body.map((build: { build_number: number }) => build.build_number),
    ).toEqual([2, 1]);
    // after_id returns the builds newer than the cursor.
    const newer = await call(
      fake,
      `/api/v2/workspaces/${FEATURE}/builds?after_id=${all.body[1].id}`,
      { token: fake.demoToken },
    );
    expect(
      newer.body.map((build: { build_number: number }) => build.build_number),
    ).toEqual([2]);
    const limited = await call(
      fake,
      `/api/v2/workspaces/${FEATURE}/builds?limit=1`,
      { token: fake.demoToken },
    );
    expect(limited.body).toHaveLength(1);
  });

  it("hides another user's builds behind the usual 404", async () => {
    const alices = await call(
      fake,
      `/api/v2/workspaces/${SEED_IDS.workspaces(13)}`,
      { token: fake.tokens.admin },
    );
    const response = await call(
      fake,
      `/api/v2/workspacebuilds/${alices.body.latest_build.id}`,
      { token: fake.demoToken },
    );
    expect(response.status).toBe(404);
  });
});

describe('PUT /api/v2/workspaces/{workspace}/extend', () => {
  it('moves the deadline of a running workspace and refuses one too soon', async () => {
    const deadline = new Date(Date.now() + 3 * 3600_000).toISOString();
    const extended = await call(fake, `/api/v2/workspaces/${MAIN}/extend`, {
      method: 'PUT',
      token: fake.demoToken,
      body: { deadline },
    });
    expect(extended.status).toBe(200);
    expect(extended.body.message).toMatch(/^Deadline updated to /);
    const soon = new Date(Date.now() + 60_000).toISOString();
    const refused = await call(fake, `/api/v2/workspaces/${MAIN}/extend`, {
      method: 'PUT',
      token: fake.demoToken,
      body: { deadline: soon },
    });
    expect(refused.body).toEqual({
      message:
        'Cannot extend workspace: new deadline must be at least 30 minutes in the future',
    });
  });
});
