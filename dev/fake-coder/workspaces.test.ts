/** @jest-environment node */
import { SEED_IDS } from './seed';
import type { FakeCoder } from './server';
import { call, eventually, startTestFake } from './testing';

const NOT_FOUND = {
  message: 'Resource not found or you do not have access to this resource',
};

let fake: FakeCoder;
beforeAll(async () => {
  // Slow builds keep the seeded transitional states still while we look at them.
  fake = await startTestFake({ buildStepMs: 60_000 });
});
afterAll(() => fake.close());
afterEach(() => call(fake, '/__fake/reset', { method: 'POST' }));

const names = (body: {
  workspaces: Array<{ name: string; owner_name: string }>;
}) =>
  body.workspaces.map(workspace => `${workspace.owner_name}/${workspace.name}`);

describe('GET /api/v2/workspaces', () => {
  it("shows a member only their own workspaces and an owner everyone's", async () => {
    const member = await call(fake, '/api/v2/workspaces', {
      token: fake.demoToken,
    });
    expect(member.body.count).toBe(12);
    expect(
      new Set(
        member.body.workspaces.map(
          (workspace: { owner_name: string }) => workspace.owner_name,
        ),
      ),
    ).toEqual(new Set(['demo']));
    const owner = await call(fake, '/api/v2/workspaces', {
      token: fake.tokens.admin,
    });
    expect(owner.body.count).toBe(15);
  });

  it("keeps alice's workspaces on the same repository out of owner:me", async () => {
    const query = encodeURIComponent(
      'owner:me param:"repo_url=https://github.com/acme/web-app"',
    );
    const mine = await call(fake, `/api/v2/workspaces?q=${query}`, {
      token: fake.tokens.alice,
    });
    expect(names(mine.body)).toEqual(['alice/web-app', 'alice/web-app-hotfix']);
    const all = await call(
      fake,
      `/api/v2/workspaces?q=${encodeURIComponent('param:"repo_url=https://github.com/acme/web-app"')}`,
      {
        token: fake.tokens.admin,
      },
    );
    expect(all.body.count).toBe(8);
  });

  it('sorts favourites first, then running workspaces, then by owner and name', async () => {
    const response = await call(fake, '/api/v2/workspaces', {
      token: fake.demoToken,
    });
    expect(names(response.body)).toEqual([
      'demo/web-app-main',
      'demo/sandbox',
      'demo/web-app-legacy',
      'demo/web-app-spike',
      'demo/docs-site',
      'demo/payments-api',
      'demo/payments-archive',
      'demo/payments-cleanup',
      'demo/scratch',
      'demo/web-app-broken',
      'demo/web-app-feature',
      'demo/web-app-review',
    ]);
    expect(response.body.workspaces[0].favorite).toBe(true);
  });

  it('counts every match while limit and offset cut the page', async () => {
    const page = await call(fake, '/api/v2/workspaces?limit=3&offset=2', {
      token: fake.demoToken,
    });
    expect(page.body.count).toBe(12);
    expect(names(page.body)).toEqual([
      'demo/web-app-legacy',
      'demo/web-app-spike',
      'demo/docs-site',
    ]);
    const beyond = await call(fake, '/api/v2/workspaces?offset=50', {
      token: fake.demoToken,
    });
    expect(beyond.body).toEqual({ workspaces: [], count: 12 });
  });

  it("rejects bad limit and offset with Coder's pagination error", async () => {
    const response = await call(
      fake,
      '/api/v2/workspaces?limit=-1&offset=abc',
      { token: fake.demoToken },
    );
    expect(response.status).toBe(400);
    expect(response.body).toEqual({
      message: 'Query parameters have invalid values.',
      validations: [
        {
          field: 'limit',
          detail:
            'Query param "limit" must be a valid 32-bit positive integer: value is negative',
        },
        {
          field: 'offset',
          detail:
            'Query param "offset" must be a valid 32-bit positive integer: strconv.ParseInt: parsing "abc": invalid syntax',
        },
      ],
    });
  });

  it('rejects a bad query with "Invalid workspace search query."', async () => {
    const response = await call(
      fake,
      `/api/v2/workspaces?q=${encodeURIComponent('status:asleep colour:red')}`,
      { token: fake.demoToken },
    );
    expect(response.status).toBe(400);
    expect(response.body).toEqual({
      message: 'Invalid workspace search query.',
      validations: [
        {
          field: 'status',
          detail:
            'Query param "status" has invalid value: "asleep" is not a valid value',
        },
        { field: 'colour', detail: '"colour" is not a valid query param' },
      ],
    });
  });

  it('reports agent, outdated and dormant state in the JSON the plugin reads', async () => {
    const response = await call(fake, '/api/v2/workspaces?q=owner:me', {
      token: fake.demoToken,
    });
    const byName = Object.fromEntries(
      response.body.workspaces.map((workspace: { name: string }) => [
        workspace.name,
        workspace,
      ]),
    );
    expect(byName['web-app-legacy'].outdated).toBe(true);
    expect(byName['web-app-main'].outdated).toBe(false);
    expect(byName['payments-archive'].dormant_at).toEqual(expect.any(String));
    expect(byName['web-app-main'].dormant_at).toBeNull();
    const agent = byName['web-app-main'].latest_build.resources[0].agents[0];
    expect(agent).toMatchObject({
      status: 'connected',
      lifecycle_state: 'ready',
      parent_id: null,
    });
    expect(agent.display_apps).toEqual([
      'vscode',
      'web_terminal',
      'ssh_helper',
      'port_forwarding_helper',
    ]);
    expect(agent.apps.map((app: { slug: string }) => app.slug)).toEqual([
      'code-server',
      'preview',
      'docs',
      'htop',
    ]);
    expect(
      byName['web-app-spike'].latest_build.resources[0].agents[0],
    ).toMatchObject({
      status: 'connecting',
      health: { healthy: false, reason: 'agent has not yet connected' },
    });
    expect(byName['web-app-spike'].health.failing_agents).toHaveLength(1);
    expect(
      byName['web-app-feature'].latest_build.resources.every(
        (resource: object) => !('agents' in resource),
      ),
    ).toBe(true);
    expect(byName['web-app-main'].latest_build.deadline).toEqual(
      expect.any(String),
    );
    expect(byName['web-app-feature'].latest_build.deadline).toBeNull();
    expect(byName.scratch.latest_build.job).toMatchObject({
      status: 'pending',
      queue_position: 1,
      queue_size: 1,
    });
    expect(byName.scratch).not.toHaveProperty('ttl_ms');
    expect(byName['web-app-main'].ttl_ms).toBe(28_800_000);
  });
});

