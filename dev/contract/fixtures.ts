/*
 * Wire-accurate Coder response bodies, built field by field from CONTRACT.md
 * §3 (and the nullability of §11). Each passes validateResponse unchanged, so
 * tests can start from one and break exactly one thing. The fake server and
 * client tests may reuse them; overrides are shallow.
 */

/** Any JSON value. */
export type JsonValue =
  string | number | boolean | null | JsonValue[] | { [key: string]: JsonValue };

/** A JSON object, as the builders return. */
export type JsonObject = { [key: string]: JsonValue };

/** Stable ids shared by the fixtures, so nested references agree. */
export const FIXTURE_IDS = {
  workspace: '8b1c3f0e-5a4d-4c6b-9e2f-1a7d3c5b9e01',
  build: '0f6a2d4e-8c1b-4e3f-a5d7-2b9c4e6f8a02',
  job: '4c2e6a8b-1d3f-4a5c-b7e9-3d5f7a9c1e03',
  resource: '7e9a1c3d-5f2b-4d6e-8a0c-4f6a8c0e2a04',
  agent: '2a4c6e8f-0b1d-4f3a-9c5e-5a7c9e1b3d05',
  app: '9c1e3a5b-7d2f-4b4c-a6e8-6b8d0f2a4c06',
  owner: '3b5d7f9a-1c2e-4a4b-8d6f-7c9e1a3b5d07',
  organization: '5d7f9b1c-3e4a-4c6d-a8f0-8d0f2b4c6e08',
  template: '6e8a0c2d-4f5b-4d7e-b9a1-9e1a3c5d7f09',
  templateVersion: '1f3b5d7e-9a0c-4e2f-8b4d-0f2b4d6e8a10',
  file: 'a2c4e6f8-0b1d-4a3c-9e5f-1a3c5e7b9d11',
  logSource: 'b3d5f7a9-1c2e-4b4d-8f6a-2b4d6f8c0e12',
  script: 'c4e6a8b0-2d3f-4c5e-a7b9-3c5e7a9d1f13',
} as const;

const CREATED_AT = '2026-08-21T16:45:38.123456Z';
const UPDATED_AT = '2026-08-21T16:47:02.654321Z';

/** An app of the fixture agent (`code-server`, a path app). */
export function buildWorkspaceApp(overrides: JsonObject = {}): JsonObject {
  return {
    id: FIXTURE_IDS.app,
    url: 'http://localhost:13337/?folder=/home/coder',
    external: false,
    slug: 'code-server',
    display_name: 'code-server',
    icon: '/icon/code.svg',
    subdomain: false,
    sharing_level: 'owner',
    healthcheck: {
      url: 'http://localhost:13337/healthz',
      interval: 5,
      threshold: 6,
    },
    health: 'healthy',
    hidden: false,
    open_in: 'slim-window',
    statuses: [],
    ...overrides,
  };
}

/** A connected, ready agent on linux/amd64 with one app. */
export function buildWorkspaceAgent(overrides: JsonObject = {}): JsonObject {
  return {
    id: FIXTURE_IDS.agent,
    parent_id: null,
    created_at: CREATED_AT,
    updated_at: UPDATED_AT,
    first_connected_at: '2026-08-21T16:46:10.000001Z',
    last_connected_at: UPDATED_AT,
    started_at: '2026-08-21T16:46:11.000002Z',
    ready_at: '2026-08-21T16:46:30.000003Z',
    status: 'connected',
    lifecycle_state: 'ready',
    name: 'main',
    resource_id: FIXTURE_IDS.resource,
    instance_id: 'i-0123456789abcdef0',
    architecture: 'amd64',
    operating_system: 'linux',
    environment_variables: { GIT_AUTHOR_NAME: 'Alice' },
    directory: '/home/coder',
    expanded_directory: '/home/coder',
    logs_length: 42,
    logs_overflowed: false,
    version: 'v2.36.1+abc1234',
    api_version: '2.6',
    apps: [buildWorkspaceApp()],
    latency: { 'Coder Embedded Relay': { preferred: true, latency_ms: 12.5 } },
    connection_timeout_seconds: 120,
    troubleshooting_url: 'https://coder.com/docs/troubleshooting',
    subsystems: [],
    health: { healthy: true },
    display_apps: [
      'vscode',
      'web_terminal',
      'ssh_helper',
      'port_forwarding_helper',
    ],
    log_sources: [
      {
        id: FIXTURE_IDS.logSource,
        workspace_agent_id: FIXTURE_IDS.agent,
        created_at: CREATED_AT,
        display_name: 'Startup Script',
        icon: '/emojis/25b6.png',
      },
    ],
    scripts: [
      {
        id: FIXTURE_IDS.script,
        log_source_id: FIXTURE_IDS.logSource,
        log_path: '/tmp/coder-startup-script.log',
        script: 'code-server --auth none',
        cron: '',
        run_on_start: true,
        run_on_stop: false,
        start_blocks_login: false,
        timeout: 0,
        display_name: 'Startup Script',
        exit_code: 0,
        status: 'ok',
      },
    ],
    startup_script_behavior: 'non-blocking',
    ...overrides,
  };
}

