import type { Micros } from '../clock';
import { apiError, notFound, ValidationError } from '../errors';
import { goQuote, parseGoBool } from '../goText';
import type { UserRecord, WorkspaceRecord } from '../records';
import type { ApiContext } from '../router';
import {
  compileWorkspaceFilter,
  parseWorkspaceQuery,
  searchLookups,
  sortWorkspaces,
} from '../searchQuery';
import { serializeWorkspace } from '../serialize';
import type { Store } from '../store';
import { isOwnerRole, userParam, workspaceParam } from './lookups';
import { parsePagination } from './pagination';

/** Workspaces: list and search, lookups by id and by name, favourites. */

/** The message of the 400 GET /api/v2/workspaces answers for a bad `q`. */
export const INVALID_WORKSPACE_QUERY_MESSAGE =
  'Invalid workspace search query.';

/**
 * GET /api/v2/workspaces without the paging: what `query` finds among the
 * workspaces `actor` may see, in Coder's order, or Coder's validation
 * errors. Shared with the fake's dashboard pages, so `/workspaces?filter=`
 * lists exactly what the API would.
 */
export function searchWorkspaces(
  store: Store,
  actor: UserRecord,
  query: string,
  now: Micros,
):
  | { ok: true; workspaces: WorkspaceRecord[] }
  | { ok: false; errors: ValidationError[] } {
  const { filter, errors } = parseWorkspaceQuery(
    query,
    searchLookups(store, actor.id),
  );
  if (errors.length > 0) return { ok: false, errors };
  if (filter.ownerUsername === 'me') {
    filter.ownerId = actor.id;
    filter.ownerUsername = '';
  }
  const matches = compileWorkspaceFilter(filter, store, now);
  const visible: WorkspaceRecord[] = [];
  const seeEverything = isOwnerRole(actor);
  for (const workspace of store.workspaces.values()) {
    if ((seeEverything || workspace.ownerId === actor.id) && matches(workspace))
      visible.push(workspace);
  }
  return { ok: true, workspaces: sortWorkspaces(visible, store, actor.id) };
}

export function getWorkspaces(context: ApiContext): void {
  const page = parsePagination(context.url);
  const result = searchWorkspaces(
    context.deployment.store,
    context.actor,
    context.url.searchParams.get('q') ?? '',
    context.now,
  );
  if (!result.ok) {
    throw apiError(
      400,
      INVALID_WORKSPACE_QUERY_MESSAGE,
      undefined,
      result.errors,
    );
  }
  const sorted = result.workspaces;
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

/**
 * The `include_deleted` query parameter of the workspace lookups. Each
 * handler parses it itself, and they name a different field on failure: the
 * lookup by id the older `deleted`, the lookup by name `include_deleted`.
 */
function includeDeleted(
  context: ApiContext,
  field: 'deleted' | 'include_deleted',
): boolean {
  const text = context.url.searchParams.get('include_deleted') ?? '';
  if (text === '') return false;
  const parsed = parseGoBool(text);
  if (!parsed.ok) {
    throw apiError(
      400,
      `Invalid boolean value ${goQuote(text)} for "include_deleted" query param.`,
      undefined,
      [{ field, detail: 'Must be a valid boolean' }],
    );
  }
  return parsed.value;
}

export function getWorkspace(context: ApiContext): void {
  const workspace = workspaceParam(context, context.params.workspace);
  const showDeleted = includeDeleted(context, 'deleted');
  if (workspace.deleted && !showDeleted) {
    // Coder answers 410, not 404.
    throw apiError(
      410,
      `Workspace ${goQuote(workspace.id)} was deleted, you can view this workspace by specifying '?include_deleted=true' and trying again.`,
    );
  }
  context.respond(200, serializeWorkspace(context.wire, workspace));
}

export function getWorkspaceByOwnerAndName(context: ApiContext): void {
  const owner = userParam(context, context.params.user);
  const showDeleted = includeDeleted(context, 'include_deleted');
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
