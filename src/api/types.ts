import type { InferOutput } from 'valibot';
import type {
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
/** One page of `GET /api/v2/workspaces`; `count` is the total number of matches. @public */
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
