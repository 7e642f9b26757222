/**
 * The few fields of Coder's JSON this module reads (codersdk structs; CONTRACT.md §3),
 * checked once where they arrive so nothing further in sees `unknown`.
 */

/** `codersdk.User`, the fields used. */
export interface CoderUser {
  id: string;
  username: string;
}

/** `codersdk.Template`, the fields used. */
export interface CoderTemplate {
  id: string;
  name: string;
  organization_name: string;
  active_version_id: string;
  deprecated: boolean;
  deprecation_message: string;
}

/** `codersdk.TemplateVersionParameter`, the fields used. */
export interface CoderTemplateParameter {
  name: string;
  required: boolean;
  default_value: string;
}

/** `codersdk.Workspace` with its latest build, the fields used. */
export interface CoderWorkspace {
  id: string;
  name: string;
  owner_name: string;
  template_name: string;
  latest_build: {
    status: string;
    job: { error?: string };
  };
}

/** Thrown when Coder answers 2xx with a body that is not what its API documents. */
export class CoderWireError extends Error {
  constructor(endpoint: string, problem: string) {
    super(`Unexpected answer from Coder for ${endpoint}: ${problem}`);
    this.name = 'CoderWireError';
  }
}

type Json = Record<string, unknown>;

function object(value: unknown, endpoint: string, where: string): Json {
  if (typeof value !== 'object' || value === null || Array.isArray(value))
    throw new CoderWireError(endpoint, `${where} is not an object`);
  return value as Json;
}

function list(value: unknown, endpoint: string): unknown[] {
  if (!Array.isArray(value))
    throw new CoderWireError(endpoint, 'the body is not a list');
  return value;
}

function string(record: Json, key: string, endpoint: string): string {
  const value = record[key];
  if (typeof value !== 'string')
    throw new CoderWireError(endpoint, `"${key}" is not a string`);
  return value;
}

/** Parses `GET /api/v2/users/me`. */
export function parseUser(body: unknown, endpoint: string): CoderUser {
  const user = object(body, endpoint, 'the body');
  return {
    id: string(user, 'id', endpoint),
    username: string(user, 'username', endpoint),
  };
}

/** Parses `GET /api/v2/templates`. */
export function parseTemplates(
  body: unknown,
  endpoint: string,
): CoderTemplate[] {
  return list(body, endpoint).map((entry, index) => {
    const template = object(entry, endpoint, `template ${index}`);
    return {
      id: string(template, 'id', endpoint),
      name: string(template, 'name', endpoint),
      organization_name: string(template, 'organization_name', endpoint),
      active_version_id: string(template, 'active_version_id', endpoint),
      deprecated: template.deprecated === true,
      deprecation_message:
        typeof template.deprecation_message === 'string'
          ? template.deprecation_message
          : '',
    };
  });
}

/** Parses `GET /api/v2/templateversions/{id}/rich-parameters`. */
export function parseTemplateParameters(
  body: unknown,
  endpoint: string,
): CoderTemplateParameter[] {
  return list(body, endpoint).map((entry, index) => {
    const parameter = object(entry, endpoint, `parameter ${index}`);
    return {
      name: string(parameter, 'name', endpoint),
      required: parameter.required === true,
      default_value:
        typeof parameter.default_value === 'string'
          ? parameter.default_value
          : '',
    };
  });
}

/** Parses a `codersdk.Workspace` (create's 201 and `GET /api/v2/workspaces/{id}`). */
export function parseWorkspace(
  body: unknown,
  endpoint: string,
): CoderWorkspace {
  const workspace = object(body, endpoint, 'the body');
  const build = object(workspace.latest_build, endpoint, '"latest_build"');
  const job =
    typeof build.job === 'object' && build.job !== null
      ? (build.job as Json)
      : {};
  return {
    id: string(workspace, 'id', endpoint),
    name: string(workspace, 'name', endpoint),
    owner_name: string(workspace, 'owner_name', endpoint),
    template_name: string(workspace, 'template_name', endpoint),
    latest_build: {
      status: string(build, 'status', endpoint),
      // Omitted when empty (CONTRACT.md §11).
      job: typeof job.error === 'string' ? { error: job.error } : {},
    },
  };
}
