import { formatTimestamp, Micros } from './clock';
import type {
  AgentRecord,
  AppRecord,
  BuildRecord,
  JobRecord,
  OrganizationRecord,
  ResourceRecord,
  TemplateRecord,
  TemplateVersionParameterRecord,
  TemplateVersionRecord,
  UserRecord,
  WorkspaceRecord,
} from './records';
import type { Store } from './store';
import {
  agentHealth,
  agentStatus,
  buildAgents,
  buildStatus,
  jobStatus,
} from './status';

/**
 * Records to Coder's wire JSON. Field sets follow swagger.json, corrected by
 * CONTRACT §11: nullable fields are `null` when unset, omitempty fields are
 * left out when empty, never sent as null.
 */

export const FAKE_VERSION = 'v2.37.0-devel+fake0000';
export const AGENT_API_VERSION = '2.6';

type Json = Record<string, unknown>;

export interface WireContext {
  store: Store;
  now: Micros;
  /** Whose favourites count (Coder reports only the requester's own). */
  requesterId: string;
}

const time = formatTimestamp;
const timeOrNull = (value: Micros | undefined) =>
  value === undefined ? null : time(value);

/** Sets key only when the value is non-empty, like Go's omitempty. */
function omitEmpty(target: Json, key: string, value: unknown): void {
  if (value === undefined || value === '' || value === false || value === 0)
    return;
  if (Array.isArray(value) && value.length === 0) return;
  target[key] = value;
}

export function serializeUser(
  user: UserRecord,
  organizationIds: string[],
): Json {
  const json: Json = {
    id: user.id,
    username: user.username,
    email: user.email,
    created_at: time(user.createdAt),
    updated_at: time(user.updatedAt),
    last_seen_at: time(user.lastSeenAt),
    status: user.status,
    login_type: 'password',
    organization_ids: organizationIds,
    // Site-wide roles only; membership of an organization is implicit. SlimRole's
    // organization_id is omitempty, so site roles carry none.
    roles:
      user.siteRole === 'owner'
        ? [{ name: 'owner', display_name: 'Owner' }]
        : [],
    has_ai_seat: false,
  };
  omitEmpty(json, 'name', user.name);
  omitEmpty(json, 'avatar_url', user.avatarUrl);
  return json;
}

export function serializeMinimalUser(user: UserRecord): Json {
  const json: Json = { id: user.id, username: user.username };
  omitEmpty(json, 'name', user.name);
  omitEmpty(json, 'avatar_url', user.avatarUrl);
  return json;
}

export function serializeOrganization(organization: OrganizationRecord): Json {
  return {
    id: organization.id,
    name: organization.name,
    display_name: organization.displayName,
    description: organization.description,
    icon: organization.icon,
    created_at: time(organization.createdAt),
    updated_at: time(organization.updatedAt),
    is_default: organization.isDefault,
    default_org_member_roles: [],
  };
}

interface JobContext {
  templateVersion: TemplateVersionRecord;
  template: TemplateRecord;
  workspace?: WorkspaceRecord;
  build?: BuildRecord;
}

export function serializeJob(
  context: WireContext,
  job: JobRecord,
  owner: JobContext,
): Json {
  const { store } = context;
  const status = jobStatus(job);
  const queuePosition = status === 'pending' ? store.queuePosition(job) : 0;
  const input: Json = {};
  const metadata: Json = {
    template_version_name: owner.templateVersion.name,
    template_id: owner.template.id,
    template_name: owner.template.name,
    template_display_name: owner.template.displayName,
    template_icon: owner.template.icon,
  };
  if (owner.build && owner.workspace) {
    input.workspace_build_id = owner.build.id;
    metadata.workspace_id = owner.workspace.id;
    metadata.workspace_name = owner.workspace.name;
    metadata.workspace_build_transition = owner.build.transition;
  } else {
    input.template_version_id = owner.templateVersion.id;
  }
  const json: Json = {
    id: job.id,
    created_at: time(job.createdAt),
  };
  if (job.startedAt !== undefined) json.started_at = time(job.startedAt);
  if (job.completedAt !== undefined) json.completed_at = time(job.completedAt);
  if (job.canceledAt !== undefined) json.canceled_at = time(job.canceledAt);
  omitEmpty(json, 'error', job.error);
  Object.assign(json, {
    status,
    file_id: job.fileId,
    tags: { owner: '', scope: 'organization' },
    queue_position: queuePosition,
    queue_size: queuePosition > 0 ? store.pendingJobs.size : 0,
    organization_id: job.organizationId,
    initiator_id: job.initiatorId,
    input,
    type: job.type,
    metadata,
    logs_overflowed: false,
  });
  if (job.workerId) {
    json.worker_id = job.workerId;
    json.worker_name = store.provisioner.name;
  }
  if (status === 'pending') json.available_workers = [store.provisioner.id];
  return json;
}

