import * as v from 'valibot';

/*
 * Valibot schemas for the parts of Coder's responses the plugin reads. `v.object` drops
 * every key not listed, so a Coder that adds fields costs nothing and a field we do not
 * read cannot break parsing. Shapes follow shared/coder-api/CONTRACT.md §3–§4.
 */

/**
 * A workspace's status, derived by Coder from its latest build. `unknown` stands for a
 * status this version of the plugin does not know (one a newer Coder added).
 *
 * @public
 */
export type CoderWorkspaceStatus =
  | 'unknown'
  | 'pending'
  | 'starting'
  | 'running'
  | 'stopping'
  | 'stopped'
  | 'failed'
  | 'canceling'
  | 'canceled'
  | 'deleting'
  | 'deleted';

/** What a build does to its workspace. @public */
export type CoderWorkspaceTransition = 'start' | 'stop' | 'delete';

/**
 * Whether an agent is connected to Coder. `unknown` stands for a status this version of
 * the plugin does not know.
 *
 * @public
 */
export type CoderAgentStatus =
  'unknown' | 'connecting' | 'connected' | 'disconnected' | 'timeout';

// Typed as the named unions so declarations (and report.api.md) print the alias, not a
// union whose member order can vary between compilations.
const workspaceStatuses: readonly Exclude<CoderWorkspaceStatus, 'unknown'>[] = [
  'pending',
  'starting',
  'running',
  'stopping',
  'stopped',
  'failed',
  'canceling',
  'canceled',
  'deleting',
  'deleted',
];

const agentStatuses: readonly Exclude<CoderAgentStatus, 'unknown'>[] = [
  'connecting',
  'connected',
  'disconnected',
  'timeout',
];

const transitions: readonly CoderWorkspaceTransition[] = [
  'start',
  'stop',
  'delete',
];

/*
 * Statuses from Coder's enums: any text parses, one this version does not know as
 * `unknown`, so a Coder that adds a status costs one row its label, not the whole list.
 * Not text at all is still an error. Return types are spelled out so declarations (and
 * report.api.md) print the alias.
 */
const knownWorkspaceStatuses: ReadonlySet<string> = new Set(workspaceStatuses);
const workspaceStatusSchema = v.pipe(
  v.string(),
  v.transform((status): CoderWorkspaceStatus =>
    knownWorkspaceStatuses.has(status)
      ? (status as CoderWorkspaceStatus)
      : 'unknown',
  ),
);
const knownAgentStatuses: ReadonlySet<string> = new Set(agentStatuses);
const agentStatusSchema = v.pipe(
  v.string(),
  v.transform((status): CoderAgentStatus =>
    knownAgentStatuses.has(status) ? (status as CoderAgentStatus) : 'unknown',
  ),
);

/** Optional on the wire (omitted when empty, see CONTRACT §11). */
const optionalString = v.optional(v.string());

export const buildInfoSchema = v.object({
  version: v.string(),
  external_url: v.string(),
  dashboard_url: v.optional(v.string()),
  deployment_id: v.optional(v.string()),
});

export const userSchema = v.object({
  id: v.string(),
  username: v.string(),
  name: optionalString,
  email: v.string(),
  avatar_url: optionalString,
  status: v.string(),
  /** Site-wide roles (organization roles are not listed here). */
  roles: v.optional(v.array(v.object({ name: v.string() })), []),
});

export const workspaceAppSchema = v.object({
  id: v.string(),
  slug: v.string(),
  display_name: optionalString,
  url: optionalString,
  command: optionalString,
  icon: optionalString,
  external: v.boolean(),
  subdomain: v.boolean(),
  subdomain_name: optionalString,
  hidden: v.boolean(),
  health: v.string(),
  open_in: v.optional(v.string()),
});

export const workspaceAgentSchema = v.object({
  id: v.string(),
  name: v.string(),
  status: agentStatusSchema,
  lifecycle_state: v.string(),
  display_apps: v.optional(v.array(v.string()), []),
  apps: v.optional(v.array(workspaceAppSchema), []),
  directory: optionalString,
  expanded_directory: optionalString,
});

export const workspaceResourceSchema = v.object({
  id: v.string(),
  name: v.string(),
  type: v.string(),
  agents: v.optional(v.array(workspaceAgentSchema), []),
});

export const workspaceBuildSchema = v.object({
  id: v.string(),
  build_number: v.number(),
  status: workspaceStatusSchema,
  transition: v.picklist(transitions),
  template_version_id: v.string(),
  created_at: v.string(),
  deadline: v.nullish(v.string()),
  resources: v.optional(v.array(workspaceResourceSchema), []),
  job: v.object({
    id: v.string(),
    status: v.string(),
    error: optionalString,
  }),
});

