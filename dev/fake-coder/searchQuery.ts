import type { Micros } from './clock';
import type { ValidationError } from './errors';
import { goQuote, likePatternToRegExp, splitOutsideQuotes } from './goText';
import { addValue, QueryParamParser } from './queryParams';
import type { WorkspaceRecord } from './records';
import {
  parseGroup,
  parseOrganization,
  parseUser,
  SearchLookups,
} from './searchReferences';
import { searchTerms } from './searchTerms';
import {
  agentStatus,
  buildAgents,
  jobStatus,
  WORKSPACE_STATUSES,
  WorkspaceStatus,
} from './status';
import type { Store } from './store';

export type { SearchLookups } from './searchReferences';
export { searchLookups } from './searchReferences';

/**
 * The workspace search language of `GET /api/v2/workspaces?q=` (CONTRACT §5,
 * coderd/searchquery Workspaces and the GetWorkspaces SQL): parsing with
 * Coder's validation texts, matching, and Coder's sort order.
 */

export interface WorkspaceFilter {
  ids: string[];
  ownerUsername: string;
  /** Set by the handler for `owner:me`. */
  ownerId?: string;
  templateName: string;
  name: string;
  status: WorkspaceStatus | '';
  hasAgentStatuses: string[];
  dormant: boolean;
  lastUsedAfter?: Micros;
  lastUsedBefore?: Micros;
  /** Defined only when `outdated:` was given: true means "on the active version". */
  usingActive?: boolean;
  hasAITask?: boolean;
  hasExternalAgent?: boolean;
  /** Not a filter: agent metadata keys a list response should carry. */
  includeAgentMetadata: string[];
  organizationId?: string;
  shared?: boolean;
  sharedWithUserId?: string;
  sharedWithGroupId?: string;
  /** `param:<name>`: LIKE patterns, any may match. */
  hasParam: string[];
  /** `param:<name>=<value>`: a workspace matches when it has ANY of the pairs. */
  paramPairs: Array<{ name: string; value: string }>;
}

/** A filter that matches every workspace: Coder's zero GetWorkspacesParams. */
export function emptyWorkspaceFilter(): WorkspaceFilter {
  return {
    ids: [],
    ownerUsername: '',
    templateName: '',
    name: '',
    status: '',
    hasAgentStatuses: [],
    dormant: false,
    includeAgentMetadata: [],
    hasParam: [],
    paramPairs: [],
  };
}

type ParamTerm = { name: string; value?: string };

/** One `param:` term: `name` or `name=value`, spaces around it ignored. */
function parseParamTerm(
  raw: string,
): { ok: true; value: ParamTerm } | { ok: false; error: string } {
  const text = raw.trim();
  const parts = text.split('=');
  if (parts.length === 1) return { ok: true, value: { name: parts[0] } };
  if (parts.length > 2) {
    return {
      ok: false,
      error: `query element ${goQuote(text)} can only contain 1 '='`,
    };
  }
  if (parts[1] === '') {
    return {
      ok: false,
      error: `query element ${goQuote(text)} has an empty value. omit the '=' to match just on the parameter name`,
    };
  }
  return { ok: true, value: { name: parts[0], value: parts[1] } };
}

/**
 * Parses `q` in Coder's key order, gathering every validation problem. The
 * caller turns `owner:me` into the caller's id (as coderd/workspaces.go does).
 */
