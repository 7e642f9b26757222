import { millisecondsToMicros } from '../clock';
import { decodeStruct } from '../body';
import { ApiError, apiError, notFound, ValidationError } from '../errors';
import { goQuote, parseGoBool } from '../goText';
import { parseRfc3339Nano } from '../goTime';
import type {
  BuildParameterRecord,
  TemplateRecord,
  WorkspaceRecord,
} from '../records';
import type { ApiContext } from '../router';
import {
  compileWorkspaceFilter,
  parseWorkspaceQuery,
  sortWorkspaces,
} from '../searchQuery';
import { serializeWorkspace } from '../serialize';
import { jobStatus } from '../status';
import { createBuild } from '../workspaceBuilder';
import { NIL_UUID } from '../uuid';
import { isOwnerRole, userParam, workspaceParam } from './lookups';
import { parsePagination } from './pagination';

/** Workspaces: list and search, lookups, creation, deadline, favourites. */

export function getWorkspaces(context: ApiContext): void {
  const { store } = context.deployment;
  const page = parsePagination(context.url);
  const { filter, errors } = parseWorkspaceQuery(
    context.url.searchParams.get('q') ?? '',
    {
      actorId: context.actor.id,
      organizationIdByName: name => store.findOrganization(name)?.id,
      userIdByName: name => store.findUser(name)?.id,
      defaultOrganizationName: store.defaultOrganization().name,
    },
  );
  if (errors.length > 0)
    throw apiError(400, 'Invalid workspace search query.', undefined, errors);
  if (filter.ownerUsername === 'me') {
    filter.ownerId = context.actor.id;
    filter.ownerUsername = '';
  }
  const matches = compileWorkspaceFilter(filter, store, context.now);
  const visible: WorkspaceRecord[] = [];
  const seeEverything = isOwnerRole(context.actor);
  for (const workspace of store.workspaces.values()) {
    if (
      (seeEverything || workspace.ownerId === context.actor.id) &&
      matches(workspace)
    )
      visible.push(workspace);
  }
  const sorted = sortWorkspaces(visible, store, context.actor.id);
  const paged = sorted.slice(
    page.offset,
    page.limit > 0 ? page.offset + page.limit : undefined,
  );
  context.respond(200, {
    workspaces: paged.map(workspace =>
      serializeWorkspace(context.wire, workspace),
    ),
    count: sorted.length,
  });
}

/** The `include_deleted` query parameter of the workspace lookups. */
function includeDeleted(context: ApiContext): boolean {
  const text = context.url.searchParams.get('include_deleted') ?? '';
  if (text === '') return false;
  const parsed = parseGoBool(text);
  if (!parsed.ok) {
    throw apiError(
      400,
      `Invalid boolean value ${goQuote(text)} for "include_deleted" query param.`,
      undefined,
      [{ field: 'deleted', detail: 'Must be a valid boolean' }],
    );
  }
  return parsed.value;
}

export function getWorkspace(context: ApiContext): void {
  const workspace = workspaceParam(context, context.params.workspace);
  const showDeleted = includeDeleted(context);
  if (workspace.deleted && !showDeleted) {
    // Coder answers 410, not 404, and its text names the older `deleted` parameter.
    throw apiError(
      410,
      `Workspace ${goQuote(workspace.id)} was deleted, you can view this workspace by specifying '?deleted=true' and trying again.`,
    );
  }
  context.respond(200, serializeWorkspace(context.wire, workspace));
}

export function getWorkspaceByOwnerAndName(context: ApiContext): void {
  const owner = userParam(context, context.params.user);
  const showDeleted = includeDeleted(context);
  const { store } = context.deployment;
  let workspace = store.findWorkspaceByOwnerAndName(
    owner.id,
    context.params.workspacename,
  );
  if (!workspace && showDeleted) {
    const name = context.params.workspacename.toLowerCase();
    const deleted = [...store.workspaces.values()].filter(
      candidate =>
        candidate.ownerId === owner.id &&
        candidate.deleted &&
        candidate.name.toLowerCase() === name,
    );
    workspace = deleted.sort(
      (left, right) => right.createdAt - left.createdAt,
    )[0];
  }
  if (
    !workspace ||
    (workspace.ownerId !== context.actor.id && !isOwnerRole(context.actor))
  )
    throw notFound();
  context.respond(200, serializeWorkspace(context.wire, workspace));
}

