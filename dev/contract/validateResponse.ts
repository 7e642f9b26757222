import { toContractResult, type ContractResult } from './contractResult';
import {
  describeFailedLookup,
  findOperation,
  type ContractOperation,
} from './contractOperations';
import type { SwaggerSchema } from './swaggerDocument';
import { describeSchema, validateAgainstSchema } from './validateAgainstSchema';
import { WIRE_DIFFERENCES, type ErrorShapeDifference } from './wireDifferences';

/** Response headers as a fetch `Headers` or a plain record. */
export type HeadersLike =
  Headers | Record<string, string | readonly string[] | undefined>;

/** One response of (a fake) Coder, as seen by a client. */
export interface ResponseToValidate {
  method: string;
  /**
   * Coder's request path, e.g. `/api/v2/workspaces/8b1c…/builds`, or a whole
   * URL; a query string is ignored.
   */
  path: string;
  status: number;
  /** The parsed JSON body; `undefined` when the body was empty. */
  body: unknown;
  /** When given, JSON bodies must come with an `application/json` content type. */
  headers?: HeadersLike;
}

/** Statuses whose body must be empty (RFC 9110 §15.3.5, §15.4.5). */
const BODILESS_STATUSES = new Set([204, 304]);

function headerValue(headers: HeadersLike, name: string): string | undefined {
  if (typeof (headers as Headers).get === 'function') {
    return (headers as Headers).get(name) ?? undefined;
  }
  const record = headers as Record<
    string,
    string | readonly string[] | undefined
  >;
  const key = Object.keys(record).find(
    candidate => candidate.toLowerCase() === name,
  );
  const value = key === undefined ? undefined : record[key];
  return Array.isArray(value)
    ? value.join(', ')
    : (value as string | undefined);
}

function errorShapeFor(path: string): ErrorShapeDifference {
  const shape = WIRE_DIFFERENCES.find(
    (difference): difference is ErrorShapeDifference =>
      difference.kind === 'errorShape' &&
      path.startsWith(difference.pathPrefix),
  );
  if (!shape) {
    throw new Error(`No error shape in wireDifferences.ts covers ${path}`);
  }
  return shape;
}

interface ExpectedBody {
  schemas: SwaggerSchema[];
  /** Where the expectation comes from, for messages. */
  source: string;
}

/**
 * The schemas a body may match for this status, `undefined` when swagger
 * declares the status without a body, or an error message when the status is
 * not allowed at all.
 */
function expectedBody(
  operation: ContractOperation,
  pathname: string,
  status: number,
): ExpectedBody | undefined | string {
  const declared = operation.responses[String(status)];
  if (declared) {
    return declared.schema
      ? { schemas: [declared.schema], source: `swagger ${status}` }
      : undefined;
  }
  if (status < 400) {
    const statuses = Object.keys(operation.responses).join(', ');
    return `status ${status} is not declared for ${operation.method.toUpperCase()} ${operation.template} (declared: ${statuses})`;
  }
  const shape = errorShapeFor(pathname);
  const schemas = [shape.schema];
  if (shape.alternative?.statuses.includes(status)) {
    schemas.push(shape.alternative.schema);
  }
  return { schemas, source: `error ${status}` };
}

function isEmptyBody(body: unknown): boolean {
  return body === undefined || body === '';
}

/**
 * Checks one response against Coder's swagger, corrected by the wire
 * differences: the operation must exist, the status must be declared (errors
 * not declared in swagger must be `codersdk.Response`, or the OAuth2 error
 * shape under `/oauth2/`), and the JSON body must match the strict schema:
 * every property present unless Go omits it when empty, nothing undeclared.
 */
export function validateResponse(response: ResponseToValidate): ContractResult {
  const { method, status, body, headers } = response;
  // Accepts a bare path or a whole URL; only the pathname identifies the operation.
  const pathname = new URL(response.path, 'http://contract.invalid').pathname;
  const lookup = findOperation(method, pathname);
  if (lookup.kind !== 'found') {
    return toContractResult([describeFailedLookup(method, pathname, lookup)]);
  }
  const expected = expectedBody(lookup.operation, pathname, status);
  if (typeof expected === 'string') {
    return toContractResult([expected]);
  }
  if (expected === undefined) {
    // Declared without a schema: 204/304 must be empty; other bodiless
    // declarations (the consent page's HTML, revoke's empty 200) are not JSON
    // and are not checked.
    if (BODILESS_STATUSES.has(status) && !isEmptyBody(body)) {
      return toContractResult([
        `status ${status} must have an empty body (got ${typeof body})`,
      ]);
    }
    return toContractResult([]);
  }

  const errors: string[] = [];
  if (headers) {
    const contentType = headerValue(headers, 'content-type');
    if (!contentType?.toLowerCase().includes('application/json')) {
      errors.push(
        `content-type must be application/json (got ${contentType ?? 'none'})`,
      );
    }
  }
  const expectation = expected.schemas.map(describeSchema).join(' or ');
  if (isEmptyBody(body)) {
    errors.push(`body is empty; expected ${expectation} (${expected.source})`);
    return toContractResult(errors);
  }
  const [primary, ...alternatives] = expected.schemas;
  const primaryErrors = validateAgainstSchema('response', primary, body);
  const matchesAlternative = alternatives.some(
    alternative =>
      validateAgainstSchema('response', alternative, body).length === 0,
  );
  if (primaryErrors.length > 0 && !matchesAlternative) {
    errors.push(...primaryErrors);
  }
  return toContractResult(errors);
}