export const workspaceSchema = v.object({
  id: v.string(),
  name: v.string(),
  owner_id: v.string(),
  owner_name: v.string(),
  organization_id: v.string(),
  template_id: v.string(),
  template_name: v.string(),
  template_display_name: v.string(),
  template_icon: v.string(),
  template_active_version_id: v.string(),
  template_allow_user_cancel_workspace_jobs: v.boolean(),
  latest_build: workspaceBuildSchema,
  outdated: v.boolean(),
  /** The requester marked it a favourite; Coder lists favourites first. */
  favorite: v.optional(v.boolean(), false),
  dormant_at: v.nullish(v.string()),
  deleting_at: v.nullish(v.string()),
  last_used_at: v.string(),
  created_at: v.string(),
  health: v.object({
    healthy: v.boolean(),
    failing_agents: v.optional(v.array(v.string()), []),
  }),
});

/*
 * One page of workspaces. A workspace Coder describes in a way the plugin cannot read (a
 * field missing or of the wrong type) is left out and counted in `skipped`, so one odd
 * workspace never hides the others, while each shown workspace passed every check. When
 * no workspace on the page can be read, the answer as a whole is not what the plugin
 * expects (another API version, a proxy's page), and parsing fails naming the first
 * problem, as it would for any other response.
 */
export const workspacesResponseSchema = v.pipe(
  v.object({
    workspaces: v.array(v.unknown()),
    count: v.number(),
  }),
  v.rawTransform(({ dataset, addIssue, NEVER }) => {
    const { workspaces: items, count } = dataset.value;
    const workspaces: v.InferOutput<typeof workspaceSchema>[] = [];
    let firstProblem:
      { index: number; issue: v.BaseIssue<unknown> } | undefined;
    items.forEach((item, index) => {
      const result = v.safeParse(workspaceSchema, item);
      if (result.success) workspaces.push(result.output);
      else firstProblem ??= { index, issue: result.issues[0] };
    });
    if (firstProblem && workspaces.length === 0) {
      const { index, issue } = firstProblem;
      addIssue({
        message: issue.message,
        path: [
          {
            type: 'object',
            origin: 'value',
            input: dataset.value,
            key: 'workspaces',
            value: items,
          },
          {
            type: 'array',
            origin: 'value',
            input: items,
            key: index,
            value: items[index],
          },
          ...(issue.path ?? []),
        ],
      });
      return NEVER;
    }
    const skipped = items.length - workspaces.length;
    return {
      workspaces,
      /** Coder's total of matches, less those left out of this page. */
      count: Math.max(workspaces.length, count - skipped),
      /** Workspaces on this page left out because they could not be read. */
      skipped,
    };
  }),
);

/** Coder's error body, `codersdk.Response` (CONTRACT §10). */
export const coderErrorBodySchema = v.object({
  message: v.string(),
  detail: optionalString,
  validations: v.optional(
    v.array(v.object({ field: v.string(), detail: v.string() })),
  ),
});

export const templateSchema = v.object({
  id: v.string(),
  name: v.string(),
  display_name: v.string(),
  description: v.string(),
  icon: v.string(),
  organization_id: v.string(),
  organization_name: v.string(),
  active_version_id: v.string(),
  deprecated: v.boolean(),
  allow_user_cancel_workspace_jobs: v.boolean(),
});

export const templatesSchema = v.array(templateSchema);

const parameterOptionSchema = v.object({
  name: v.string(),
  description: v.string(),
  value: v.string(),
  icon: v.string(),
});

export const templateVersionParameterSchema = v.object({
  name: v.string(),
  display_name: optionalString,
  description: v.string(),
  type: v.string(),
  form_type: v.optional(v.string(), ''),
  mutable: v.boolean(),
  default_value: v.string(),
  icon: v.string(),
  options: v.optional(v.array(parameterOptionSchema), []),
  required: v.boolean(),
  ephemeral: v.boolean(),
  validation_error: optionalString,
  validation_regex: optionalString,
  validation_min: v.nullish(v.number()),
  validation_max: v.nullish(v.number()),
  validation_monotonic: optionalString,
});

export const templateVersionParametersSchema = v.array(
  templateVersionParameterSchema,
);

export const buildParametersSchema = v.array(
  v.object({ name: v.string(), value: v.string() }),
);

export const regionsSchema = v.object({
  regions: v.array(
    v.object({
      id: v.string(),
      name: v.string(),
      healthy: v.boolean(),
      path_app_url: v.string(),
      wildcard_hostname: v.string(),
    }),
  ),
});

export const apiKeySchema = v.object({ key: v.string() });