describe('GET /api/v2/workspaces/{workspace}', () => {
  it("400s a non-UUID with Go's parse error as detail", async () => {
    const response = await call(fake, '/api/v2/workspaces/not-a-uuid', {
      token: fake.demoToken,
    });
    expect(response.status).toBe(400);
    expect(response.body).toEqual({
      message: 'Invalid UUID "not-a-uuid".',
      detail: 'invalid UUID length: 10',
    });
  });

  it("answers unknown and other people's workspaces with the same 404", async () => {
    const unknown = await call(
      fake,
      '/api/v2/workspaces/00000000-0000-4000-8000-000000000000',
      { token: fake.demoToken },
    );
    expect(unknown.status).toBe(404);
    expect(unknown.body).toEqual(NOT_FOUND);
    const alices = SEED_IDS.workspaces(13);
    expect(
      (
        await call(fake, `/api/v2/workspaces/${alices}`, {
          token: fake.demoToken,
        })
      ).body,
    ).toEqual(NOT_FOUND);
    expect(
      (
        await call(fake, `/api/v2/workspaces/${alices}`, {
          token: fake.tokens.admin,
        })
      ).body.name,
    ).toBe('web-app');
  });

  it('finds a workspace by owner and name', async () => {
    const found = await call(
      fake,
      '/api/v2/users/demo/workspace/web-app-main',
      { token: fake.demoToken },
    );
    expect(found.body.id).toBe(SEED_IDS.workspaces(1));
    expect(
      (
        await call(fake, '/api/v2/users/alice/workspace/web-app', {
          token: fake.demoToken,
        })
      ).status,
    ).toBe(404);
  });
});

