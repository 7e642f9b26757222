import { createApiRef } from '@backstage/core-plugin-api';
import type {
  CoderBuildInfo,
  CoderCreateTokenRequest,
  CoderCreateWorkspaceRequest,
  CoderParameterValue,
  CoderRegion,
  CoderTemplate,
  CoderTemplateParameter,
  CoderUser,
  CoderWorkspace,
  CoderWorkspaceBuild,
  CoderWorkspaceBuildRequest,
  CoderWorkspacesRequest,
  CoderWorkspacesResponse,
} from './types';

/** Options every request method accepts. @public */
export interface CoderRequestOptions {
  /** Aborts the request (TanStack Query passes one per query). */
  signal?: AbortSignal;
  /**
   * Sends this token instead of the linked one; used to check a token before it is
   * stored. It still travels only in the `Coder-Session-Token` header.
   */
  sessionToken?: string;
}

/**
 * Typed access to the Coder REST API endpoints this plugin uses, sent through the
 * Backstage proxy as the linked Coder user.
 *
 * @public
 */
export interface CoderApi {
  /** `GET /api/v2/buildinfo`; needs no token. */
  getBuildInfo(options?: CoderRequestOptions): Promise<CoderBuildInfo>;
  /** `GET /api/v2/users/{user}`; `me` is the linked user. */
  getUser(user: string, options?: CoderRequestOptions): Promise<CoderUser>;
  /** `GET /api/v2/workspaces` with Coder's search query. */
  getWorkspaces(
    request: CoderWorkspacesRequest,
    options?: CoderRequestOptions,
  ): Promise<CoderWorkspacesResponse>;
  /** `GET /api/v2/workspaces/{id}`. */
  getWorkspace(
    workspaceId: string,
    options?: CoderRequestOptions,
  ): Promise<CoderWorkspace>;
  /** `GET /api/v2/workspacebuilds/{id}/parameters`: the values a build ran with. */
  getWorkspaceBuildParameters(
    buildId: string,
    options?: CoderRequestOptions,
  ): Promise<CoderParameterValue[]>;
  /** `POST /api/v2/workspaces/{id}/builds`: start, stop, delete, update or restart. */
  createWorkspaceBuild(
    workspaceId: string,
    request: CoderWorkspaceBuildRequest,
  ): Promise<CoderWorkspaceBuild>;
  /** `PATCH /api/v2/workspacebuilds/{id}/cancel`. */
  cancelWorkspaceBuild(buildId: string): Promise<void>;
  /** `GET /api/v2/templates` with Coder's template query (deprecated ones excluded). */
  getTemplates(
    q?: string,
    options?: CoderRequestOptions,
  ): Promise<CoderTemplate[]>;
  /** `GET /api/v2/templateversions/{id}/rich-parameters`. */
  getTemplateVersionParameters(
    templateVersionId: string,
    options?: CoderRequestOptions,
  ): Promise<CoderTemplateParameter[]>;
  /** `POST /api/v2/users/{user}/workspaces`. */
  createWorkspace(
    user: string,
    request: CoderCreateWorkspaceRequest,
  ): Promise<CoderWorkspace>;
  /**
   * `POST /api/v2/users/{user}/keys`: a new session-length API key with no name. Prefer
   * {@link CoderApi.createToken}, which is named and short-lived.
   */
  createApiKey(user: string): Promise<string>;
  /**
   * `POST /api/v2/users/{user}/keys/tokens`: a named API key with its own lifetime, e.g.
   * for the VS Code link. Resolves to the key, `<10-character id>-<secret>`.
   */
  createToken(user: string, request: CoderCreateTokenRequest): Promise<string>;
  /**
   * `DELETE /api/v2/users/{user}/keys/{keyId}`: revokes an API key; `keyId` is the part
   * of the key before the `-`.
   */
  deleteApiKey(
    user: string,
    keyId: string,
    options?: CoderRequestOptions,
  ): Promise<void>;
  /** `GET /api/v2/regions`: where path and subdomain apps are served. */
  getRegions(options?: CoderRequestOptions): Promise<CoderRegion[]>;
}

/** The API ref for {@link CoderApi}. @public */
export const coderApiRef = createApiRef<CoderApi>({
  id: 'plugin.coder.api',
});