/** The docker container resource holding the fixture agent. */
export function buildWorkspaceResource(overrides: JsonObject = {}): JsonObject {
  return {
    id: FIXTURE_IDS.resource,
    created_at: CREATED_AT,
    job_id: FIXTURE_IDS.job,
    workspace_transition: 'start',
    type: 'docker_container',
    name: 'workspace',
    hide: false,
    icon: '/icon/docker.png',
    daily_cost: 0,
    agents: [buildWorkspaceAgent()],
    metadata: [
      { key: 'image', value: 'codercom/enterprise-base', sensitive: false },
    ],
    ...overrides,
  };
}

/** A succeeded workspace-build job. */
export function buildProvisionerJob(overrides: JsonObject = {}): JsonObject {
  return {
    id: FIXTURE_IDS.job,
    created_at: CREATED_AT,
    started_at: '2026-08-21T16:45:39.000001Z',
    completed_at: '2026-08-21T16:46:05.000001Z',
    status: 'succeeded',
    worker_id: 'd5f7b9c1-3e4a-4d6f-b8a0-4d6f8b0d2f14',
    worker_name: 'provisioner-0',
    file_id: FIXTURE_IDS.file,
    tags: { owner: '', scope: 'organization' },
    queue_position: 0,
    queue_size: 0,
    organization_id: FIXTURE_IDS.organization,
    initiator_id: FIXTURE_IDS.owner,
    input: {
      template_version_id: FIXTURE_IDS.templateVersion,
      workspace_build_id: FIXTURE_IDS.build,
    },
    type: 'workspace_build',
    metadata: {
      template_version_name: 'brave_newton7',
      template_id: FIXTURE_IDS.template,
      template_name: 'docker',
      template_display_name: 'Docker',
      template_icon: '/icon/docker.png',
      workspace_id: FIXTURE_IDS.workspace,
      workspace_name: 'dev',
      workspace_build_transition: 'start',
    },
    logs_overflowed: false,
    ...overrides,
  };
}

/** A successful `start` build, with its deadline set. */
export function buildWorkspaceBuild(overrides: JsonObject = {}): JsonObject {
  return {
    id: FIXTURE_IDS.build,
    created_at: CREATED_AT,
    updated_at: UPDATED_AT,
    build_number: 3,
    workspace_id: FIXTURE_IDS.workspace,
    workspace_name: 'dev',
    workspace_owner_id: FIXTURE_IDS.owner,
    workspace_owner_name: 'alice',
    workspace_owner_avatar_url: 'https://avatars.example.com/alice.png',
    template_version_id: FIXTURE_IDS.templateVersion,
    template_version_name: 'brave_newton7',
    template_version_preset_id: null,
    transition: 'start',
    status: 'running',
    reason: 'initiator',
    initiator_id: FIXTURE_IDS.owner,
    initiator_name: 'alice',
    job: buildProvisionerJob(),
    resources: [buildWorkspaceResource()],
    deadline: '2026-08-22T00:46:05.000001Z',
    max_deadline: null,
    daily_cost: 0,
    has_external_agent: false,
    ...overrides,
  };
}

