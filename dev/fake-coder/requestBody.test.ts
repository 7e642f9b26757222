/** @jest-environment node */
import { SEED_IDS } from './seed';
import type { FakeCoder } from './server';
import { call, startTestFake } from './testing';

/*
 * Request bodies as coderd/httpapi ReadLimit reads them: Go's encoding/json
 * decoder (its own type-error texts, the first error in document order,
 * case-insensitive keys) under a 4 MiB limit whose 413 names the limit.
 */

let fake: FakeCoder;
beforeAll(async () => {
  fake = await startTestFake({ buildStepMs: 60_000 });
});
afterAll(() => fake.close());
afterEach(() => call(fake, '/__fake/reset', { method: 'POST' }));

const createWorkspace = (body: unknown) =>
  call(fake, '/api/v2/users/me/workspaces', {
    method: 'POST',
    token: fake.demoToken,
    body,
  });
const postBuild = (body: unknown) =>
  call(fake, `/api/v2/workspaces/${SEED_IDS.workspaces(1)}/builds`, {
    method: 'POST',
    token: fake.demoToken,
    body,
  });
const invalidJson = (detail: string) => ({
  message: 'Request body must be valid JSON.',
  detail,
});

describe("Go's JSON type errors", () => {
  it.each([
    [
      { name: 5 },
      'json: cannot unmarshal number into Go struct field CreateWorkspaceRequest.name of type string',
    ],
    [
      { name: 'x', ttl_ms: 1.5 },
      'json: cannot unmarshal number 1.5 into Go struct field CreateWorkspaceRequest.ttl_ms of type int64',
    ],
    [
      { name: 'x', ttl_ms: '60000' },
      'json: cannot unmarshal string into Go struct field CreateWorkspaceRequest.ttl_ms of type int64',
    ],
    [
      { template_id: 5 },
      'json: cannot unmarshal number into Go struct field CreateWorkspaceRequest.template_id of type uuid.UUID',
    ],
    [
      { template_id: true },
      'json: cannot unmarshal bool into Go struct field CreateWorkspaceRequest.template_id of type uuid.UUID',
    ],
    [
      { rich_parameter_values: 5 },
      'json: cannot unmarshal number into Go struct field CreateWorkspaceRequest.rich_parameter_values of type []codersdk.WorkspaceBuildParameter',
    ],
    [
      { rich_parameter_values: [5] },
      'json: cannot unmarshal number into Go struct field CreateWorkspaceRequest.rich_parameter_values of type codersdk.WorkspaceBuildParameter',
    ],
    // Inside a nested struct Go names that struct, and the whole path of keys.
    [
      { rich_parameter_values: [{ name: 'cpu', value: 4 }] },
      'json: cannot unmarshal number into Go struct field WorkspaceBuildParameter.rich_parameter_values.value of type string',
    ],
    [
      { automatic_updates: ['always'] },
      'json: cannot unmarshal array into Go struct field CreateWorkspaceRequest.automatic_updates of type codersdk.AutomaticUpdates',
    ],
  ])('reports %j like Go', async (body, detail) => {
    const response = await createWorkspace(body);
    expect(response.status).toBe(400);
    expect(response.body).toEqual(invalidJson(detail));
  });

  it('names the nested on_success struct of a build request', async () => {
    const response = await postBuild({
      transition: 'stop',
      on_success: { transition: 5 },
    });
    expect(response.body).toEqual(
      invalidJson(
        'json: cannot unmarshal number into Go struct field CreateWorkspaceBuildOnSuccessRequest.on_success.transition of type codersdk.WorkspaceTransition',
      ),
    );
  });

  it('reports the first bad field in the order the body has them', async () => {
    const response = await createWorkspace(
      '{"ttl_ms": "soon", "name": 5, "template_id": 7}',
    );
    expect(response.body).toEqual(
      invalidJson(
        'json: cannot unmarshal string into Go struct field CreateWorkspaceRequest.ttl_ms of type int64',
      ),
    );
  });

  it('matches keys case-insensitively, as Go does', async () => {
    const response = await createWorkspace({
      Name: 'shouty',
      TEMPLATE_ID: SEED_IDS.templates.docker,
    });
    expect(response.status).toBe(201);
    expect(response.body.name).toBe('shouty');
  });

  it("reads a deadline through time.Time's own decoder", async () => {
    const extend = (deadline: unknown) =>
      call(fake, `/api/v2/workspaces/${SEED_IDS.workspaces(1)}/extend`, {
        method: 'PUT',
        token: fake.demoToken,
        body: { deadline },
      });
    expect((await extend(5)).body).toEqual(
      invalidJson('Time.UnmarshalJSON: input is not a JSON string'),
    );
    expect((await extend('tomorrow')).body).toEqual(
      invalidJson(
        'parsing time "tomorrow" as "2006-01-02T15:04:05Z07:00": cannot parse "tomorrow" as "2006"',
      ),
    );
  });
});

describe('the request body limit', () => {
  it('answers 413 naming the limit in bytes', async () => {
    const response = await createWorkspace({
      name: 'big',
      padding: 'x'.repeat(4 * 1024 * 1024),
    });
    expect(response.status).toBe(413);
    expect(response.body).toEqual({
      message: 'Request body too large.',
      detail: 'Maximum request body size is 4194304 bytes.',
    });
  });
});