export function parseWorkspaceQuery(
  query: string,
  lookups: SearchLookups,
): { filter: WorkspaceFilter; errors: ValidationError[] } {
  const filter = emptyWorkspaceFilter();
  if (query === '') return { filter, errors: [] };

  const { values, errors } = searchTerms(
    query.toLowerCase(),
    (term, target) => {
      // A bare term is a workspace name, maybe with its owner: `alice/web-app`.
      const parts = splitOutsideQuotes(term, '/', false);
      if (parts.length === 1) {
        addValue(target, 'name', parts[0]);
      } else if (parts.length === 2) {
        addValue(target, 'owner', parts[0]);
        addValue(target, 'name', parts[1]);
      } else {
        return `Query element ${goQuote(term)} can only contain 1 '/'`;
      }
      return undefined;
    },
  );
  if (errors.length > 0) return { filter, errors };

  const parser = new QueryParamParser(values);
  filter.ids = parser.uuids('id');
  filter.ownerUsername = parser.string('owner');
  filter.templateName = parser.string('template');
  filter.name = parser.string('name');
  filter.status =
    parser.custom<WorkspaceStatus>('status', text =>
      (WORKSPACE_STATUSES as readonly string[]).includes(text)
        ? { ok: true, value: text as WorkspaceStatus }
        : { ok: false, error: `${goQuote(text)} is not a valid value` },
    ) ?? '';
  filter.hasAgentStatuses = parser.strings('has-agent');
  filter.dormant = parser.boolean('dormant', false);
  filter.lastUsedAfter = parser.time3339Nano('last_used_after');
  filter.lastUsedBefore = parser.time3339Nano('last_used_before');
  // Coder inverts `outdated` into "using the active version", and only when given.
  const outdated = parser.boolean('outdated', true);
  if (parser.has('outdated')) filter.usingActive = !outdated;
  filter.hasAITask = parser.nullableBoolean('has-ai-task');
  filter.hasExternalAgent = parser.nullableBoolean('has_external_agent');
  filter.includeAgentMetadata = parser.strings('include_agent_metadata');
  filter.organizationId = parser.custom('organization', text =>
    parseOrganization(text, lookups),
  );
  filter.shared = parser.nullableBoolean('shared');
  filter.sharedWithUserId = parser.custom('shared_with_user', text =>
    parseUser(text, lookups),
  );
  filter.sharedWithGroupId = parser.custom('shared_with_group', text =>
    parseGroup(text, lookups),
  );
  const healthy = parser.nullableBoolean('healthy');
  if (healthy === true) filter.hasAgentStatuses.push('connected');
  if (healthy === false)
    filter.hasAgentStatuses.push('disconnected', 'timeout');

  for (const term of parser.list('param', parseParamTerm)) {
    if (term.value === undefined) filter.hasParam.push(term.name);
    else filter.paramPairs.push({ name: term.name, value: term.value });
  }

  parser.rejectUnknown();
  return { filter, errors: parser.errors };
}

function statusMatches(
  status: WorkspaceStatus,
  workspace: WorkspaceRecord,
  store: Store,
): boolean {
  const latest = store.latestBuild(workspace);
  const job = jobStatus(latest.job);
  switch (status) {
    case 'starting':
      return job === 'running' && latest.transition === 'start';
    case 'stopping':
      return job === 'running' && latest.transition === 'stop';
    case 'deleting':
      return job === 'running' && latest.transition === 'delete';
    case 'running':
      return job === 'succeeded' && latest.transition === 'start';
    case 'stopped':
      return job === 'succeeded' && latest.transition === 'stop';
    case 'deleted':
      return job === 'succeeded' && latest.transition === 'delete';
    default:
      return job === status;
  }
}

