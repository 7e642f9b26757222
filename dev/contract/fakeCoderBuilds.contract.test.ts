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
});
afterAll(() => fake.close());

const MAIN = SEED_IDS.workspaces(1); // running
const FEATURE = SEED_IDS.workspaces(2); // stopped
const REVIEW = SEED_IDS.workspaces(3); // starting (devcontainers: users may cancel)
const LEGACY = SEED_IDS.workspaces(4); // running on v1.0.0, outdated
const ARCHIVE = SEED_IDS.workspaces(8); // stopped, dormant
const SCRATCH = SEED_IDS.workspaces(11); // pending (docker: users may not cancel)

const postBuild = (workspaceId: string, body: unknown) =>
  callCoder(fake, 'POST', `/api/v2/workspaces/${workspaceId}/builds`, {
    body,
  });
const latestBuildId = async (workspaceId: string): Promise<string> =>
  (await callCoder(fake, 'GET', `/api/v2/workspaces/${workspaceId}`)).body
    .latest_build.id;
const cancel = (buildId: string, query = '') =>
  callCoder(fake, 'PATCH', `/api/v2/workspacebuilds/${buildId}/cancel${query}`);

describe('workspace builds on the fake Coder match swagger', () => {
  beforeEach(() => resetFake(fake));

  it('walks a start build through pending, starting and running, each answer valid', async () => {
    await resetFake(fake, { buildStepMs: 750 });
    // Compiles the build schema first, so validating the POST answer cannot
    // outlast the pending phase.
    await callCoder(
      fake,
      'GET',
      `/api/v2/workspacebuilds/${await latestBuildId(FEATURE)}`,
    );
    const created = await postBuild(FEATURE, {
      transition: 'start',
      reason: 'dashboard',
    });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({
      status: 'pending',
      reason: 'dashboard',
    });
    const seen = await followBuild(fake, created.body.id, 'running');
    expect(seen).toEqual(['pending', 'starting', 'running']);
  });

  it('cancels a pending build at once, as Coder completes unstarted jobs', async () => {
    await resetFake(fake, { buildStepMs: 60_000 });
    const created = await postBuild(FEATURE, { transition: 'start' });
    expect(
      (await cancel(created.body.id, '?expect_status=pending')).status,
    ).toBe(200);
    const build = await callCoder(
      fake,
      'GET',
      `/api/v2/workspacebuilds/${created.body.id}`,
    );
    expect(build.body.status).toBe('canceled');
    expect(build.body.job).toMatchObject({ status: 'canceled' });
  });

  it('cancels a running build, which walks canceling to failed with the error "canceled"', async () => {
    await resetFake(fake, { buildStepMs: 500 });
    const created = await postBuild(FEATURE, { transition: 'start' });
    await followBuild(fake, created.body.id, 'starting');
    expect((await cancel(created.body.id)).status).toBe(200);
    // A provisioner reports an error when its job is canceled mid-run.
    const seen = await followBuild(fake, created.body.id, 'failed');
    expect(seen).toEqual(['canceling', 'failed']);
  });

  it('stops a running workspace with 201 and reaches stopped', async () => {
    const created = await postBuild(MAIN, { transition: 'stop' });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({
      transition: 'stop',
      reason: 'initiator',
    });
    await followBuild(fake, created.body.id, 'stopped');
  });

  it('deletes a stopped workspace with 201 and reaches deleted', async () => {
    const created = await postBuild(ARCHIVE, { transition: 'delete' });
    expect(created.status).toBe(201);
    expect(created.body.transition).toBe('delete');
    await followBuild(fake, created.body.id, 'deleted');
  });

  it('updates an outdated workspace by starting the active template version', async () => {
    const activeVersion = SEED_IDS.templateVersions.devcontainersV2;
    const created = await postBuild(LEGACY, {
      transition: 'start',
      template_version_id: activeVersion,
    });
    expect(created.status).toBe(201);
    expect(created.body.template_version_id).toBe(activeVersion);
    await followBuild(fake, created.body.id, 'running');
    const workspace = await callCoder(
      fake,
      'GET',
      `/api/v2/workspaces/${LEGACY}`,
    );
    expect(workspace.body.outdated).toBe(false);
  });

  it('ends a start build failed, with the job error, under the failBuilds fault', async () => {
    await adminCall(fake, 'PUT', '/faults', { failBuilds: 1 });
    const created = await postBuild(FEATURE, { transition: 'start' });
    await followBuild(fake, created.body.id, 'failed');
    const build = await callCoder(
      fake,
      'GET',
      `/api/v2/workspacebuilds/${created.body.id}`,
    );
    expect(build.body.job).toMatchObject({
      status: 'failed',
      error: expect.stringContaining('injected build failure'),
    });
  });

  it('answers 409 to starting a deleted workspace', async () => {
    const deleted = await postBuild(ARCHIVE, { transition: 'delete' });
    await followBuild(fake, deleted.body.id, 'deleted');
    const answer = await postBuild(ARCHIVE, { transition: 'start' });
    expect(answer.status).toBe(409);
    expect(answer.body).toEqual({
      message: 'Cannot start a deleted workspace!',
      detail: 'This workspace has been deleted and cannot be modified.',
    });
  });

  it('answers 400 naming the field for an unknown transition', async () => {
    const answer = await postBuild(MAIN, { transition: 'restart' });
    expect(answer.status).toBe(400);
    expect(answer.body.validations).toEqual([
      {
        field: 'transition',
        detail: 'Validation failed for tag "oneof" with value: "restart"',
      },
    ]);
  });

  it('answers 400 for a build reason clients may not send', async () => {
    const answer = await postBuild(FEATURE, {
      transition: 'start',
      reason: 'task_resume',
    });
    expect(answer.status).toBe(400);
    expect(answer.body.validations[0].field).toBe('reason');
  });

  it('extends the deadline of a running workspace', async () => {
    const deadline = new Date(Date.now() + 6 * 3600_000).toISOString();
    const answer = await callCoder(
      fake,
      'PUT',
      `/api/v2/workspaces/${MAIN}/extend`,
      { body: { deadline } },
    );
    expect(answer.status).toBe(200);
    expect(answer.body.message).toMatch(/^Deadline updated to /);
  });

  it('answers 400 with a validation when the extend deadline is missing', async () => {
    const answer = await callCoder(
      fake,
      'PUT',
      `/api/v2/workspaces/${MAIN}/extend`,
      { body: {} },
    );
    expect(answer.status).toBe(400);
    expect(answer.body.validations[0].field).toBe('deadline');
  });

  it('answers 409 when extending a stopped workspace', async () => {
    const deadline = new Date(Date.now() + 6 * 3600_000).toISOString();
    const answer = await callCoder(
      fake,
      'PUT',
      `/api/v2/workspaces/${FEATURE}/extend`,
      { body: { deadline } },
    );
    expect(answer.status).toBe(409);
    expect(answer.body.message).toBe(
      'Workspace must be started, current status: stop',
    );
  });
});

