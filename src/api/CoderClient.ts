import type { DiscoveryApi, FetchApi } from '@backstage/core-plugin-api';
import * as v from 'valibot';
import type { CoderApi, CoderRequestOptions } from './CoderApi';
import { CoderParseError, toCoderResponseError } from './errors';
import {
  apiKeySchema,
  buildInfoSchema,
  buildParametersSchema,
  regionsSchema,
  templatesSchema,
  templateVersionParametersSchema,
  userSchema,
  workspaceBuildSchema,
  workspaceSchema,
  workspacesResponseSchema,
} from './schemas';
import type {
  CoderCreateTokenRequest,
  CoderCreateWorkspaceRequest,
  CoderWorkspaceBuildRequest,
  CoderWorkspacesRequest,
} from './types';

/** The proxy endpoint the README tells platform engineers to configure. */
export const CODER_DEFAULT_PROXY_PATH = '/coder';

/** Options for {@link CoderClient}. @public */
export interface CoderClientOptions {
  discoveryApi: DiscoveryApi;
  fetchApi: FetchApi;
  /** Returns the linked user's Coder session token, if any. */
  getSessionToken: () => string | undefined;
  /** Path of the Coder endpoint in the Backstage proxy; defaults to `/coder`. */
  proxyPath?: string;
}

/**
 * {@link CoderApi} over Backstage's proxy: URLs come from `discoveryApi`, requests go
 * through `fetchApi` (which adds the Backstage identity the proxy requires), and the
 * Coder token travels only in the `Coder-Session-Token` header.
 *
 * @public
 */
export class CoderClient implements CoderApi {
  private readonly discoveryApi: DiscoveryApi;
  private readonly fetchApi: FetchApi;
  private readonly getSessionToken: () => string | undefined;
  private readonly proxyPath: string;

  constructor(options: CoderClientOptions) {
    this.discoveryApi = options.discoveryApi;
    this.fetchApi = options.fetchApi;
    this.getSessionToken = options.getSessionToken;
    this.proxyPath = normaliseProxyPath(
      options.proxyPath ?? CODER_DEFAULT_PROXY_PATH,
    );
  }

  async getBuildInfo(options?: CoderRequestOptions) {
    return this.get('/api/v2/buildinfo', buildInfoSchema, options);
  }

  async getUser(user: string, options?: CoderRequestOptions) {
    return this.get(
      `/api/v2/users/${encodeURIComponent(user)}`,
      userSchema,
      options,
    );
  }

  async getWorkspaces(
    request: CoderWorkspacesRequest,
    options?: CoderRequestOptions,
  ) {
    const query = new URLSearchParams();
    if (request.q) query.set('q', request.q);
    if (request.limit !== undefined) query.set('limit', String(request.limit));
    if (request.offset !== undefined) {
      query.set('offset', String(request.offset));
    }
    const search = query.toString();
    return this.get(
      `/api/v2/workspaces${search ? `?${search}` : ''}`,
      workspacesResponseSchema,
      options,
    );
  }

  async getWorkspace(workspaceId: string, options?: CoderRequestOptions) {
    return this.get(
      `/api/v2/workspaces/${uuidSegment(workspaceId)}`,
      workspaceSchema,
      options,
    );
  }

  async getWorkspaceBuildParameters(
    buildId: string,
    options?: CoderRequestOptions,
  ) {
    return this.get(
      `/api/v2/workspacebuilds/${uuidSegment(buildId)}/parameters`,
      buildParametersSchema,
      options,
    );
  }

  async createWorkspaceBuild(
    workspaceId: string,
    request: CoderWorkspaceBuildRequest,
  ) {
    const path = `/api/v2/workspaces/${uuidSegment(workspaceId)}/builds`;
    const response = await this.send('POST', path, request);
    return parseBody(path, workspaceBuildSchema, response);
  }

  async cancelWorkspaceBuild(buildId: string) {
    await this.send(
      'PATCH',
      `/api/v2/workspacebuilds/${uuidSegment(buildId)}/cancel`,
      undefined,
    );
  }

