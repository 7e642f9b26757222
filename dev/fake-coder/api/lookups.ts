import { apiError, notFound } from '../errors';
import { goQuote } from '../goText';
import type {
  BuildRecord,
  OrganizationRecord,
  TemplateRecord,
  TemplateVersionRecord,
  UserRecord,
  WorkspaceRecord,
} from '../records';
import type { ApiContext } from '../router';
import { parseUuid } from '../uuid';

/**
 * Path-parameter middleware of coderd/httpmw: UUID checks, lookups, and RBAC
 * that answers "not yours" exactly like "missing".
 */

/** httpmw.ParseUUIDParam. */
export function uuidParam(raw: string): string {
  const parsed = parseUuid(raw);
  if (!parsed.ok)
    throw apiError(400, `Invalid UUID ${goQuote(raw)}.`, parsed.error);
  return parsed.value;
}

export function isOwnerRole(user: UserRecord): boolean {
  return user.siteRole === 'owner';
}

export function canReadWorkspace(
  actor: UserRecord,
  workspace: WorkspaceRecord,
): boolean {
  return isOwnerRole(actor) || workspace.ownerId === actor.id;
}

/** httpmw.ExtractUserParam: `me`, a username or a UUID. */
export function userParam(context: ApiContext, raw: string): UserRecord {
  if (raw === 'me') return context.actor;
  const user = context.deployment.store.findUser(raw);
  if (!user) throw notFound();
  return user;
}

/**
 * httpmw.ExtractUserParam as Coder really runs it: the lookup goes through
 * dbauthz (GetUserByID / GetUserByEmailOrUsername need read on the user),
 * and a member may read only themself (coderd/rbac/roles.go memberRole), so
 * any other user is "not found" (httpapi.Is404Error counts dbauthz's
 * NotAuthorizedError). The API key routes use this; the older routes still use
 * userParam.
 */
export function readableUserParam(
  context: ApiContext,
  raw: string,
): UserRecord {
  const user = userParam(context, raw);
  if (user.id !== context.actor.id && !isOwnerRole(context.actor))
    throw notFound();
  return user;
}

/** httpmw.ExtractOrganizationParam: a UUID, a name or `default`; members only. */
export function organizationParam(
  context: ApiContext,
  raw: string,
): OrganizationRecord {
  const organization = context.deployment.store.findOrganization(raw);
  if (!organization) throw notFound();
  return organization;
}

export function workspaceParam(
  context: ApiContext,
  raw: string,
): WorkspaceRecord {
  const id = uuidParam(raw);
  const workspace = context.deployment.store.workspaces.get(id);
  if (!workspace || !canReadWorkspace(context.actor, workspace))
    throw notFound();
  return workspace;
}

export function buildParam(
  context: ApiContext,
  raw: string,
): { build: BuildRecord; workspace: WorkspaceRecord } {
  const id = uuidParam(raw);
  const { store } = context.deployment;
  const build = store.builds.get(id);
  const workspace = build ? store.workspaces.get(build.workspaceId) : undefined;
  if (!build || !workspace || !canReadWorkspace(context.actor, workspace))
    throw notFound();
  return { build, workspace };
}

export function templateParam(
  context: ApiContext,
  raw: string,
): TemplateRecord {
  const id = uuidParam(raw);
  const template = context.deployment.store.templates.get(id);
  if (!template || template.deleted) throw notFound();
  return template;
}

export function templateVersionParam(
  context: ApiContext,
  raw: string,
): TemplateVersionRecord {
  const id = uuidParam(raw);
  const version = context.deployment.store.templateVersions.get(id);
  if (!version) throw notFound();
  return version;
}