describe('POST /api/v2/users/{user}/workspaces', () => {
  const create = (body: unknown, token = fake.demoToken) =>
    call(fake, '/api/v2/users/me/workspaces', { method: 'POST', token, body });
  const repo = [{ name: 'repo_url', value: 'https://github.com/acme/web-app' }];

  it('creates the workspace with a pending first build', async () => {
    const response = await create({
      name: 'fresh',
      template_id: SEED_IDS.templates.devcontainers,
      rich_parameter_values: repo,
    });
    expect(response.status).toBe(201);
    expect(response.body).toMatchObject({
      name: 'fresh',
      owner_name: 'demo',
      template_name: 'devcontainers',
      outdated: false,
      latest_build: {
        build_number: 1,
        transition: 'start',
        status: 'pending',
        job: { status: 'pending' },
      },
    });
  });

  it('409s a duplicate name with the name validation', async () => {
    const response = await create({
      name: 'web-app-main',
      template_id: SEED_IDS.templates.devcontainers,
      rich_parameter_values: repo,
    });
    expect(response.status).toBe(409);
    expect(response.body).toEqual({
      message: 'Workspace "web-app-main" already exists.',
      validations: [
        {
          field: 'name',
          detail: 'This value is already in use and should be unique.',
        },
      ],
    });
  });

  it.each([
    'Has_Underscore',
    '-leading',
    'trailing-',
    'double--hyphen',
    'a'.repeat(33),
    'new',
    '',
  ])('rejects the name %p like the workspace_name validator', async name => {
    const response = await create({
      name,
      template_id: SEED_IDS.templates.docker,
    });
    expect(response.status).toBe(400);
    expect(response.body).toEqual({
      message: 'Validation failed.',
      validations: [
        {
          field: 'name',
          detail: `Validation failed for tag "workspace_name" with value: "${name}"`,
        },
      ],
    });
  });

  it('needs exactly one of template_id and template_version_id', async () => {
    const neither = await create({ name: 'ok' });
    expect(neither.body.validations).toEqual([
      {
        field: 'template_id',
        detail:
          'Validation failed for tag "required_without" with value: "00000000-0000-0000-0000-000000000000"',
      },
      {
        field: 'template_version_id',
        detail:
          'Validation failed for tag "required_without" with value: "00000000-0000-0000-0000-000000000000"',
      },
    ]);
    const both = await create({
      name: 'ok',
      template_id: SEED_IDS.templates.docker,
      template_version_id: SEED_IDS.templateVersions.dockerV1,
    });
    expect(
      both.body.validations.map(
        (validation: { detail: string }) => validation.detail,
      ),
    ).toEqual([
      `Validation failed for tag "excluded_with" with value: "${SEED_IDS.templates.docker}"`,
      `Validation failed for tag "excluded_with" with value: "${SEED_IDS.templateVersions.dockerV1}"`,
    ]);
  });

  it('validates rich parameters and names each bad one', async () => {
    const response = await create({
      name: 'bad-params',
      template_id: SEED_IDS.templates.devcontainers,
      rich_parameter_values: [
        { name: 'cpu', value: '0' },
        { name: 'dotfiles_uri', value: 'http://insecure' },
      ],
    });
    expect(response.status).toBe(400);
    expect(response.body.message).toBe('Unable to validate parameters');
    expect(
      response.body.validations.map(
        (validation: { field: string }) => validation.field,
      ),
    ).toEqual(['cpu', 'dotfiles_uri', 'repo_url']);
    expect(
      (
        await call(fake, '/api/v2/users/demo/workspace/bad-params', {
          token: fake.demoToken,
        })
      ).status,
    ).toBe(404);
  });

  it('uses the classic error for classic-flow templates', async () => {
    const response = await create({
      name: 'bad-image',
      template_id: SEED_IDS.templates.docker,
      rich_parameter_values: [{ name: 'image', value: 'alpine' }],
    });
    expect(response.status).toBe(400);
    expect(response.body.message).toBe('Unable to validate parameter "image"');
  });

  it('refuses a deprecated template, an unknown template and a body that is not JSON', async () => {
    const deprecated = await create({
      name: 'old',
      template_id: SEED_IDS.templates.legacyVm,
    });
    // Coder answers 400 here (createWorkspace's preflight), not 403.
    expect(deprecated.status).toBe(400);
    expect(deprecated.body).toEqual({
      message:
        'Template "legacy-vm" has been deprecated, and cannot be used to create a new workspace.',
      detail: 'Use the Dev Containers template instead.',
    });
    const unknown = await create({
      name: 'ghost',
      template_id: '00000000-0000-4000-8000-00000000beef',
    });
    expect(unknown.body).toEqual({
      message:
        'Template "00000000-0000-4000-8000-00000000beef" doesn\'t exist.',
      validations: [{ field: 'template_id', detail: 'template not found' }],
    });
    const broken = await create('{"name": ');
    expect(broken.status).toBe(400);
    expect(broken.body.message).toBe('Request body must be valid JSON.');
    const wrongType = await create({ name: 5 });
    expect(wrongType.body).toEqual({
      message: 'Request body must be valid JSON.',
      detail:
        'json: cannot unmarshal number into Go struct field CreateWorkspaceRequest.name of type string',
    });
  });

  it('refuses a body over 4 MiB with 413', async () => {
    const response = await create({
      name: 'big',
      padding: 'x'.repeat(4 * 1024 * 1024),
    });
    expect(response.status).toBe(413);
    expect(response.body.message).toBe('Request body too large.');
  });
});

