import { randomUUID } from 'node:crypto';
import { parseUuid } from './uuid';
import type {
  AgentRecord,
  BuildRecord,
  JobRecord,
  OrganizationRecord,
  TemplateRecord,
  TemplateVersionRecord,
  TokenRecord,
  UserRecord,
  WorkspaceRecord,
} from './records';

/** database.EveryoneGroup: the group each organization has for all its members. */
export const EVERYONE_GROUP = 'Everyone';

/**
 * In-memory state of one fake deployment, with the indexes the handlers need
 * to stay fast at thousands of workspaces.
 */
export class Store {
  readonly users = new Map<string, UserRecord>();
  readonly tokens = new Map<string, TokenRecord>();
  readonly organizations = new Map<string, OrganizationRecord>();
  readonly templates = new Map<string, TemplateRecord>();
  readonly templateVersions = new Map<string, TemplateVersionRecord>();
  readonly workspaces = new Map<string, WorkspaceRecord>();
  readonly builds = new Map<string, BuildRecord>();
  readonly agents = new Map<
    string,
    { agent: AgentRecord; build: BuildRecord }
  >();
  /** Pending jobs in queue order, for queue_position and queue_size. */
  readonly pendingJobs = new Set<JobRecord>();

  constructor(
    readonly deploymentId: string,
    readonly provisioner: { id: string; name: string },
  ) {}

  addUser(user: UserRecord): void {
    this.users.set(user.id, user);
  }

  /** `{user}` path parameter: a UUID or a username (`me` is resolved by the caller). */
  findUser(reference: string): UserRecord | undefined {
    const parsed = parseUuid(reference);
    if (parsed.ok) return this.users.get(parsed.value);
    const lowered = reference.toLowerCase();
    for (const user of this.users.values()) {
      if (user.username.toLowerCase() === lowered) return user;
    }
    return undefined;
  }

  /** `{organization}`: a UUID, a name, or `default`. */
  findOrganization(reference: string): OrganizationRecord | undefined {
    const parsed = parseUuid(reference);
    if (parsed.ok) return this.organizations.get(parsed.value);
    for (const organization of this.organizations.values()) {
      if (
        reference === 'default'
          ? organization.isDefault
          : organization.name === reference
      ) {
        return organization;
      }
    }
    return undefined;
  }

  /**
   * GetOrganizationByName, as search queries use it: the name only (no UUID,
   * no `default` alias), case-insensitively.
   */
  findOrganizationByName(name: string): OrganizationRecord | undefined {
    const lowered = name.toLowerCase();
    for (const organization of this.organizations.values()) {
      if (organization.name.toLowerCase() === lowered) return organization;
    }
    return undefined;
  }

  /**
   * GetGroupByOrgAndName. The fake has no groups but the one every
   * organization has: `Everyone`, whose id is the organization's.
   */
  findGroupId(organizationId: string, name: string): string | undefined {
    if (!this.organizations.has(organizationId)) return undefined;
    return name.toLowerCase() === EVERYONE_GROUP.toLowerCase()
      ? organizationId
      : undefined;
  }

  defaultOrganization(): OrganizationRecord {
    for (const organization of this.organizations.values()) {
      if (organization.isDefault) return organization;
    }
    throw new Error('fake-coder: the seed has no default organization');
  }

  addTemplateVersion(version: TemplateVersionRecord): void {
    this.templateVersions.set(version.id, version);
  }

  findTemplateByName(
    organizationId: string,
    name: string,
  ): TemplateRecord | undefined {
    const lowered = name.toLowerCase();
    for (const template of this.templates.values()) {
      if (
        template.organizationId === organizationId &&
        !template.deleted &&
        template.name.toLowerCase() === lowered
      ) {
        return template;
      }
    }
    return undefined;
  }

  addWorkspace(workspace: WorkspaceRecord): void {
    this.workspaces.set(workspace.id, workspace);
    for (const build of workspace.builds) this.indexBuild(build);
  }

  /** Registers a build (and its agents) for lookups by id. */
  indexBuild(build: BuildRecord): void {
    this.builds.set(build.id, build);
    if (
      build.job.startedAt === undefined &&
      build.job.completedAt === undefined &&
      build.job.canceledAt === undefined
    ) {
      this.pendingJobs.add(build.job);
    }
    this.indexAgents(build);
  }

  indexAgents(build: BuildRecord): void {
    for (const resource of build.resources) {
      for (const agent of resource.agents)
        this.agents.set(agent.id, { agent, build });
    }
  }

  findWorkspaceByOwnerAndName(
    ownerId: string,
    name: string,
  ): WorkspaceRecord | undefined {
    const lowered = name.toLowerCase();
    for (const workspace of this.workspaces.values()) {
      if (
        workspace.ownerId === ownerId &&
        !workspace.deleted &&
        workspace.name.toLowerCase() === lowered
      ) {
        return workspace;
      }
    }
    return undefined;
  }

  latestBuild(workspace: WorkspaceRecord): BuildRecord {
    return workspace.builds[workspace.builds.length - 1];
  }

  /** 1-based position among pending jobs, 0 when not queued. */
  queuePosition(job: JobRecord): number {
    if (!this.pendingJobs.has(job)) return 0;
    let position = 0;
    for (const pending of this.pendingJobs) {
      position++;
      if (pending === job) return position;
    }
    return 0;
  }

  newId(): string {
    return randomUUID();
  }
}