  async getTemplates(q?: string, options?: CoderRequestOptions) {
    const search = q ? `?${new URLSearchParams({ q })}` : '';
    return this.get(`/api/v2/templates${search}`, templatesSchema, options);
  }

  async getTemplateVersionParameters(
    templateVersionId: string,
    options?: CoderRequestOptions,
  ) {
    return this.get(
      `/api/v2/templateversions/${uuidSegment(templateVersionId)}/rich-parameters`,
      templateVersionParametersSchema,
      options,
    );
  }

  async createWorkspace(user: string, request: CoderCreateWorkspaceRequest) {
    const path = `/api/v2/users/${encodeURIComponent(user)}/workspaces`;
    const response = await this.send('POST', path, request);
    return parseBody(path, workspaceSchema, response);
  }

  async createApiKey(user: string) {
    const path = `/api/v2/users/${encodeURIComponent(user)}/keys`;
    const response = await this.send('POST', path, undefined);
    return (await parseBody(path, apiKeySchema, response)).key;
  }

  async createToken(user: string, request: CoderCreateTokenRequest) {
    const path = `/api/v2/users/${encodeURIComponent(user)}/keys/tokens`;
    const response = await this.send('POST', path, request);
    return (await parseBody(path, apiKeySchema, response)).key;
  }

  async deleteApiKey(
    user: string,
    keyId: string,
    options?: CoderRequestOptions,
  ) {
    await this.send(
      'DELETE',
      `/api/v2/users/${encodeURIComponent(user)}/keys/${encodeURIComponent(keyId)}`,
      undefined,
      options,
    );
  }

  async getRegions(options?: CoderRequestOptions) {
    return (await this.get('/api/v2/regions', regionsSchema, options)).regions;
  }

  private async get<TSchema extends v.GenericSchema>(
    path: string,
    schema: TSchema,
    options?: CoderRequestOptions,
  ): Promise<v.InferOutput<TSchema>> {
    const response = await this.send('GET', path, undefined, options);
    return parseBody(path, schema, response);
  }

  private async send(
    method: string,
    path: string,
    body: unknown,
    options?: CoderRequestOptions,
  ): Promise<Response> {
    const baseUrl = await this.discoveryApi.getBaseUrl('proxy');
    const headers = new Headers({ Accept: 'application/json' });
    const token = options?.sessionToken ?? this.getSessionToken();
    if (token) headers.set('Coder-Session-Token', token);
    if (body !== undefined) headers.set('Content-Type', 'application/json');

    const response = await this.fetchApi.fetch(
      `${baseUrl}${this.proxyPath}${path}`,
      {
        method,
        headers,
        body: body === undefined ? undefined : JSON.stringify(body),
        signal: options?.signal,
      },
    );
    if (!response.ok) {
      throw await toCoderResponseError(response);
    }
    return response;
  }
}

async function parseBody<TSchema extends v.GenericSchema>(
  path: string,
  schema: TSchema,
  response: Response,
): Promise<v.InferOutput<TSchema>> {
  const endpoint = path.split('?')[0];
  let json: unknown;
  try {
    json = await response.json();
  } catch {
    throw new CoderParseError(endpoint, 'the body is not valid JSON');
  }
  const result = v.safeParse(schema, json);
  if (!result.success) {
    const issue = result.issues[0];
    const where = v.getDotPath(issue) ?? 'the body';
    throw new CoderParseError(endpoint, `${where}: ${issue.message}`);
  }
  return result.output;
}

/** Coder takes only UUIDs here; refuse anything else before it reaches a URL. */
function uuidSegment(id: string): string {
  if (
    !/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(id)
  ) {
    throw new TypeError(
      `Not a Coder id (UUID): ${JSON.stringify(id.slice(0, 60))}`,
    );
  }
  return id;
}

function normaliseProxyPath(path: string): string {
  const trimmed = path.replace(/\/+$/, '');
  return trimmed.startsWith('/') ? trimmed : `/${trimmed}`;
}