/** Alice's running `dev` workspace from the `docker` template. */
export function buildWorkspace(overrides: JsonObject = {}): JsonObject {
  return {
    id: FIXTURE_IDS.workspace,
    created_at: CREATED_AT,
    updated_at: UPDATED_AT,
    name: 'dev',
    owner_id: FIXTURE_IDS.owner,
    owner_name: 'alice',
    owner_avatar_url: 'https://avatars.example.com/alice.png',
    organization_id: FIXTURE_IDS.organization,
    organization_name: 'coder',
    template_id: FIXTURE_IDS.template,
    template_name: 'docker',
    template_display_name: 'Docker',
    template_icon: '/icon/docker.png',
    template_active_version_id: FIXTURE_IDS.templateVersion,
    template_require_active_version: false,
    template_allow_user_cancel_workspace_jobs: true,
    template_use_classic_parameter_flow: false,
    latest_build: buildWorkspaceBuild(),
    latest_app_status: null,
    outdated: false,
    autostart_schedule: 'CRON_TZ=US/Central 30 9 * * 1-5',
    ttl_ms: 28800000,
    next_start_at: '2026-08-24T14:30:00Z',
    dormant_at: null,
    deleting_at: null,
    last_used_at: UPDATED_AT,
    health: { healthy: true, failing_agents: [] },
    automatic_updates: 'never',
    allow_renames: false,
    favorite: false,
    is_prebuild: false,
    task_id: null,
    ...overrides,
  };
}

/** Alice, an active owner who signed in with a password. */
export function buildUser(overrides: JsonObject = {}): JsonObject {
  return {
    id: FIXTURE_IDS.owner,
    username: 'alice',
    email: 'alice@example.com',
    created_at: CREATED_AT,
    updated_at: UPDATED_AT,
    last_seen_at: UPDATED_AT,
    status: 'active',
    login_type: 'password',
    organization_ids: [FIXTURE_IDS.organization],
    roles: [{ name: 'owner', display_name: 'Owner', organization_id: '' }],
    has_ai_seat: false,
    name: 'Alice Example',
    avatar_url: 'https://avatars.example.com/alice.png',
    ...overrides,
  };
}

/** `GET /api/v2/buildinfo` of a v2.36.1 deployment. */
export function buildBuildInfo(overrides: JsonObject = {}): JsonObject {
  return {
    version: 'v2.36.1+abc1234',
    external_url: 'https://github.com/coder/coder/commit/abc1234',
    dashboard_url: 'https://coder.example.com',
    deployment_id: 'e7a9c1d3-5f6b-4e8a-a0c2-5e7a9c1e3a15',
    telemetry: true,
    workspace_proxy: false,
    agent_api_version: '2.6',
    provisioner_api_version: '1.9',
    upgrade_message: '',
    ...overrides,
  };
}

/** The `docker` template, with build-time stats in their PascalCase wire form. */
export function buildTemplate(overrides: JsonObject = {}): JsonObject {
  return {
    id: FIXTURE_IDS.template,
    created_at: CREATED_AT,
    updated_at: UPDATED_AT,
    organization_id: FIXTURE_IDS.organization,
    organization_name: 'coder',
    organization_display_name: 'Coder',
    organization_icon: '',
    name: 'docker',
    display_name: 'Docker',
    description: 'Develop in Docker containers',
    icon: '/icon/docker.png',
    deprecated: false,
    deprecation_message: '',
    deleted: false,
    provisioner: 'terraform',
    active_version_id: FIXTURE_IDS.templateVersion,
    active_user_count: 1,
    build_time_stats: {
      start: { P50: 25000, P95: 41000 },
      stop: { P50: 9000, P95: 12000 },
      delete: { P50: null, P95: null },
    },
    default_ttl_ms: 28800000,
    activity_bump_ms: 3600000,
    autostop_requirement: { days_of_week: [], weeks: 1 },
    autostart_requirement: {
      days_of_week: [
        'monday',
        'tuesday',
        'wednesday',
        'thursday',
        'friday',
        'saturday',
        'sunday',
      ],
    },
    allow_user_autostart: true,
    allow_user_autostop: true,
    failure_ttl_ms: 0,
    time_til_dormant_ms: 0,
    time_til_dormant_autodelete_ms: 0,
    time_til_autostop_notify_ms: 0,
    allow_user_cancel_workspace_jobs: true,
    require_active_version: false,
    max_port_share_level: 'public',
    cors_behavior: 'simple',
    created_by_id: FIXTURE_IDS.owner,
    created_by_name: 'alice',
    use_classic_parameter_flow: false,
    agents_allowed: true,
    disable_module_cache: false,
    ...overrides,
  };
}

/** A `codersdk.Response` error body, e.g. for 404. */
export function buildCoderError(overrides: JsonObject = {}): JsonObject {
  return {
    message: 'Resource not found or you do not have access to this resource',
    ...overrides,
  };
}
