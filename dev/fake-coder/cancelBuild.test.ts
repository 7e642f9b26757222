/** @jest-environment node */
import { SEED_IDS } from './seed';
import type { FakeCoder } from './server';
import { call, startTestFake } from './testing';

/*
 * PATCH /workspacebuilds/{id}/cancel as coderd/workspacebuilds.go
 * patchCancelWorkspaceBuild and dbauthz UpdateProvisionerJobWithCancelByID
 * answer it. `expect_status=pending` skips the handler's template check (a
 * queued job is harmless to cancel), but the database layer still allows only
 * owners on a template without user cancels: a member gets a 500.
 */

let fake: FakeCoder;
beforeAll(async () => {
  fake = await startTestFake({ buildStepMs: 60_000 });
});
afterAll(() => fake.close());
afterEach(() => call(fake, '/__fake/reset', { method: 'POST' }));

// scratch: docker (users may not cancel), its first build still queued.
const SCRATCH = SEED_IDS.workspaces(11);
// web-app-review: devcontainers, its start build running.
const REVIEW = SEED_IDS.workspaces(3);

async function latestBuildId(workspaceId: string): Promise<string> {
  const workspace = await call(fake, `/api/v2/workspaces/${workspaceId}`, {
    token: fake.demoToken,
  });
  return workspace.body.latest_build.id;
}
const cancel = (buildId: string, query: string, token = fake.demoToken) =>
  call(fake, `/api/v2/workspacebuilds/${buildId}/cancel${query}`, {
    method: 'PATCH',
    token,
  });

describe('cancelling a queued build on a template without user cancels', () => {
  it('answers a member 500 from the database layer when expecting pending', async () => {
    const response = await cancel(
      await latestBuildId(SCRATCH),
      '?expect_status=pending',
    );
    expect(response.status).toBe(500);
    expect(response.body).toEqual({
      message: 'Internal error updating provisioner job.',
      detail: 'only owners can cancel workspace builds',
    });
    const workspace = await call(fake, `/api/v2/workspaces/${SCRATCH}`, {
      token: fake.demoToken,
    });
    expect(workspace.body.latest_build.status).toBe('pending');
  });

  it('still answers 403 without expect_status', async () => {
    const response = await cancel(await latestBuildId(SCRATCH), '');
    expect(response.status).toBe(403);
  });

  it('lets an owner cancel it', async () => {
    const response = await cancel(
      await latestBuildId(SCRATCH),
      '?expect_status=pending',
      fake.tokens.admin,
    );
    expect(response.status).toBe(200);
  });
});

describe('a wrong expect_status', () => {
  it('answers 412 without a detail', async () => {
    const response = await cancel(
      await latestBuildId(REVIEW),
      '?expect_status=pending',
    );
    expect(response.status).toBe(412);
    expect(response.body).toEqual({
      message: 'Job is not in the expected state.',
    });
  });
});
