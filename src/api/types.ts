import type { InferOutput } from 'valibot';
import type {
  CoderWorkspaceTransition,
  regionsSchema,
  templateSchema,
  templateVersionParameterSchema,
  buildInfoSchema,
  userSchema,
  workspaceAgentSchema,
  workspaceAppSchema,
  workspaceBuildSchema,
  workspaceSchema,
  workspacesResponseSchema,
} from './schemas';

/** Coder deployment build information (`GET /api/v2/buildinfo`). @public */
export type CoderBuildInfo = InferOutput<typeof buildInfoSchema>;
/** A Coder user, as far as the plugin reads it. @public */
export type CoderUser = InferOutput<typeof userSchema>;
/** A workspace app exposed by an agent. @public */
export type CoderWorkspaceApp = InferOutput<typeof workspaceAppSchema>;
/** A workspace agent. @public */
export type CoderWorkspaceAgent = InferOutput<typeof workspaceAgentSchema>;
/** A workspace build (the latest one carries the workspace's status). @public */
export type CoderWorkspaceBuild = InferOutput<typeof workspaceBuildSchema>;
/** A Coder workspace, as far as the plugin reads it. @public */
export type CoderWorkspace = InferOutput<typeof workspaceSchema>;
/**
 * One page of `GET /api/v2/workspaces`. `count` is the total number of matches, less
 * `skipped`: the workspaces on this page left out because the plugin could not read
 * them (a field missing or of the wrong type), so one odd workspace never hides the rest.
 *
 * @public
 */
export type CoderWorkspacesResponse = InferOutput<
  typeof workspacesResponseSchema
>;
export type {
  CoderAgentStatus,
  CoderWorkspaceStatus,
  CoderWorkspaceTransition,
} from './schemas';

/** Query for `GET /api/v2/workspaces`. @public */
export interface CoderWorkspacesRequest {
  /** Coder's workspace search query, e.g. `owner:me template:docker`. */
  q?: string;
  /** Page size; Coder treats 0 or absent as "no limit". */
  limit?: number;
  offset?: number;
}

/** A workspace template. @public */
export type CoderTemplate = InferOutput<typeof templateSchema>;
/** A rich parameter of a template version. @public */
export type CoderTemplateParameter = InferOutput<
  typeof templateVersionParameterSchema
>;
/** A parameter value of a build. @public */
export interface CoderParameterValue {
  name: string;
  value: string;
}
/** A workspace-proxy region; the primary one carries the app host names. @public */
export type CoderRegion = InferOutput<typeof regionsSchema>['regions'][number];

/** Body of `POST /api/v2/workspaces/{id}/builds`. @public */
export interface CoderWorkspaceBuildRequest {
  transition: CoderWorkspaceTransition;
  /** Another template version (an update); default: the current one. */
  template_version_id?: string;
  rich_parameter_values?: CoderParameterValue[];
  /** Why the build runs; Coder's dashboard sends `dashboard`. */
  reason?: 'dashboard';
  /** After a successful stop, start again: a restart in one request. */
  on_success?: { transition: 'start'; template_version_id?: string };
}

/** Body of `POST /api/v2/users/{user}/workspaces`. @public */
export interface CoderCreateWorkspaceRequest {
  name: string;
  template_id?: string;
  template_version_id?: string;
  rich_parameter_values?: CoderParameterValue[];
}

/**
 * Body of `POST /api/v2/users/{user}/keys/tokens` (codersdk.CreateTokenRequest). No
 * scope: Coder gives the token the user's full access (`coder:all`), as VS Code needs.
 *
 * @public
 */
export interface CoderCreateTokenRequest {
  /** Unique among the user's tokens (Coder answers 409 otherwise); shown in Coder's token list. */
  token_name: string;
  /**
   * How long the token lives, in nanoseconds (a Go `time.Duration`). Coder refuses 0 or
   * less and anything over the deployment's maximum (CODER_MAX_TOKEN_LIFETIME, or
   * CODER_MAX_ADMIN_TOKEN_LIFETIME for owners: 7 days by default).
   */
  lifetime: number;
}