describe('active builds on the fake Coder match swagger', () => {
  // A minute per phase: seeded starting/pending builds stay active.
  beforeEach(() => resetFake(fake, { buildStepMs: 60_000 }));

  it('answers 409 for a new build while one is active', async () => {
    const answer = await postBuild(REVIEW, { transition: 'stop' });
    expect(answer.status).toBe(409);
    expect(answer.body.message).toBe('A workspace build is already active.');
  });

  it('cancels a running job when the template lets users cancel', async () => {
    const buildId = await latestBuildId(REVIEW);
    const answer = await cancel(buildId, '?expect_status=running');
    expect(answer.status).toBe(200);
    expect(answer.body).toEqual({
      message: 'Job has been marked as canceled...',
    });
    const build = await callCoder(
      fake,
      'GET',
      `/api/v2/workspacebuilds/${buildId}`,
    );
    expect(build.body.status).toBe('canceling');
    expect(build.body.job.canceled_at).toBeDefined();
  });

  it('answers 403 to a member cancelling on a template that disallows it', async () => {
    const answer = await cancel(await latestBuildId(SCRATCH));
    expect(answer.status).toBe(403);
    expect(answer.body.message).toBe(
      'User is not allowed to cancel workspace builds. Owner role is required.',
    );
  });

  it('answers 500 to a member cancelling a queued build, expecting pending, on a template that disallows it', async () => {
    const answer = await cancel(
      await latestBuildId(SCRATCH),
      '?expect_status=pending',
    );
    expect(answer.status).toBe(500);
    expect(answer.body).toEqual({
      message: 'Internal error updating provisioner job.',
      detail: 'only owners can cancel workspace builds',
    });
  });

  it('answers 412 when expect_status does not match the job', async () => {
    const answer = await cancel(
      await latestBuildId(REVIEW),
      '?expect_status=pending',
    );
    expect(answer.status).toBe(412);
    expect(answer.body).toEqual({
      message: 'Job is not in the expected state.',
    });
  });

  it('answers 409 when extending a workspace that is still building', async () => {
    const answer = await callCoder(
      fake,
      'PUT',
      `/api/v2/workspaces/${REVIEW}/extend`,
      { body: { deadline: new Date(Date.now() + 3600_000).toISOString() } },
    );
    expect(answer.status).toBe(409);
    expect(answer.body.message).toBe('Workspace is still building!');
  });
});
