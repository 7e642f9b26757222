/** @jest-environment node */
import { SEED_IDS } from './seed';
import type { FakeCoder } from './server';
import { call, eventually, startTestFake } from './testing';

/*
 * The two single-workspace lookups of coderd/workspaces.go, which parse
 * `include_deleted` separately: GET by id names the old `deleted` field in its
 * validation, GET by owner and name names `include_deleted`.
 */

let fake: FakeCoder;
beforeAll(async () => {
  fake = await startTestFake({ buildStepMs: 0 });
});
afterAll(() => fake.close());

const CLEANUP = SEED_IDS.workspaces(9);

describe('include_deleted', () => {
  it('names the include_deleted field in the by-name lookup', async () => {
    const response = await call(
      fake,
      '/api/v2/users/me/workspace/web-app-main?include_deleted=perhaps',
      { token: fake.demoToken },
    );
    expect(response.status).toBe(400);
    expect(response.body).toEqual({
      message:
        'Invalid boolean value "perhaps" for "include_deleted" query param.',
      validations: [
        { field: 'include_deleted', detail: 'Must be a valid boolean' },
      ],
    });
  });

  it('names the deleted field in the by-id lookup', async () => {
    const response = await call(
      fake,
      `/api/v2/workspaces/${SEED_IDS.workspaces(1)}?include_deleted=perhaps`,
      { token: fake.demoToken },
    );
    expect(response.body.validations).toEqual([
      { field: 'deleted', detail: 'Must be a valid boolean' },
    ]);
  });

  it('answers 410 for a deleted workspace, pointing at include_deleted', async () => {
    // The seeded payments-cleanup finishes deleting at once in a quick fake.
    const response = await eventually(async () => {
      const current = await call(fake, `/api/v2/workspaces/${CLEANUP}`, {
        token: fake.demoToken,
      });
      return current.status === 410 ? current : undefined;
    });
    expect(response.body).toEqual({
      message: `Workspace "${CLEANUP}" was deleted, you can view this workspace by specifying '?include_deleted=true' and trying again.`,
    });
  });
});