/** A filter compiled once per request, so 5000 workspaces stay fast. */
export function compileWorkspaceFilter(
  filter: WorkspaceFilter,
  store: Store,
  now: Micros,
): (workspace: WorkspaceRecord) => boolean {
  const nameRegExp = filter.name
    ? likePatternToRegExp(`%${filter.name}%`)
    : undefined;
  const ownerName = filter.ownerUsername.toLowerCase();
  const ownerIds = new Set<string>();
  if (ownerName) {
    for (const user of store.users.values()) {
      if (user.username.toLowerCase() === ownerName) ownerIds.add(user.id);
    }
  }
  const templateIds = new Set<string>();
  if (filter.templateName) {
    for (const template of store.templates.values()) {
      if (
        !template.deleted &&
        template.name.toLowerCase() === filter.templateName.toLowerCase()
      ) {
        templateIds.add(template.id);
      }
    }
  }
  const ids = new Set(filter.ids);
  const agentStatuses = new Set(filter.hasAgentStatuses);
  const hasParam = filter.hasParam.map(pattern => likePatternToRegExp(pattern));
  const pairs = filter.paramPairs.map(pair => ({
    name: pair.name.toLowerCase(),
    value: pair.value.toLowerCase(),
  }));

  return workspace => {
    if (workspace.deleted) return false;
    if (ids.size > 0 && !ids.has(workspace.id)) return false;
    if (filter.ownerId && workspace.ownerId !== filter.ownerId) return false;
    if (ownerName && !ownerIds.has(workspace.ownerId)) return false;
    if (filter.templateName && !templateIds.has(workspace.templateId))
      return false;
    if (nameRegExp && !nameRegExp.test(workspace.name)) return false;
    if (
      filter.organizationId &&
      workspace.organizationId !== filter.organizationId
    )
      return false;
    if (filter.status && !statusMatches(filter.status, workspace, store))
      return false;
    if (filter.dormant && workspace.dormantAt === undefined) return false;
    if (
      filter.lastUsedAfter !== undefined &&
      workspace.lastUsedAt < filter.lastUsedAfter
    )
      return false;
    if (
      filter.lastUsedBefore !== undefined &&
      workspace.lastUsedAt > filter.lastUsedBefore
    )
      return false;
    // The fake has no tasks, external agents or sharing.
    if (
      filter.hasAITask === true ||
      filter.hasExternalAgent === true ||
      filter.shared === true
    )
      return false;
    if (filter.sharedWithUserId || filter.sharedWithGroupId) return false;
    const latest = store.latestBuild(workspace);
    if (filter.usingActive !== undefined) {
      const template = store.templates.get(workspace.templateId);
      if (
        (latest.templateVersionId === template?.activeVersionId) !==
        filter.usingActive
      )
        return false;
    }
    if (agentStatuses.size > 0) {
      if (latest.transition !== 'start') return false;
      if (
        !buildAgents(latest).some(agent =>
          agentStatuses.has(agentStatus(agent, now)),
        )
      )
        return false;
    }
    if (hasParam.length > 0) {
      if (
        !latest.parameters.some(parameter =>
          hasParam.some(pattern => pattern.test(parameter.name)),
        )
      )
        return false;
    }
    // One EXISTS over all the pairs: any pair present is enough.
    if (
      pairs.length > 0 &&
      !latest.parameters.some(parameter =>
        pairs.some(
          pair =>
            parameter.name.toLowerCase() === pair.name &&
            parameter.value.toLowerCase() === pair.value,
        ),
      )
    )
      return false;
    return true;
  };
}

/** Byte-wise, like Postgres with the C collation Coder's tests use. */
export function compareText(left: string, right: string): number {
  if (left === right) return 0;
  return left < right ? -1 : 1;
}

/**
 * Coder's order: the requester's favourites, then workspaces whose latest build
 * is a successful start, then owner username and name, case-insensitively.
 */
export function sortWorkspaces(
  workspaces: WorkspaceRecord[],
  store: Store,
  requesterId: string,
): WorkspaceRecord[] {
  const keyed = workspaces.map(workspace => {
    const latest = store.latestBuild(workspace);
    return {
      workspace,
      favorite: workspace.favorite && workspace.ownerId === requesterId ? 0 : 1,
      running:
        latest.transition === 'start' && jobStatus(latest.job) === 'succeeded'
          ? 0
          : 1,
      owner: (store.users.get(workspace.ownerId)?.username ?? '').toLowerCase(),
      name: workspace.name.toLowerCase(),
    };
  });
  keyed.sort(
    (left, right) =>
      left.favorite - right.favorite ||
      left.running - right.running ||
      compareText(left.owner, right.owner) ||
      compareText(left.name, right.name),
  );
  return keyed.map(entry => entry.workspace);
}
