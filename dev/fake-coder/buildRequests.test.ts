/** @jest-environment node */
import { SEED_IDS } from './seed';
import type { FakeCoder } from './server';
import { call, eventually, startTestFake } from './testing';

/*
 * POST /workspaces/{workspace}/builds in the order coderd/workspacebuilds.go
 * postWorkspaceBuilds checks things: the body, a deleted workspace, on_success,
 * orphan and state, then the builder (custom state, log level, Terraform debug
 * mode, an active build).
 */

let fake: FakeCoder;
beforeAll(async () => {
  fake = await startTestFake({ buildStepMs: 60_000 });
});
afterAll(() => fake.close());
afterEach(() => call(fake, '/__fake/reset', { method: 'POST' }));

const MAIN = SEED_IDS.workspaces(1);
const ARCHIVE = SEED_IDS.workspaces(8);
const CLEANUP = SEED_IDS.workspaces(9);

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

async function deletedWorkspace(): Promise<string> {
  // Seeded payments-cleanup is mid-delete; a quick fake finishes it.
  await call(fake, '/__fake/reset', {
    method: 'POST',
    body: { buildStepMs: 0 },
  });
  await eventually(async () => {
    const current = await call(
      fake,
      `/api/v2/workspaces/${CLEANUP}?include_deleted=true`,
      { token: fake.demoToken },
    );
    return current.body.latest_build.status === 'deleted' ? true : undefined;
  });
  return CLEANUP;
}

describe('a deleted workspace', () => {
  it.each(['start', 'stop'])(
    'refuses a %s build with 409 naming the transition',
    async transition => {
      const response = await postBuild(await deletedWorkspace(), {
        transition,
      });
      expect(response.status).toBe(409);
      expect(response.body).toEqual({
        message: `Cannot ${transition} a deleted workspace!`,
        detail: 'This workspace has been deleted and cannot be modified.',
      });
    },
  );

  it('still takes a delete build', async () => {
    const response = await postBuild(await deletedWorkspace(), {
      transition: 'delete',
    });
    expect(response.status).toBe(201);
  });

  it('is checked before on_success', async () => {
    const response = await postBuild(await deletedWorkspace(), {
      transition: 'start',
      on_success: { transition: 'start' },
    });
    expect(response.status).toBe(409);
  });
});

describe('on_success', () => {
  it.each([
    [
      'a parent that is not a stop',
      { transition: 'start', on_success: { transition: 'start' } },
      'OnSuccess is only permitted when stopping a workspace.',
    ],
    [
      'dry_run',
      {
        transition: 'stop',
        dry_run: true,
        on_success: { transition: 'start' },
      },
      'OnSuccess cannot be set alongside DryRun.',
    ],
    [
      'orphan, before the orphan check itself',
      { transition: 'stop', orphan: true, on_success: { transition: 'start' } },
      'OnSuccess cannot be set alongside Orphan.',
    ],
    [
      'state',
      {
        transition: 'stop',
        state: 'c3RhdGU=',
        on_success: { transition: 'start' },
      },
      'OnSuccess cannot be set alongside ProvisionerState.',
    ],
    [
      'a preset without a version',
      {
        transition: 'stop',
        on_success: {
          transition: 'start',
          template_version_preset_id: '00000000-0000-4000-8000-00000000abcd',
        },
      },
      'OnSuccess TemplateVersionPresetID requires TemplateVersionID.',
    ],
  ])('refuses %s with 400', async (_what, body, message) => {
    const response = await postBuild(MAIN, body);
    expect(response.status).toBe(400);
    expect(response.body).toEqual({ message });
  });

  it('checks dry_run before orphan and state', async () => {
    const response = await postBuild(MAIN, {
      transition: 'stop',
      dry_run: true,
      orphan: true,
      state: 'c3RhdGU=',
      on_success: { transition: 'start' },
    });
    expect(response.body.message).toBe(
      'OnSuccess cannot be set alongside DryRun.',
    );
  });

  it('lets only template managers pin the follow-up build to a version', async () => {
    const body = {
      transition: 'stop',
      on_success: {
        transition: 'start',
        template_version_id: SEED_IDS.templateVersions.devcontainersV2,
      },
    };
    const member = await postBuild(MAIN, body);
    expect(member.status).toBe(403);
    expect(member.body).toEqual({
      message: 'Unauthorized to queue follow-up workspace build.',
      detail:
        'Pinning a template version on the follow-up build requires template update permission. Omit template_version_id to use the active version.',
    });
    const builds = await call(fake, `/api/v2/workspaces/${MAIN}/builds`, {
      token: fake.demoToken,
    });
    expect(builds.body).toHaveLength(1);
    expect((await postBuild(MAIN, body, fake.tokens.admin)).status).toBe(201);
  });

  // Nobody may start a dormant workspace, so nobody may queue its follow-up start.
  it.each([
    ['demo', undefined],
    ['admin', undefined],
    ['admin', SEED_IDS.templateVersions.devcontainersV2],
  ])(
    'refuses %s a restart of a dormant workspace (pinned version: %s)',
    async (user, templateVersionId) => {
      const token = user === 'admin' ? fake.tokens.admin : fake.demoToken;
      const response = await postBuild(
        ARCHIVE,
        {
          transition: 'stop',
          on_success: {
            transition: 'start',
            template_version_id: templateVersionId,
          },
        },
        token,
      );
      expect(response.status).toBe(403);
      expect(response.body).toEqual({
        message: 'Unauthorized to queue follow-up workspace build.',
        // Coder picks the detail by whether a version is pinned, not by which check failed.
        detail: templateVersionId
          ? 'Pinning a template version on the follow-up build requires template update permission. Omit template_version_id to use the active version.'
          : 'Queuing the follow-up workspace build requires permission to start the workspace.',
      });
    },
  );
});

describe('build reasons', () => {
  it('ignores a reason on a delete build: its reason is always initiator', async () => {
    const response = await postBuild(MAIN, {
      transition: 'delete',
      reason: 'dashboard',
    });
    expect(response.status).toBe(201);
    expect(response.body.reason).toBe('initiator');
  });

  it('keeps a reason on a stop build', async () => {
    const response = await postBuild(MAIN, {
      transition: 'stop',
      reason: 'cli',
    });
    expect(response.body.reason).toBe('cli');
  });
});

describe('log_level', () => {
  it('refuses debug to a member as administrators-only', async () => {
    const message =
      'Workspace builds with a custom log level are restricted to administrators only.';
    const response = await postBuild(MAIN, {
      transition: 'stop',
      log_level: 'debug',
    });
    expect(response.status).toBe(400);
    expect(response.body).toEqual({ message, detail: message });
  });

  it('refuses debug to an owner too while Terraform debug mode is off, as by default', async () => {
    const message =
      'Terraform debug mode is disabled in the deployment configuration.';
    const response = await postBuild(
      MAIN,
      { transition: 'stop', log_level: 'debug' },
      fake.tokens.admin,
    );
    expect(response.status).toBe(400);
    expect(response.body).toEqual({ message, detail: message });
  });
});