/** codersdk.NameValid, behind the `workspace_name` validator tag. */
export function isValidName(name: string): boolean {
  if (name.length > 32 || name.length < 1) return false;
  if (name === 'new' || name === 'create') return false;
  return /^[a-zA-Z0-9]+(?:-[a-zA-Z0-9]+)*$/.test(name);
}

const CREATE_WORKSPACE_FIELDS = {
  template_id: { kind: 'uuid' },
  template_version_id: { kind: 'uuid' },
  name: { kind: 'string' },
  autostart_schedule: { kind: 'string' },
  ttl_ms: { kind: 'int64' },
  rich_parameter_values: { kind: 'parameters' },
  automatic_updates: { kind: 'string', goType: 'codersdk.AutomaticUpdates' },
  template_version_preset_id: { kind: 'uuid' },
} as const;

function validationFailed(validations: ValidationError[]): ApiError {
  return apiError(400, 'Validation failed.', undefined, validations);
}

const tagFailure = (
  field: string,
  tag: string,
  value: string,
): ValidationError => ({
  field,
  detail: `Validation failed for tag ${goQuote(tag)} with value: "${value}"`,
});

/** coderd/workspaces.go validWorkspaceTTLMillis. */
function ttlProblem(ttlMs: number | undefined): string | undefined {
  if (ttlMs === undefined || ttlMs === 0) return undefined;
  if (ttlMs < 60_000) return 'time until shutdown must be at least one minute';
  if (ttlMs > 30 * 24 * 3_600_000)
    return 'time until shutdown must be less than 30 days';
  return undefined;
}

export async function postUserWorkspace(context: ApiContext): Promise<void> {
  const owner = userParam(context, context.params.user);
  const body = decodeStruct(
    await context.readJson(),
    'CreateWorkspaceRequest',
    CREATE_WORKSPACE_FIELDS,
  );
  const templateId = body.template_id as string | undefined;
  const templateVersionId = body.template_version_id as string | undefined;
  const name = (body.name as string | undefined) ?? '';

  // go-playground/validator reports every failing field, in struct order.
  const validations: ValidationError[] = [];
  if (!templateId && !templateVersionId) {
    validations.push(tagFailure('template_id', 'required_without', NIL_UUID));
    validations.push(
      tagFailure('template_version_id', 'required_without', NIL_UUID),
    );
  } else if (templateId && templateVersionId) {
    validations.push(tagFailure('template_id', 'excluded_with', templateId));
    validations.push(
      tagFailure('template_version_id', 'excluded_with', templateVersionId),
    );
  }
  if (!isValidName(name))
    validations.push(tagFailure('name', 'workspace_name', name));
  if (validations.length > 0) throw validationFailed(validations);

  const { store } = context.deployment;
  let template: TemplateRecord | undefined;
  if (templateId) {
    template = store.templates.get(templateId);
    if (!template) {
      throw apiError(
        400,
        `Template ${goQuote(templateId)} doesn't exist.`,
        undefined,
        [{ field: 'template_id', detail: 'template not found' }],
      );
    }
  } else if (templateVersionId) {
    const version = store.templateVersions.get(templateVersionId);
    if (!version) {
      throw apiError(
        400,
        `Template version ${goQuote(templateVersionId)} doesn't exist.`,
        undefined,
        [{ field: 'template_version_id', detail: 'template not found' }],
      );
    }
    template = store.templates.get(version.templateId);
  }
  if (!template) throw notFound();
  if (template.deleted)
    throw apiError(404, `Template ${goQuote(template.id)} has been deleted!`);
  if (owner.id !== context.actor.id && !isOwnerRole(context.actor)) {
    throw apiError(
      403,
      'Unauthorized to create workspace.',
      'You are unable to create a workspace in this organization. It is possible to have access to the template, but not be able to create a workspace. Please contact an administrator about your permissions if you feel this is an error.',
    );
  }
  if (template.deprecationMessage) {
    throw apiError(
      403,
      `Template ${goQuote(template.name)} has been deprecated, and cannot be used to create a new workspace.`,
      template.deprecationMessage,
    );
  }
  if (store.findWorkspaceByOwnerAndName(owner.id, name)) {
    throw apiError(
      409,
      `Workspace ${goQuote(name)} already exists.`,
      undefined,
      [
        {
          field: 'name',
          detail: 'This value is already in use and should be unique.',
        },
      ],
    );
  }
  const ttlMs = body.ttl_ms as number | undefined;
  const ttlError = ttlProblem(ttlMs);
  if (ttlError) {
    throw apiError(400, 'Invalid Workspace Time to Shutdown.', undefined, [
      { field: 'ttl_ms', detail: ttlError },
    ]);
  }

  const now = context.now;
  const workspace: WorkspaceRecord = {
    id: store.newId(),
    name,
    ownerId: owner.id,
    organizationId: template.organizationId,
    templateId: template.id,
    createdAt: now,
    updatedAt: now,
    lastUsedAt: now,
    deleted: false,
    autostartSchedule:
      (body.autostart_schedule as string | undefined) || undefined,
    // Without an explicit TTL the template default applies.
    ttlMs:
      ttlMs !== undefined
        ? ttlMs || undefined
        : template.defaultTtlMs || undefined,
    automaticUpdates: body.automatic_updates === 'always' ? 'always' : 'never',
    favorite: false,
    builds: [],
  };
  createBuild(store, context.deployment.runner, {
    workspace,
    transition: 'start',
    initiator: context.actor,
    templateVersionId,
    useActiveVersion: !templateVersionId,
    richParameterValues:
      (body.rich_parameter_values as BuildParameterRecord[] | undefined) ?? [],
    reason: 'initiator',
    injectedFailure: () => context.deployment.faults.takeBuildFailure(),
  });
  store.addWorkspace(workspace);
  context.respond(201, serializeWorkspace(context.wire, workspace));
}

