import type { Micros } from './clock';

/**
 * The fake's internal data model. It mirrors Coder's database rows rather than
 * its JSON, so derived values (job status, workspace status, outdated, health)
 * are computed the way Coder computes them; serialize.ts turns these into wire
 * JSON.
 */

export type SiteRole = 'owner' | 'member';
export type UserStatus = 'active' | 'dormant' | 'suspended';

export interface UserRecord {
  id: string;
  username: string;
  email: string;
  name: string;
  avatarUrl: string;
  status: UserStatus;
  siteRole: SiteRole;
  createdAt: Micros;
  updatedAt: Micros;
  lastSeenAt: Micros;
}

export interface TokenRecord {
  id: string;
  secret: string;
  userId: string;
  expiresAt: Micros;
  /**
   * The rest of Coder's api_keys row, kept for named tokens
   * (`POST /users/{user}/keys/tokens`, login type `token`) only; other keys
   * (seed, session, OAuth2) leave it out.
   */
  named?: NamedTokenFields;
}

/** api_keys columns of a `token` key, as GET /users/{user}/keys/tokens lists them. */
export interface NamedTokenFields {
  tokenName: string;
  /** Canonical names as stored: `coder:all`, `workspace:read`, … */
  scopes: string[];
  lifetimeSeconds: number;
  createdAt: Micros;
  updatedAt: Micros;
  /** The Unix epoch until first use; moves at most once an hour. */
  lastUsed: Micros;
}

export interface OrganizationRecord {
  id: string;
  name: string;
  displayName: string;
  description: string;
  icon: string;
  isDefault: boolean;
  createdAt: Micros;
  updatedAt: Micros;
}

export type ParameterType = 'string' | 'number' | 'bool' | 'list(string)';

export interface ParameterOptionRecord {
  name: string;
  description: string;
  value: string;
  icon: string;
}

export interface TemplateVersionParameterRecord {
  name: string;
  displayName: string;
  /** The template's `order`; ties go by lower-cased name. */
  displayOrder: number;
  description: string;
  type: ParameterType;
  formType: string;
  mutable: boolean;
  defaultValue: string;
  icon: string;
  options: ParameterOptionRecord[];
  required: boolean;
  ephemeral: boolean;
  validationRegex?: string;
  validationError?: string;
  validationMin?: number;
  validationMax?: number;
  validationMonotonic?: 'increasing' | 'decreasing';
}

export interface TemplateRecord {
  id: string;
  organizationId: string;
  name: string;
  displayName: string;
  description: string;
  icon: string;
  activeVersionId: string;
  deprecationMessage: string;
  allowUserCancelWorkspaceJobs: boolean;
  requireActiveVersion: boolean;
  useClassicParameterFlow: boolean;
  defaultTtlMs: number;
  activityBumpMs: number;
  timeTilDormantMs: number;
  timeTilDormantAutoDeleteMs: number;
  createdById: string;
  createdAt: Micros;
  updatedAt: Micros;
  deleted: boolean;
}

export type ProvisionerJobType = 'template_version_import' | 'workspace_build';
export type ProvisionerJobStatus =
  'pending' | 'running' | 'succeeded' | 'canceling' | 'canceled' | 'failed';

/** Job state lives in timestamps, as in Coder's provisioner_jobs table. */
export interface JobRecord {
  id: string;
  type: ProvisionerJobType;
  organizationId: string;
  initiatorId: string;
  fileId: string;
  createdAt: Micros;
  updatedAt: Micros;
  startedAt?: Micros;
  completedAt?: Micros;
  canceledAt?: Micros;
  error?: string;
  workerId?: string;
}

export interface TemplateVersionRecord {
  id: string;
  templateId: string;
  organizationId: string;
  name: string;
  message: string;
  readme: string;
  createdById: string;
  createdAt: Micros;
  updatedAt: Micros;
  job: JobRecord;
  parameters: TemplateVersionParameterRecord[];
}

export type WorkspaceTransition = 'start' | 'stop' | 'delete';
export type AgentLifecycle =
  | 'created'
  | 'starting'
  | 'start_timeout'
  | 'start_error'
  | 'ready'
  | 'shutting_down'
  | 'shutdown_timeout'
  | 'shutdown_error'
  | 'off';

export interface AppRecord {
  id: string;
  slug: string;
  displayName: string;
  url: string;
  command: string;
  icon: string;
  external: boolean;
  subdomain: boolean;
  subdomainName: string;
  sharingLevel: 'owner' | 'authenticated' | 'organization' | 'public';
  healthcheckUrl: string;
  healthcheckInterval: number;
  healthcheckThreshold: number;
  health: 'disabled' | 'initializing' | 'healthy' | 'unhealthy';
  hidden: boolean;
  openIn: 'slim-window' | 'tab';
  group: string;
  tooltip: string;
}

export interface AgentRecord {
  id: string;
  resourceId: string;
  name: string;
  createdAt: Micros;
  updatedAt: Micros;
  firstConnectedAt?: Micros;
  lastConnectedAt?: Micros;
  disconnectedAt?: Micros;
  startedAt?: Micros;
  readyAt?: Micros;
  lifecycleState: AgentLifecycle;
  directory: string;
  connectionTimeoutSeconds: number;
  subsystems: string[];
  displayApps: string[];
  apps: AppRecord[];
}

export interface ResourceRecord {
  id: string;
  jobId: string;
  createdAt: Micros;
  transition: WorkspaceTransition;
  type: string;
  name: string;
  icon: string;
  hide: boolean;
  dailyCost: number;
  metadata: Array<{ key: string; value: string; sensitive: boolean }>;
  agents: AgentRecord[];
}

export interface BuildParameterRecord {
  name: string;
  value: string;
}

export type BuildReason =
  | 'initiator'
  | 'autostart'
  | 'autostop'
  | 'dormancy'
  | 'dashboard'
  | 'cli'
  | 'ssh_connection'
  | 'vscode_connection'
  | 'jetbrains_connection'
  | 'task_auto_pause'
  | 'task_manual_pause'
  | 'task_resume';

/** A follow-up build queued by `on_success` (restart = stop, then start). */
export interface FollowUpBuild {
  transition: 'start';
  templateVersionId?: string;
  richParameterValues: BuildParameterRecord[];
}

export interface BuildRecord {
  id: string;
  workspaceId: string;
  buildNumber: number;
  transition: WorkspaceTransition;
  templateVersionId: string;
  initiatorId: string;
  reason: BuildReason;
  createdAt: Micros;
  updatedAt: Micros;
  deadline?: Micros;
  maxDeadline?: Micros;
  job: JobRecord;
  parameters: BuildParameterRecord[];
  resources: ResourceRecord[];
  /** Makes the job fail when it completes (seed data and tests). */
  failWith?: string;
  onSuccess?: FollowUpBuild;
}

export interface WorkspaceRecord {
  id: string;
  name: string;
  ownerId: string;
  organizationId: string;
  templateId: string;
  createdAt: Micros;
  updatedAt: Micros;
  lastUsedAt: Micros;
  dormantAt?: Micros;
  deletingAt?: Micros;
  deleted: boolean;
  autostartSchedule?: string;
  /** When the autostart schedule next fires, as computed at creation. */
  nextStartAt?: Micros;
  ttlMs?: number;
  automaticUpdates: 'always' | 'never';
  /** Favourites are per user in Coder; the fake only has the owner's. */
  favorite: boolean;
  /** Ordered by build number, latest last. */
  builds: BuildRecord[];
}
