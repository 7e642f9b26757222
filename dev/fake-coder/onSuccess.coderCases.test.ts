/** @jest-environment node */
import { SEED_IDS } from './seed';
import type { FakeCoder } from './server';
import { call, CallResult, eventually, startTestFake } from './testing';

/*
 * Cases of coder/coder coderd/workspacebuilds_on_success_test.go
 * (@c9a1e2bc), the tests of restart-in-one-call (`on_success`), restated over
 * HTTP. Coder keeps the follow-up in an orchestration row the API does not
 * show; here the follow-up is observed as the next build of the workspace.
 *
 * Left out: the preset case (no seeded presets) and the retryable child
 * failure (the fake has no provisioner to be busy). Coder's restart case
 * also sends `log_level: debug` with debug mode on; the fake's debug mode is
 * always off, so that part is left out.
 */

let fake: FakeCoder;
beforeAll(async () => {
  fake = await startTestFake({ buildStepMs: 0 });
});
afterAll(() => fake.close());
afterEach(() => call(fake, '/__fake/reset', { method: 'POST' }));

// web-app-main: devcontainers, running, demo's.
const MAIN = SEED_IDS.workspaces(1);
const { devcontainersV2 } = SEED_IDS.templateVersions;

const postBuild = (
  target: FakeCoder,
  body: object,
  token = target.demoToken,
): Promise<CallResult> =>
  call(target, `/api/v2/workspaces/${MAIN}/builds`, {
    method: 'POST',
    token,
    body,
  });
const builds = async (target: FakeCoder) =>
  (
    await call(target, `/api/v2/workspaces/${MAIN}/builds`, {
      token: target.demoToken,
    })
  ).body as Array<{
    id: string;
    build_number: number;
    transition: string;
    status: string;
    reason: string;
    template_version_id: string;
    job: { status: string; error?: string; completed_at?: string };
  }>;
/** Waits until the build with this number has finished. */
const finished = (target: FakeCoder, buildNumber: number) =>
  eventually(async () => {
    const found = (await builds(target)).find(
      build => build.build_number === buildNumber,
    );
    return found?.job.completed_at ? found : undefined;
  });
/** Lets the fake run a few more phases, then lists the builds. */
const afterAWhile = async (target: FakeCoder, milliseconds: number) => {
  await new Promise(resolve => setTimeout(resolve, milliseconds));
  return builds(target);
};

describe('coderd/workspacebuilds_on_success_test.go TestPostWorkspaceBuildsOnSuccessRestart', () => {
  it('stops, then starts with the follow-up parameters, reason and version', async () => {
    const stop = await postBuild(
      fake,
      {
        transition: 'stop',
        reason: 'cli',
        on_success: {
          transition: 'start',
          template_version_id: devcontainersV2,
          rich_parameter_values: [{ name: 'region', value: 'ap-sydney' }],
        },
      },
      fake.tokens.admin,
    );
    expect(stop.status).toBe(201);
    expect(stop.body).toMatchObject({ transition: 'stop', reason: 'cli' });
    expect((await finished(fake, 2)).status).toBe('stopped');
    const child = await finished(fake, 3);
    expect(child).toMatchObject({
      transition: 'start',
      status: 'running',
      reason: 'cli',
      template_version_id: devcontainersV2,
    });
    const parameters = await call(
      fake,
      `/api/v2/workspacebuilds/${child.id}/parameters`,
      { token: fake.demoToken },
    );
    expect(parameters.body).toContainEqual({
      name: 'region',
      value: 'ap-sydney',
    });
  });
});

describe('coderd/workspacebuilds_on_success_test.go TestPostWorkspaceBuildsOnSuccessValidation', () => {
  it.each([
    [
      'ParentMustBeStop',
      { transition: 'start', on_success: { transition: 'start' } },
      'OnSuccess is only permitted when stopping a workspace.',
    ],
    // The struct tag on the child's transition answers first.
    [
      'ChildMustBeStart',
      { transition: 'stop', on_success: { transition: 'stop' } },
      'Validation failed.',
    ],
    [
      'ParentDryRunRejected',
      {
        transition: 'stop',
        dry_run: true,
        on_success: { transition: 'start' },
      },
      'OnSuccess cannot be set alongside DryRun.',
    ],
    [
      'ParentOrphanRejected',
      { transition: 'stop', orphan: true, on_success: { transition: 'start' } },
      'OnSuccess cannot be set alongside Orphan.',
    ],
    [
      'ParentProvisionerStateRejected',
      {
        transition: 'stop',
        state: 'c3RhdGU=',
        on_success: { transition: 'start' },
      },
      'OnSuccess cannot be set alongside ProvisionerState.',
    ],
    [
      'ChildPresetWithoutVersionRejected',
      {
        transition: 'stop',
        on_success: {
          transition: 'start',
          template_version_preset_id: '00000000-0000-4000-8000-0000000000ef',
        },
      },
      'OnSuccess TemplateVersionPresetID requires TemplateVersionID.',
    ],
  ])('%s: 400 %p', async (_name, body, message) => {
    const response = await postBuild(fake, body, fake.tokens.admin);
    expect(response.status).toBe(400);
    expect(response.body.message).toContain(message);
    expect(await builds(fake)).toHaveLength(1);
  });
});