describe('workspace lifecycle', () => {
  let quick: FakeCoder;
  beforeAll(async () => {
    quick = await startTestFake({ buildStepMs: 0 });
  });
  afterAll(() => quick.close());

  it('walks a new workspace from pending through starting to running, then connects its agent', async () => {
    const created = await call(quick, '/api/v2/users/me/workspaces', {
      method: 'POST',
      token: quick.demoToken,
      body: {
        name: 'walker',
        template_id: SEED_IDS.templates.devcontainers,
        rich_parameter_values: [
          { name: 'repo_url', value: 'https://github.com/acme/web-app' },
        ],
      },
    });
    const id = created.body.id;
    const seen = new Set<string>([created.body.latest_build.status]);
    const agentStates = new Set<string>();
    await eventually(async () => {
      const current = await call(quick, `/api/v2/workspaces/${id}`, {
        token: quick.demoToken,
      });
      seen.add(current.body.latest_build.status);
      const agent = current.body.latest_build.resources[0]?.agents?.[0];
      if (agent) agentStates.add(agent.status);
      return agent?.status === 'connected' ? agent : undefined;
    });
    expect(seen.has('pending')).toBe(true);
    expect(seen.has('running')).toBe(true);
    expect(agentStates.has('connected')).toBe(true);
    const builds = await call(quick, `/api/v2/workspaces/${id}/builds`, {
      token: quick.demoToken,
    });
    expect(builds.body[0].job).toMatchObject({
      status: 'succeeded',
      worker_name: 'fake-provisioner',
    });
    expect(builds.body[0].deadline).toEqual(expect.any(String));
  });

  it('moves seeded transitional workspaces on to their end states', async () => {
    const final = await eventually(async () => {
      const response = await call(quick, '/api/v2/workspaces?q=owner:me', {
        token: quick.demoToken,
      });
      const statuses = Object.fromEntries(
        response.body.workspaces.map(
          (workspace: { name: string; latest_build: { status: string } }) => [
            workspace.name,
            workspace.latest_build.status,
          ],
        ),
      );
      return statuses['web-app-review'] === 'running' &&
        statuses['payments-api'] === 'stopped' &&
        statuses.scratch === 'running'
        ? response.body
        : undefined;
    });
    expect(names(final)).not.toContain('demo/payments-cleanup');
  });
});
