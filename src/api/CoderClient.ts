import type { DiscoveryApi, FetchApi } from '@backstage/core-plugin-api';
import * as v from 'valibot';
import type { CoderApi, CoderRequestOptions } from './CoderApi';
import { CoderParseError, toCoderResponseError } from './errors';
import {
  buildInfoSchema,
  userSchema,
  workspacesResponseSchema,
} from './schemas';
import type { CoderWorkspacesRequest } from './types';

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

function normaliseProxyPath(path: string): string {
  const trimmed = path.replace(/\/+$/, '');
  return trimmed.startsWith('/') ? trimmed : `/${trimmed}`;
}
