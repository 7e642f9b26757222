import { toContractResult, type ContractResult } from './contractResult';
import { describeFailedLookup, findOperation } from './contractOperations';
import type { SwaggerParameter, SwaggerSchema } from './swaggerDocument';
import { describeSchema, validateAgainstSchema } from './validateAgainstSchema';

/** One request the plugin's client sends. */
export interface RequestToValidate {
  method: string;
  /** Absolute URL or path, with its query string. */
  url: string;
  /**
   * The request body: a JSON string or value for JSON operations; a string,
   * `URLSearchParams` or record for form operations (`/oauth2/tokens`).
   */
  body?: unknown;
  /**
   * Prefix in front of Coder's own path, e.g. `/api/proxy/coder` when the
   * client goes through the Backstage proxy. The path must start with it.
   */
  proxyPrefix?: string;
}

/** The JSON Schema a query, path or form parameter's value must match. */
function parameterSchema(parameter: SwaggerParameter): SwaggerSchema {
  const { type, format, enum: allowed } = parameter;
  return {
    ...(type ? { type } : {}),
    ...(format ? { format } : {}),
    ...(allowed ? { enum: allowed } : {}),
  };
}

/**
 * Query and form values arrive as strings; read them the way Go's strconv
 * would before checking the declared type, so `limit=abc` fails and
 * `limit=25` passes.
 */
function readParameterValue(type: string | undefined, raw: string): unknown {
  if (type === 'integer' && /^-?\d+$/.test(raw)) {
    return Number(raw);
  }
  if (type === 'number' && raw.trim() !== '' && Number.isFinite(Number(raw))) {
    return Number(raw);
  }
  if (type === 'boolean' && (raw === 'true' || raw === 'false')) {
    return raw === 'true';
  }
  return raw;
}

function validateParameterValue(
  parameter: SwaggerParameter,
  raw: string,
  label: string,
): string[] {
  if (parameter.type === 'array') {
    const items = parameter.items ?? {};
    return validateAgainstSchema(
      'request',
      items,
      readParameterValue(
        typeof items.type === 'string' ? items.type : undefined,
        raw,
      ),
      label,
    );
  }
  return validateAgainstSchema(
    'request',
    parameterSchema(parameter),
    readParameterValue(parameter.type, raw),
    label,
  );
}

function validateNamedValues(
  location: 'query' | 'formData',
  declared: SwaggerParameter[],
  values: URLSearchParams,
  operationLabel: string,
): string[] {
  const errors: string[] = [];
  const noun = location === 'query' ? 'query parameter' : 'form field';
  const names = declared.map(parameter => parameter.name);
  for (const name of new Set(values.keys())) {
    const parameter = declared.find(candidate => candidate.name === name);
    if (!parameter) {
      errors.push(
        `${noun} "${name}" is not declared for ${operationLabel} (declared: ${
          names.join(', ') || 'none'
        })`,
      );
      continue;
    }
    for (const raw of values.getAll(name)) {
      errors.push(...validateParameterValue(parameter, raw, `${noun} ${name}`));
    }
  }
  for (const parameter of declared) {
    if (parameter.required && !values.has(parameter.name)) {
      errors.push(
        `${noun} "${parameter.name}" is required by ${operationLabel}`,
      );
    }
  }
  return errors;
}

function isEmptyBody(body: unknown): boolean {
  return body === undefined || body === null || body === '';
}

function formValues(body: unknown): URLSearchParams | string {
  if (isEmptyBody(body)) {
    return new URLSearchParams();
  }
  if (body instanceof URLSearchParams) {
    return body;
  }
  if (typeof body === 'string') {
    return new URLSearchParams(body);
  }
  if (typeof body === 'object') {
    return new URLSearchParams(
      Object.entries(body as Record<string, unknown>).map(([key, value]) => [
        key,
        String(value),
      ]),
    );
  }
  return `form body must be a string, URLSearchParams or record (got ${typeof body})`;
}

function validateJsonBody(
  parameter: SwaggerParameter,
  body: unknown,
  operationLabel: string,
): string[] {
  const expectation = describeSchema(parameter.schema);
  if (isEmptyBody(body)) {
    return parameter.required
      ? [`body is required by ${operationLabel} (${expectation})`]
      : [];
  }
  let value = body;
  if (typeof body === 'string') {
    try {
      value = JSON.parse(body);
    } catch {
      return [`body is not valid JSON; expected ${expectation}`];
    }
  }
  return validateAgainstSchema(
    'request',
    parameter.schema ?? {},
    value,
    'body',
  );
}

/**
 * Checks one request of the plugin's client against Coder's swagger,
 * corrected by the wire differences: the path and method must be declared,
 * path parameters typed as UUIDs must be UUIDs, every query parameter must be
 * declared and well-typed, required ones present, and the body must match the
 * operation's body schema (swagger's own `required` list, nothing undeclared).
 */
export function validateRequest(request: RequestToValidate): ContractResult {
  const { method, body, proxyPrefix } = request;
  const url = new URL(request.url, 'http://contract.invalid');
  let pathname = url.pathname;
  if (proxyPrefix) {
    const prefix = proxyPrefix.replace(/\/+$/, '');
    if (!pathname.startsWith(`${prefix}/`)) {
      return toContractResult([
        `path ${pathname} does not start with the proxy prefix ${prefix}`,
      ]);
    }
    pathname = pathname.slice(prefix.length);
  }

  const lookup = findOperation(method, pathname);
  if (lookup.kind !== 'found') {
    return toContractResult([describeFailedLookup(method, pathname, lookup)]);
  }
  const { operation, pathParameters } = lookup;
  const operationLabel = `${method.toUpperCase()} ${operation.template}`;
  const byLocation = (location: SwaggerParameter['in']) =>
    operation.parameters.filter(parameter => parameter.in === location);
  const errors: string[] = [];

  for (const parameter of byLocation('path')) {
    const value = pathParameters[parameter.name];
    if (value !== undefined) {
      errors.push(
        ...validateParameterValue(
          parameter,
          value,
          `path parameter {${parameter.name}}`,
        ),
      );
    }
  }

  errors.push(
    ...validateNamedValues(
      'query',
      byLocation('query'),
      url.searchParams,
      operationLabel,
    ),
  );

  const [bodyParameter] = byLocation('body');
  const formParameters = byLocation('formData');
  if (bodyParameter) {
    errors.push(...validateJsonBody(bodyParameter, body, operationLabel));
  } else if (formParameters.length > 0) {
    const values = formValues(body);
    if (typeof values === 'string') {
      errors.push(values);
    } else {
      errors.push(
        ...validateNamedValues(
          'formData',
          formParameters,
          values,
          operationLabel,
        ),
      );
    }
  } else if (!isEmptyBody(body)) {
    errors.push(`${operationLabel} takes no body (got ${typeof body})`);
  }
  return toContractResult(errors);
}