describe('coderd/workspacebuilds_on_success_test.go TestPostWorkspaceBuildsOnSuccessPinnedChildVersionRequiresTemplateUpdate', () => {
  it('refuses a member pinning the follow-up version, and creates no build', async () => {
    const response = await postBuild(fake, {
      transition: 'stop',
      on_success: { transition: 'start', template_version_id: devcontainersV2 },
    });
    expect(response.status).toBe(403);
    expect(response.body.detail).toContain('template update permission');
    expect(await builds(fake)).toHaveLength(1);
  });
});

describe('coderd/workspacebuilds_on_success_test.go TestPostWorkspaceBuildsOnSuccessUnpinnedChildUsesActiveTemplateVersion', () => {
  it('builds the follow-up on the version that is active when it runs', async () => {
    const paced = await startTestFake({ buildStepMs: 400 });
    try {
      const stop = await postBuild(paced, {
        transition: 'stop',
        on_success: { transition: 'start' },
      });
      expect(stop.status).toBe(201);
      // Published while the stop is still queued.
      const published = await call(
        paced,
        '/__fake/templates/devcontainers/versions',
        { method: 'POST' },
      );
      const child = await eventually(async () => {
        const found = (await builds(paced)).find(
          build => build.build_number === 3,
        );
        return found?.job.completed_at ? found : undefined;
      }, 10_000);
      expect(child.status).toBe('running');
      expect(child.template_version_id).toBe(published.body.id);
    } finally {
      await paced.close();
    }
  });
});

describe('coderd/workspacebuilds_on_success_test.go TestPostWorkspaceBuildsOnSuccessUnpinnedChildNoParams', () => {
  it('lets a member restart without pinning, parameters or reason', async () => {
    const stop = await postBuild(fake, {
      transition: 'stop',
      on_success: { transition: 'start' },
    });
    expect(stop.status).toBe(201);
    const child = await finished(fake, 3);
    expect(child).toMatchObject({
      transition: 'start',
      status: 'running',
      reason: 'initiator',
    });
    const parameters = await call(
      fake,
      `/api/v2/workspacebuilds/${child.id}/parameters`,
      { token: fake.demoToken },
    );
    // The previous build's values carry over.
    expect(parameters.body).toContainEqual({ name: 'cpu', value: '4' });
  });
});

describe('coderd/workspacebuilds_on_success_test.go TestPostWorkspaceBuildsOnSuccessParentFailed', () => {
  it('creates no follow-up after a failed stop', async () => {
    await call(fake, '/__fake/faults', {
      method: 'PUT',
      body: { failBuilds: 1 },
    });
    const stop = await postBuild(fake, {
      transition: 'stop',
      on_success: { transition: 'start' },
    });
    expect(stop.status).toBe(201);
    expect((await finished(fake, 2)).job.status).toBe('failed');
    expect((await afterAWhile(fake, 100)).map(b => b.build_number)).toEqual([
      2, 1,
    ]);
  });
});

describe('coderd/workspacebuilds_on_success_test.go TestPostWorkspaceBuildsOnSuccessParentCanceledMidFlight', () => {
  it('creates no follow-up after a stop canceled while running', async () => {
    const paced = await startTestFake({ buildStepMs: 400 });
    try {
      const stop = await postBuild(
        paced,
        {
          transition: 'stop',
          on_success: {
            transition: 'start',
            template_version_id: devcontainersV2,
          },
        },
        paced.tokens.admin,
      );
      expect(stop.body.reason).toBe('initiator');
      await eventually(async () =>
        (await builds(paced))[0].job.status === 'running' ? true : undefined,
      );
      const canceled = await call(
        paced,
        `/api/v2/workspacebuilds/${stop.body.id}/cancel`,
        { method: 'PATCH', token: paced.tokens.admin },
      );
      expect(canceled.status).toBe(200);
      const parent = await eventually(async () => {
        const [latest] = await builds(paced);
        return latest.job.completed_at ? latest : undefined;
      }, 5_000);
      expect(parent.job).toMatchObject({ status: 'failed', error: 'canceled' });
      expect(
        (await afterAWhile(paced, 1_000)).map(b => b.build_number),
      ).toEqual([2, 1]);
    } finally {
      await paced.close();
    }
  });
});

describe('coderd/workspacebuilds_on_success_test.go TestPostWorkspaceBuildsOnSuccessNonRetryableChildBuildFailure', () => {
  it('creates no follow-up when its parameters do not validate', async () => {
    const stop = await postBuild(
      fake,
      {
        transition: 'stop',
        on_success: {
          transition: 'start',
          template_version_id: devcontainersV2,
          rich_parameter_values: [{ name: 'dotfiles_uri', value: 'http://x' }],
        },
      },
      fake.tokens.admin,
    );
    expect(stop.status).toBe(201);
    expect((await finished(fake, 2)).status).toBe('stopped');
    expect((await afterAWhile(fake, 100)).map(b => b.build_number)).toEqual([
      2, 1,
    ]);
  });
});