/** PUT /workspaces/{workspace}/extend (coderd/workspaces.go putExtendWorkspace). */
export async function putWorkspaceExtend(context: ApiContext): Promise<void> {
  const workspace = workspaceParam(context, context.params.workspace);
  const body = decodeStruct(
    await context.readJson(),
    'PutExtendWorkspaceRequest',
    { deadline: { kind: 'string' } },
  );
  const text = body.deadline as string | undefined;
  if (!text)
    throw validationFailed([
      tagFailure('deadline', 'required', '0001-01-01 00:00:00 +0000 UTC'),
    ]);
  const parsed = parseRfc3339Nano(text);
  if (!parsed.ok)
    throw apiError(400, 'Request body must be valid JSON.', parsed.error);
  const deadline = parsed.value;
  const build = context.deployment.store.latestBuild(workspace);
  const fail = (reason: string) =>
    apiError(400, `Cannot extend workspace: ${reason}`);
  if (build.transition !== 'start') {
    throw apiError(
      400,
      `Workspace must be started, current status: ${build.transition}`,
    );
  }
  if (
    jobStatus(build.job) !== 'succeeded' ||
    build.job.completedAt === undefined
  ) {
    throw apiError(400, 'Workspace is still building!');
  }
  if (build.deadline === undefined)
    throw apiError(400, 'Workspace shutdown is manual.');
  if (deadline < build.job.completedAt)
    throw fail('new deadline must be after workspace start time');
  if (deadline - context.now < millisecondsToMicros(29 * 60_000)) {
    throw fail('new deadline must be at least 30 minutes in the future');
  }
  if (build.maxDeadline !== undefined && deadline > build.maxDeadline) {
    throw fail("new deadline is greater than workspace's max deadline");
  }
  build.deadline = deadline;
  build.updatedAt = context.now;
  context.respond(200, {
    message: `Deadline updated to ${new Date(Math.floor(deadline / 1000)).toISOString().replace(/\.\d+Z$/, 'Z')}.`,
  });
}

function setFavorite(context: ApiContext, favorite: boolean): void {
  const workspace = workspaceParam(context, context.params.workspace);
  if (workspace.ownerId !== context.actor.id) {
    throw apiError(403, 'You can only favorite workspaces that you own.');
  }
  workspace.favorite = favorite;
  context.respondEmpty(204);
}

export function putWorkspaceFavorite(context: ApiContext): void {
  setFavorite(context, true);
}

export function deleteWorkspaceFavorite(context: ApiContext): void {
  setFavorite(context, false);
}
