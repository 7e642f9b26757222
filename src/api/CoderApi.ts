import { createApiRef } from '@backstage/core-plugin-api';
import type {
  CoderBuildInfo,
  CoderUser,
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
}

/** The API ref for {@link CoderApi}. @public */
export const coderApiRef = createApiRef<CoderApi>({
  id: 'plugin.coder.api',
});
