import { AuthenticationError } from '@backstage/errors';
import {
  CoderResponseError,
  describeCoderErrorBody,
  parseCoderErrorBody,
} from './CoderResponseError';
import {
  CoderTemplate,
  CoderTemplateParameter,
  CoderUser,
  CoderWireError,
  CoderWorkspace,
  parseTemplateParameters,
  parseTemplates,
  parseUser,
  parseWorkspace,
} from './wire';

/** A request that never got an HTTP answer: DNS, refused connection, TLS, reset. */
export class CoderUnreachableError extends Error {
  constructor(apiUrl: string, error: unknown) {
    super(`Could not reach Coder at ${apiUrl}: ${networkCause(error)}`);
    this.name = 'CoderUnreachableError';
  }
}

/** Options for {@link CoderBackendClient}. */
export interface CoderBackendClientOptions {
  /** Where the backend reaches Coder's API, without a trailing slash. */
  apiUrl: string;
  /** The template user's Coder session token. */
  token: string;
  signal?: AbortSignal;
}

/** `codersdk.CreateWorkspaceRequest`, the fields this module sends. */
export interface CoderCreateWorkspaceRequest {
  template_id: string;
  name: string;
  rich_parameter_values: Array<{ name: string; value: string }>;
}

interface RequestOptions {
  /** What the request does, for error messages: "Coder refused to <what>". */
  what: string;
  body?: unknown;
}

/**
 * The Coder endpoints the action calls, with the user's token in the
 * `Coder-Session-Token` header (as the frontend's CoderClient sends it), never in a URL.
 * Nothing here retries: a create must not be sent twice, and the waiting loop decides
 * itself which reads to repeat.
 */
export class CoderBackendClient {
  private readonly apiUrl: string;
  private readonly token: string;
  private readonly signal?: AbortSignal;

  constructor(options: CoderBackendClientOptions) {
    this.apiUrl = options.apiUrl;
    this.token = options.token;
    this.signal = options.signal;
  }

  /** `GET /api/v2/users/me`: whose token this is. */
  async getMe(): Promise<CoderUser> {
    const path = '/api/v2/users/me';
    return parseUser(
      await this.send('GET', path, { what: 'read the signed-in user' }),
      path,
    );
  }

  /**
   * `GET /api/v2/templates?q=exact_name:<name>` (and `organization:<org>`). Coder leaves
   * deprecated templates out unless `deprecated:true` asks for only those
   * (coderd/templates.go:588-594); `exact_name` is case-insensitive.
   */
  async findTemplates(query: {
    name: string;
    organization?: string;
    deprecated?: boolean;
  }): Promise<CoderTemplate[]> {
    const terms = [`exact_name:${quoteTerm(query.name)}`];
    if (query.organization)
      terms.push(`organization:${quoteTerm(query.organization)}`);
    if (query.deprecated) terms.push('deprecated:true');
    const path = `/api/v2/templates?q=${encodeURIComponent(terms.join(' '))}`;
    return parseTemplates(
      await this.send('GET', path, { what: 'list templates' }),
      '/api/v2/templates',
    );
  }

  /** `GET /api/v2/templateversions/{id}/rich-parameters`. */
  async getTemplateParameters(
    templateVersionId: string,
  ): Promise<CoderTemplateParameter[]> {
    const path = `/api/v2/templateversions/${encodeURIComponent(templateVersionId)}/rich-parameters`;
    return parseTemplateParameters(
      await this.send('GET', path, {
        what: "read the template's parameters",
      }),
      path,
    );
  }

  /**
   * `POST /api/v2/users/me/workspaces`, the create call CONTRACT.md §3 prefers: the
   * organization comes from the template (coderd/workspaces.go:434-514).
   */
  async createWorkspace(
    request: CoderCreateWorkspaceRequest,
  ): Promise<CoderWorkspace> {
    const path = '/api/v2/users/me/workspaces';
    return parseWorkspace(
      await this.send('POST', path, {
        what: 'create the workspace',
        body: request,
      }),
      path,
    );
  }

  /** `GET /api/v2/workspaces/{id}`. */
  async getWorkspace(workspaceId: string): Promise<CoderWorkspace> {
    const path = `/api/v2/workspaces/${encodeURIComponent(workspaceId)}`;
    return parseWorkspace(
      await this.send('GET', path, { what: 'read the workspace' }),
      path,
    );
  }

  private async send(
    method: string,
    path: string,
    options: RequestOptions,
  ): Promise<unknown> {
    const headers: Record<string, string> = {
      Accept: 'application/json',
      'Coder-Session-Token': this.token,
    };
    if (options.body !== undefined)
      headers['Content-Type'] = 'application/json';
    let response: Response;
    try {
      response = await fetch(`${this.apiUrl}${path}`, {
        method,
        headers,
        body:
          options.body === undefined ? undefined : JSON.stringify(options.body),
        signal: this.signal,
      });
    } catch (error) {
      if (this.signal?.aborted) throw abortError(this.signal);
      throw new CoderUnreachableError(this.apiUrl, error);
    }
    const text = await response.text();
    if (!response.ok) {
      const coder = parseCoderErrorBody(response.status, text);
      if (response.status === 401) {
        throw new AuthenticationError(
          `Coder refused the Coder token (${describeCoderErrorBody(coder)}). Re-link Coder in Backstage (the Coder field of this template) and run the template again.`,
        );
      }
      throw new CoderResponseError(
        response.status,
        coder,
        `Coder refused to ${options.what}: ${describeCoderErrorBody(coder)}`,
      );
    }
    try {
      return JSON.parse(text);
    } catch {
      throw new CoderWireError(path.split('?')[0], 'the body is not JSON');
    }
  }
}

/**
 * Node's fetch says only "fetch failed"; the reason is in `cause`. Duck-typed, as
 * fetch's errors may come from another realm (jest runs tests in a vm context).
 */
function networkCause(error: unknown): string {
  const cause = (error as { cause?: unknown } | undefined)?.cause as
    { message?: unknown; code?: unknown; errors?: unknown } | undefined;
  if (cause && typeof cause.message === 'string') {
    // A refused dual-stack connect is an AggregateError with an empty message.
    const first = Array.isArray(cause.errors)
      ? String(cause.errors[0]?.message ?? '')
      : '';
    const message = cause.message || first;
    const code = typeof cause.code === 'string' ? cause.code : undefined;
    if (code && !message.includes(code))
      return message ? `${code}: ${message}` : code;
    return message || 'unknown network error';
  }
  return String((error as { message?: unknown })?.message ?? error);
}

/** The error to stop with when the task is cancelled. */
export function abortError(signal: AbortSignal): Error {
  const error = new Error(
    signal.reason instanceof Error
      ? `Cancelled: ${signal.reason.message}`
      : 'Cancelled',
  );
  error.name = 'AbortError';
  return error;
}

/** Coder's search splits on spaces outside double quotes (coderd/searchquery). */
function quoteTerm(value: string): string {
  return /[\s:"]/.test(value) ? `"${value.replace(/"/g, '')}"` : value;
}
