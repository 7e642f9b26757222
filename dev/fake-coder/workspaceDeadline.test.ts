/** @jest-environment node */
import { SEED_IDS } from './seed';
import type { FakeCoder } from './server';
import { call, startTestFake } from './testing';

/*
 * PUT /workspaces/{workspace}/extend as coderd/workspaces.go
 * putExtendWorkspace answers: 409 while the latest build is not a finished
 * start or has no deadline, then the 400s of validWorkspaceDeadline ("too
 * soon" before "before start") and of the max deadline.
 */

let fake: FakeCoder;
beforeAll(async () => {
  fake = await startTestFake({ buildStepMs: 60_000 });
});
afterAll(() => fake.close());
afterEach(() => call(fake, '/__fake/reset', { method: 'POST' }));

const extend = (workspaceId: string, deadline: string) =>
  call(fake, `/api/v2/workspaces/${workspaceId}/extend`, {
    method: 'PUT',
    token: fake.demoToken,
    body: { deadline },
  });
const inHours = (hours: number) =>
  new Date(Date.now() + hours * 3600_000).toISOString();

describe('PUT /api/v2/workspaces/{workspace}/extend', () => {
  it.each([
    // web-app-feature: stopped.
    [2, 'Workspace must be started, current status: stop'],
    // web-app-review: its start build is still running.
    [3, 'Workspace is still building!'],
    // sandbox: docker has no default TTL, so no deadline.
    [12, 'Workspace shutdown is manual.'],
  ])('answers 409 for workspace %i: %s', async (position, message) => {
    const response = await extend(SEED_IDS.workspaces(position), inHours(3));
    expect(response.status).toBe(409);
    expect(response.body).toEqual({ message });
  });

  it('extends a failed start build too, as long as its job completed', async () => {
    // web-app-broken: the start failed, so it has no deadline either.
    const response = await extend(SEED_IDS.workspaces(5), inHours(3));
    expect(response.status).toBe(409);
    expect(response.body).toEqual({ message: 'Workspace shutdown is manual.' });
  });

  it('checks "too soon" before "before the start"', async () => {
    const response = await extend(
      SEED_IDS.workspaces(1),
      '2000-01-01T00:00:00Z',
    );
    expect(response.status).toBe(400);
    expect(response.body).toEqual({
      message:
        'Cannot extend workspace: new deadline must be at least 30 minutes in the future',
    });
  });

  it('moves the deadline and says so in RFC 3339', async () => {
    const deadline = new Date(Date.now() + 3 * 3600_000);
    deadline.setUTCMilliseconds(0);
    const response = await extend(
      SEED_IDS.workspaces(1),
      deadline.toISOString(),
    );
    expect(response.status).toBe(200);
    expect(response.body).toEqual({
      message: `Deadline updated to ${deadline.toISOString().replace('.000Z', 'Z')}.`,
    });
  });
});
