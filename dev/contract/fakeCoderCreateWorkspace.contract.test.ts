/** @jest-environment node */
import {
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
afterEach(() => resetFake(fake));

const DEVCONTAINERS = SEED_IDS.templates.devcontainers;
const DOCKER = SEED_IDS.templates.docker;
const REPO = { name: 'repo_url', value: 'https://github.com/acme/new' };

const create = (body: unknown, user = 'me') =>
  callCoder(fake, 'POST', `/api/v2/users/${user}/workspaces`, { body });

/** The one parameter validation of a 400 "Unable to validate parameters". */
async function parameterFailure(parameter: { name: string; value: string }) {
  const answer = await create({
    name: 'invalid-params',
    template_id: DEVCONTAINERS,
    rich_parameter_values: [REPO, parameter],
  });
  expect(answer.status).toBe(400);
  expect(answer.body.message).toBe('Unable to validate parameters');
  expect(answer.body.validations).toHaveLength(1);
  expect(answer.body.validations[0].field).toBe(parameter.name);
  return answer.body.validations[0].detail as string;
}

describe('POST /api/v2/users/{user}/workspaces on the fake Coder matches swagger', () => {
  it('creates a workspace with 201 whose first build starts', async () => {
    const answer = await create({
      name: 'brand-new',
      template_id: DEVCONTAINERS,
      rich_parameter_values: [REPO],
    });
    expect(answer.status).toBe(201);
    expect(answer.body).toMatchObject({
      name: 'brand-new',
      owner_name: 'demo',
      template_id: DEVCONTAINERS,
    });
    expect(answer.body.latest_build).toMatchObject({
      build_number: 1,
      transition: 'start',
    });
    await followBuild(fake, answer.body.latest_build.id, 'running');
  });

  it('creates through the deprecated organization member route with 201', async () => {
    const answer = await callCoder(
      fake,
      'POST',
      '/api/v2/organizations/coder/members/me/workspaces',
      { body: { name: 'via-org', template_id: DOCKER } },
    );
    expect(answer.status).toBe(201);
    expect(answer.body).toMatchObject({
      name: 'via-org',
      template_name: 'docker',
    });
  });

  it('answers 409 with a name validation for a duplicate name', async () => {
    const answer = await create({ name: 'sandbox', template_id: DOCKER });
    expect(answer.status).toBe(409);
    expect(answer.body).toEqual({
      message: 'Workspace "sandbox" already exists.',
      validations: [
        {
          field: 'name',
          detail: 'This value is already in use and should be unique.',
        },
      ],
    });
  });

  it('answers 400 for a name that breaks workspace_name', async () => {
    const answer = await create({ name: 'Bad Name!', template_id: DOCKER });
    expect(answer.status).toBe(400);
    expect(answer.body.validations).toEqual([
      {
        field: 'name',
        detail:
          'Validation failed for tag "workspace_name" with value: "Bad Name!"',
      },
    ]);
  });

  it('answers 400 when a required parameter is missing', async () => {
    const answer = await create({
      name: 'no-repo',
      template_id: DEVCONTAINERS,
    });
    expect(answer.status).toBe(400);
    expect(answer.body.validations).toEqual([
      {
        field: 'repo_url',
        detail: 'Required parameter not provided; parameter value is required',
      },
    ]);
  });

  it('answers 400 when a value fails the parameter regex', async () => {
    const detail = await parameterFailure({
      name: 'dotfiles_uri',
      value: 'ftp://example.com/dotfiles',
    });
    expect(detail).toContain('does not match "^(https://.*)?$"');
  });

  it('answers 400 for numbers above the maximum and below the minimum', async () => {
    expect(await parameterFailure({ name: 'cpu', value: '99' })).toContain(
      'value 99 is more than the maximum 8',
    );
    expect(await parameterFailure({ name: 'disk_size', value: '5' })).toContain(
      'value 5 is less than the minimum 10',
    );
  });

  it('answers 400 for a value outside the options', async () => {
    expect(await parameterFailure({ name: 'region', value: 'mars' })).toContain(
      'must be defined as one of options',
    );
  });

  it('answers 400 when a later build changes an immutable parameter', async () => {
    const answer = await callCoder(
      fake,
      'POST',
      `/api/v2/workspaces/${SEED_IDS.workspaces(2)}/builds`,
      {
        body: {
          transition: 'start',
          rich_parameter_values: [{ name: 'disk_size', value: '77' }],
        },
      },
    );
    expect(answer.status).toBe(400);
    expect(answer.body.validations[0]).toMatchObject({ field: 'disk_size' });
    expect(answer.body.validations[0].detail).toMatch(/^Immutable parameter/);
  });

  it('answers 400 for a TTL under a minute', async () => {
    const answer = await create({
      name: 'short-ttl',
      template_id: DOCKER,
      ttl_ms: 5,
    });
    expect(answer.status).toBe(400);
    expect(answer.body.message).toBe('Invalid Workspace Time to Shutdown.');
  });

  it('stores an autostart schedule and answers next_start_at as a timestamp', async () => {
    const answer = await create({
      name: 'morning',
      template_id: DOCKER,
      autostart_schedule: 'CRON_TZ=US/Central 30 9 * * 1-5',
    });
    expect(answer.status).toBe(201);
    expect(answer.body.next_start_at).toEqual(expect.any(String));
  });

  it('answers 400 naming the schedule field for a bad autostart schedule', async () => {
    const answer = await create({
      name: 'bad-cron',
      template_id: DOCKER,
      autostart_schedule: '30 9 1 * *',
    });
    expect(answer.status).toBe(400);
    expect(answer.body.validations[0].field).toBe('schedule');
  });

  it('answers 400 for a deprecated template', async () => {
    const answer = await create({
      name: 'old',
      template_id: SEED_IDS.templates.legacyVm,
    });
    expect(answer.status).toBe(400);
  });

  it('answers 400 for a body that is not a JSON object', async () => {
    const answer = await create('not an object');
    expect(answer.status).toBe(400);
    expect(answer.body.message).toBe('Request body must be valid JSON.');
  });

  it('answers 403 to a member creating a workspace for another user', async () => {
    const answer = await create(
      { name: 'for-alice', template_id: DOCKER },
      'alice',
    );
    expect(answer.status).toBe(403);
  });
});