function serializeApp(app: AppRecord): Json {
  const json: Json = {
    id: app.id,
    external: app.external,
    slug: app.slug,
    subdomain: app.subdomain,
    sharing_level: app.sharingLevel,
    healthcheck: {
      url: app.healthcheckUrl,
      interval: app.healthcheckInterval,
      threshold: app.healthcheckThreshold,
    },
    health: app.health,
    hidden: app.hidden,
    open_in: app.openIn,
    statuses: [],
  };
  omitEmpty(json, 'url', app.url);
  omitEmpty(json, 'display_name', app.displayName);
  omitEmpty(json, 'command', app.command);
  omitEmpty(json, 'icon', app.icon);
  omitEmpty(json, 'subdomain_name', app.subdomainName);
  omitEmpty(json, 'group', app.group);
  omitEmpty(json, 'tooltip', app.tooltip);
  return json;
}

export function serializeAgent(context: WireContext, agent: AgentRecord): Json {
  const status = agentStatus(agent, context.now);
  const connected = status === 'connected';
  const health = agentHealth(agent, context.now);
  const healthJson: Json = { healthy: health.healthy };
  omitEmpty(healthJson, 'reason', health.reason);
  const json: Json = {
    id: agent.id,
    parent_id: null,
    created_at: time(agent.createdAt),
    updated_at: time(agent.updatedAt),
    status,
    lifecycle_state: agent.lifecycleState,
    name: agent.name,
    resource_id: agent.resourceId,
    architecture: 'amd64',
    environment_variables: {},
    operating_system: 'linux',
    logs_length: 0,
    logs_overflowed: false,
    // An agent reports its versions when it first connects.
    version: agent.firstConnectedAt === undefined ? '' : FAKE_VERSION,
    api_version: agent.firstConnectedAt === undefined ? '' : AGENT_API_VERSION,
    apps: agent.apps.map(serializeApp),
    connection_timeout_seconds: agent.connectionTimeoutSeconds,
    troubleshooting_url:
      'https://coder.com/docs/admin/templates/troubleshooting',
    subsystems: agent.subsystems,
    health: healthJson,
    display_apps: agent.displayApps,
    log_sources: [],
    scripts: [],
    startup_script_behavior: 'non-blocking',
  };
  if (agent.firstConnectedAt !== undefined)
    json.first_connected_at = time(agent.firstConnectedAt);
  // A connected agent heartbeats, so Coder's last_connected_at keeps up with now.
  if (agent.lastConnectedAt !== undefined) {
    json.last_connected_at = time(
      connected
        ? Math.max(agent.lastConnectedAt, context.now)
        : agent.lastConnectedAt,
    );
  }
  if (agent.disconnectedAt !== undefined)
    json.disconnected_at = time(agent.disconnectedAt);
  if (agent.startedAt !== undefined) json.started_at = time(agent.startedAt);
  if (agent.readyAt !== undefined) json.ready_at = time(agent.readyAt);
  omitEmpty(json, 'directory', agent.directory);
  omitEmpty(json, 'expanded_directory', agent.directory);
  if (connected)
    json.latency = { Default: { preferred: true, latency_ms: 11.5 } };
  return json;
}

function serializeResource(
  context: WireContext,
  resource: ResourceRecord,
): Json {
  const json: Json = {
    id: resource.id,
    created_at: time(resource.createdAt),
    job_id: resource.jobId,
    workspace_transition: resource.transition,
    type: resource.type,
    name: resource.name,
    hide: resource.hide,
    icon: resource.icon,
    daily_cost: resource.dailyCost,
  };
  omitEmpty(
    json,
    'agents',
    resource.agents.map(agent => serializeAgent(context, agent)),
  );
  omitEmpty(json, 'metadata', resource.metadata);
  return json;
}

