/** @jest-environment node */
import { SEED_IDS } from './seed';
import type { FakeCoder } from './server';
import { call, startTestFake } from './testing';

/*
 * POST /users/{user}/workspaces as coderd/workspaces.go createWorkspace runs
 * it: template checks (deleted 404, deprecated 400), then the autostart
 * schedule, the TTL (truncated to the minute), automatic updates, and only
 * then the duplicate name.
 */

let fake: FakeCoder;
beforeAll(async () => {
  fake = await startTestFake({ buildStepMs: 60_000 });
});
afterAll(() => fake.close());
afterEach(() => call(fake, '/__fake/reset', { method: 'POST' }));

const create = (body: unknown, token = fake.demoToken) =>
  call(fake, '/api/v2/users/me/workspaces', { method: 'POST', token, body });
const DOCKER = SEED_IDS.templates.docker;
const DEVCONTAINERS = SEED_IDS.templates.devcontainers;
const repo = [{ name: 'repo_url', value: 'https://github.com/acme/web-app' }];

describe('template checks', () => {
  it('refuses a deprecated template with 400 and the deprecation message as detail', async () => {
    const response = await create({
      name: 'old',
      template_id: SEED_IDS.templates.legacyVm,
    });
    expect(response.status).toBe(400);
    expect(response.body).toEqual({
      message:
        'Template "legacy-vm" has been deprecated, and cannot be used to create a new workspace.',
      detail: 'Use the Dev Containers template instead.',
    });
  });

  it('answers 404 naming a deleted template by name', async () => {
    const deleted = await call(fake, '/__fake/templates/docker', {
      method: 'DELETE',
    });
    expect(deleted.status).toBe(204);
    const response = await create({ name: 'late', template_id: DOCKER });
    expect(response.status).toBe(404);
    expect(response.body).toEqual({
      message: 'Template "docker" has been deleted!',
    });
  });
});

describe('autostart_schedule', () => {
  it('stores a valid weekly schedule and reports when it next starts', async () => {
    const response = await create({
      name: 'early-bird',
      template_id: DOCKER,
      autostart_schedule: 'CRON_TZ=Europe/Helsinki 30 9 * * 1-5',
    });
    expect(response.status).toBe(201);
    expect(response.body.autostart_schedule).toBe(
      'CRON_TZ=Europe/Helsinki 30 9 * * 1-5',
    );
    const next = new Date(response.body.next_start_at);
    expect(next.getTime()).toBeGreaterThan(Date.now());
    expect(next.getTime()).toBeLessThan(Date.now() + 4 * 86_400_000);
    const local = new Intl.DateTimeFormat('en-GB', {
      timeZone: 'Europe/Helsinki',
      weekday: 'short',
      hour: '2-digit',
      minute: '2-digit',
    }).format(next);
    expect(local).toMatch(/^(Mon|Tue|Wed|Thu|Fri) 09:30$/);
  });

  it.each([
    [
      '30 9 1-5',
      'validate weekly schedule: expected schedule to consist of 5 fields with an optional CRON_TZ=<timezone> prefix',
    ],
    [
      '30 9 1 * 1-5',
      'validate weekly schedule: expected day-of-month and month to be *',
    ],
    [
      'CRON_TZ=Mars/Olympus 30 9 * * 1-5',
      'parse schedule: provided bad location Mars/Olympus: unknown time zone Mars/Olympus',
    ],
    [
      '61 9 * * 1-5',
      'parse schedule: end of range (61) above maximum (59): 61',
    ],
    [
      '30 nine * * 1-5',
      'parse schedule: failed to parse int from nine: strconv.Atoi: parsing "nine": invalid syntax',
    ],
  ])(
    'refuses %p with 400 naming the field schedule',
    async (schedule, detail) => {
      const response = await create({
        name: 'bad-cron',
        template_id: DOCKER,
        autostart_schedule: schedule,
      });
      expect(response.status).toBe(400);
      expect(response.body).toEqual({
        message: 'Invalid Autostart Schedule.',
        validations: [{ field: 'schedule', detail }],
      });
    },
  );
});

describe('ttl_ms', () => {
  it('truncates to whole minutes', async () => {
    const response = await create({
      name: 'odd-ttl',
      template_id: DOCKER,
      ttl_ms: 90_500,
    });
    expect(response.status).toBe(201);
    expect(response.body.ttl_ms).toBe(60_000);
  });

  it('refuses 59.999 seconds, which truncates to zero', async () => {
    const response = await create({
      name: 'tiny-ttl',
      template_id: DOCKER,
      ttl_ms: 59_999,
    });
    expect(response.status).toBe(400);
    expect(response.body).toEqual({
      message: 'Invalid Workspace Time to Shutdown.',
      validations: [
        {
          field: 'ttl_ms',
          detail: 'time until shutdown must be at least one minute',
        },
      ],
    });
  });

  it('takes an explicit 0 like an absent TTL: the template default', async () => {
    const response = await create({
      name: 'zero-ttl',
      template_id: DEVCONTAINERS,
      rich_parameter_values: repo,
      ttl_ms: 0,
    });
    expect(response.status).toBe(201);
    expect(response.body.ttl_ms).toBe(8 * 3_600_000);
  });

  it('is checked before the duplicate name', async () => {
    const response = await create({
      name: 'web-app-main',
      template_id: DEVCONTAINERS,
      rich_parameter_values: repo,
      ttl_ms: 5,
    });
    expect(response.status).toBe(400);
    expect(response.body.message).toBe('Invalid Workspace Time to Shutdown.');
  });
});

describe('automatic_updates', () => {
  it('refuses a value other than always or never', async () => {
    const response = await create({
      name: 'auto',
      template_id: DOCKER,
      automatic_updates: 'sometimes',
    });
    expect(response.status).toBe(400);
    expect(response.body).toEqual({
      message: 'Invalid Workspace Automatic Updates setting.',
      validations: [
        {
          field: 'automatic_updates',
          detail: 'Automatic updates must be always or never',
        },
      ],
    });
  });

  it('is checked after the TTL and before the duplicate name', async () => {
    const afterTtl = await create({
      name: 'web-app-main',
      template_id: DEVCONTAINERS,
      rich_parameter_values: repo,
      ttl_ms: 5,
      automatic_updates: 'sometimes',
    });
    expect(afterTtl.body.message).toBe('Invalid Workspace Time to Shutdown.');
    const beforeDuplicate = await create({
      name: 'web-app-main',
      template_id: DEVCONTAINERS,
      rich_parameter_values: repo,
      automatic_updates: 'sometimes',
    });
    expect(beforeDuplicate.body.message).toBe(
      'Invalid Workspace Automatic Updates setting.',
    );
  });

  it('stores always', async () => {
    const response = await create({
      name: 'auto-always',
      template_id: DOCKER,
      automatic_updates: 'always',
    });
    expect(response.body.automatic_updates).toBe('always');
  });
});

describe('classic-flow parameters', () => {
  it('stores an explicit empty value as empty, though the default is what gets validated', async () => {
    const response = await create({
      name: 'blank-image',
      template_id: DOCKER,
      rich_parameter_values: [{ name: 'image', value: '' }],
    });
    expect(response.status).toBe(201);
    const parameters = await call(
      fake,
      `/api/v2/workspacebuilds/${response.body.latest_build.id}/parameters`,
      { token: fake.demoToken },
    );
    expect(parameters.body).toEqual([
      { name: 'image', value: '' },
      { name: 'home_volume_gb', value: '10' },
    ]);
  });
});
