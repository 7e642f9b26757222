/** @jest-environment node */
import { SEED_IDS } from './seed';
import type { FakeCoder } from './server';
import { call, startTestFake } from './testing';

/*
 * GET /workspaces/{workspace}/builds as GetWorkspaceBuildsByWorkspaceID
 * (coderd/database/queries/workspacebuilds.sql) pages it: newest first,
 * `since` strictly after, `after_id` the builds with a higher build number.
 */

let fake: FakeCoder;
beforeAll(async () => {
  fake = await startTestFake({ buildStepMs: 60_000 });
});
afterAll(() => fake.close());

// web-app-feature: build 1 started it, build 2 stopped it.
const FEATURE = SEED_IDS.workspaces(2);
const builds = (workspaceId: string, query = '') =>
  call(fake, `/api/v2/workspaces/${workspaceId}/builds${query}`, {
    token: fake.demoToken,
  });
const numbers = (body: Array<{ build_number: number }>) =>
  body.map(build => build.build_number);

describe('the builds list', () => {
  it('returns the builds after the after_id cursor, newest first', async () => {
    const all = await builds(FEATURE);
    expect(numbers(all.body)).toEqual([2, 1]);
    const first = all.body[1];
    expect(
      numbers((await builds(FEATURE, `?after_id=${first.id}`)).body),
    ).toEqual([2]);
    const second = all.body[0];
    expect((await builds(FEATURE, `?after_id=${second.id}`)).body).toEqual([]);
  });

  it("takes another workspace's build as a cursor by its build number", async () => {
    const other = await builds(SEED_IDS.workspaces(1));
    expect(numbers(other.body)).toEqual([1]);
    const response = await builds(FEATURE, `?after_id=${other.body[0].id}`);
    expect(response.status).toBe(200);
    expect(numbers(response.body)).toEqual([2]);
  });

  it('still refuses a cursor that names no build at all', async () => {
    const response = await builds(
      FEATURE,
      '?after_id=00000000-0000-4000-8000-00000000dead',
    );
    expect(response.status).toBe(400);
    expect(response.body).toEqual({
      message:
        'Record at "after_id" ("00000000-0000-4000-8000-00000000dead") does not exist.',
    });
  });

  it('keeps only builds created strictly after since', async () => {
    const all = await builds(FEATURE);
    const newest = all.body[0];
    const oldest = all.body[1];
    expect(
      numbers(
        (
          await builds(
            FEATURE,
            `?since=${encodeURIComponent(newest.created_at)}`,
          )
        ).body,
      ),
    ).toEqual([]);
    expect(
      numbers(
        (
          await builds(
            FEATURE,
            `?since=${encodeURIComponent(oldest.created_at)}`,
          )
        ).body,
      ),
    ).toEqual([2]);
  });

  it("refuses a since that is not RFC 3339, quoting Go's layout", async () => {
    const response = await builds(FEATURE, '?since=yesterday');
    expect(response.status).toBe(400);
    expect(response.body).toEqual({
      message: 'bad `since` format, must be RFC3339',
      detail:
        'parsing time "yesterday" as "2006-01-02T15:04:05Z07:00": cannot parse "yesterday" as "2006"',
    });
  });
});