export function serializeBuild(
  context: WireContext,
  workspace: WorkspaceRecord,
  build: BuildRecord,
): Json {
  const { store } = context;
  const owner = store.users.get(workspace.ownerId);
  const initiator = store.users.get(build.initiatorId);
  const version = store.templateVersions.get(build.templateVersionId);
  const template = store.templates.get(workspace.templateId);
  if (!owner || !initiator || !version || !template) {
    throw new Error(`fake-coder: build ${build.id} refers to missing records`);
  }
  const status = buildStatus(build);
  const json: Json = {
    id: build.id,
    created_at: time(build.createdAt),
    updated_at: time(build.updatedAt),
    workspace_id: workspace.id,
    workspace_name: workspace.name,
    workspace_owner_id: owner.id,
    workspace_owner_name: owner.username,
    template_version_id: version.id,
    template_version_name: version.name,
    build_number: build.buildNumber,
    transition: build.transition,
    initiator_id: initiator.id,
    initiator_name: initiator.username,
    job: serializeJob(context, build.job, {
      templateVersion: version,
      template,
      workspace,
      build,
    }),
    reason: build.reason,
    resources: build.resources.map(resource =>
      serializeResource(context, resource),
    ),
    deadline: timeOrNull(build.deadline),
    max_deadline: timeOrNull(build.maxDeadline),
    status,
    daily_cost: 0,
    template_version_preset_id: null,
  };
  omitEmpty(json, 'workspace_owner_avatar_url', owner.avatarUrl);
  if (status === 'pending') {
    json.matched_provisioners = {
      count: 1,
      available: 1,
      most_recently_seen: time(context.now),
    };
  }
  return json;
}

export function isOutdated(store: Store, workspace: WorkspaceRecord): boolean {
  const template = store.templates.get(workspace.templateId);
  return (
    store.latestBuild(workspace).templateVersionId !== template?.activeVersionId
  );
}

export function serializeWorkspace(
  context: WireContext,
  workspace: WorkspaceRecord,
): Json {
  const { store } = context;
  const owner = store.users.get(workspace.ownerId);
  const organization = store.organizations.get(workspace.organizationId);
  const template = store.templates.get(workspace.templateId);
  if (!owner || !organization || !template) {
    throw new Error(
      `fake-coder: workspace ${workspace.id} refers to missing records`,
    );
  }
  const latest = store.latestBuild(workspace);
  const failingAgents = buildAgents(latest)
    .filter(agent => !agentHealth(agent, context.now).healthy)
    .map(agent => agent.id);
  const json: Json = {
    id: workspace.id,
    created_at: time(workspace.createdAt),
    updated_at: time(workspace.updatedAt),
    owner_id: owner.id,
    owner_name: owner.username,
    owner_avatar_url: owner.avatarUrl,
    organization_id: organization.id,
    organization_name: organization.name,
    template_id: template.id,
    template_name: template.name,
    template_display_name: template.displayName,
    template_icon: template.icon,
    template_allow_user_cancel_workspace_jobs:
      template.allowUserCancelWorkspaceJobs,
    template_active_version_id: template.activeVersionId,
    template_require_active_version: template.requireActiveVersion,
    template_use_classic_parameter_flow: template.useClassicParameterFlow,
    latest_build: serializeBuild(context, workspace, latest),
    latest_app_status: null,
    outdated: latest.templateVersionId !== template.activeVersionId,
    name: workspace.name,
    last_used_at: time(workspace.lastUsedAt),
    deleting_at: timeOrNull(workspace.deletingAt),
    dormant_at: timeOrNull(workspace.dormantAt),
    health: {
      healthy: failingAgents.length === 0,
      failing_agents: failingAgents,
    },
    automatic_updates: workspace.automaticUpdates,
    allow_renames: false,
    favorite: workspace.favorite && workspace.ownerId === context.requesterId,
    next_start_at: timeOrNull(workspace.nextStartAt),
    is_prebuild: false,
    task_id: null,
  };
  omitEmpty(json, 'autostart_schedule', workspace.autostartSchedule);
  if (workspace.ttlMs !== undefined) json.ttl_ms = workspace.ttlMs;
  return json;
}

export function serializeTemplate(
  store: Store,
  template: TemplateRecord,
): Json {
  const organization = store.organizations.get(template.organizationId);
  const author = store.users.get(template.createdById);
  const owners = new Set<string>();
  for (const workspace of store.workspaces.values()) {
    if (workspace.templateId === template.id && !workspace.deleted)
      owners.add(workspace.ownerId);
  }
  return {
    id: template.id,
    created_at: time(template.createdAt),
    updated_at: time(template.updatedAt),
    organization_id: template.organizationId,
    organization_name: organization?.name ?? '',
    organization_display_name: organization?.displayName ?? '',
    organization_icon: organization?.icon ?? '',
    name: template.name,
    display_name: template.displayName,
    provisioner: 'terraform',
    active_version_id: template.activeVersionId,
    active_user_count: owners.size,
    // TransitionStats has no json tags, so its keys go out as P50/P95 (CONTRACT §11).
    build_time_stats: {
      start: { P50: 46_000, P95: 91_000 },
      stop: { P50: 12_000, P95: 24_000 },
      delete: { P50: 15_000, P95: 30_000 },
    },
    description: template.description,
    deprecated: template.deprecationMessage !== '',
    deprecation_message: template.deprecationMessage,
    deleted: template.deleted,
    icon: template.icon,
    default_ttl_ms: template.defaultTtlMs,
    activity_bump_ms: template.activityBumpMs,
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
    created_by_id: template.createdById,
    created_by_name: author?.username ?? '',
    allow_user_autostart: true,
    allow_user_autostop: true,
    allow_user_cancel_workspace_jobs: template.allowUserCancelWorkspaceJobs,
    failure_ttl_ms: 0,
    time_til_dormant_ms: template.timeTilDormantMs,
    time_til_dormant_autodelete_ms: template.timeTilDormantAutoDeleteMs,
    time_til_autostop_notify_ms: 0,
    require_active_version: template.requireActiveVersion,
    max_port_share_level: 'owner',
    cors_behavior: 'simple',
    use_classic_parameter_flow: template.useClassicParameterFlow,
    agents_allowed: false,
    disable_module_cache: false,
  };
}

export function serializeTemplateVersion(
  context: WireContext,
  version: TemplateVersionRecord,
): Json {
  const { store } = context;
  const template = store.templates.get(version.templateId);
  const author = store.users.get(version.createdById);
  if (!template || !author) {
    throw new Error(
      `fake-coder: template version ${version.id} refers to missing records`,
    );
  }
  return {
    id: version.id,
    template_id: template.id,
    organization_id: version.organizationId,
    created_at: time(version.createdAt),
    updated_at: time(version.updatedAt),
    name: version.name,
    message: version.message,
    job: serializeJob(context, version.job, {
      templateVersion: version,
      template,
    }),
    matched_provisioners: {
      count: 1,
      available: 1,
      most_recently_seen: time(context.now),
    },
    readme: version.readme,
    created_by: serializeMinimalUser(author),
    archived: false,
    warnings: [],
    has_external_agent: false,
  };
}

export function serializeTemplateVersionParameter(
  parameter: TemplateVersionParameterRecord,
): Json {
  const json: Json = {
    name: parameter.name,
    description: parameter.description,
    description_plaintext: parameter.description,
    type: parameter.type,
    form_type: parameter.formType,
    mutable: parameter.mutable,
    default_value: parameter.defaultValue,
    icon: parameter.icon,
    options: parameter.options.map(option => ({
      name: option.name,
      description: option.description,
      value: option.value,
      icon: option.icon,
    })),
    required: parameter.required,
    ephemeral: parameter.ephemeral,
  };
  omitEmpty(json, 'display_name', parameter.displayName);
  omitEmpty(json, 'validation_regex', parameter.validationRegex);
  omitEmpty(json, 'validation_error', parameter.validationError);
  // *int32 with omitempty: a set 0 is still sent.
  if (parameter.validationMin !== undefined)
    json.validation_min = parameter.validationMin;
  if (parameter.validationMax !== undefined)
    json.validation_max = parameter.validationMax;
  omitEmpty(json, 'validation_monotonic', parameter.validationMonotonic);
  return json;
}
