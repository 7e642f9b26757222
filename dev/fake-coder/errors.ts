import { goQuote } from './goText';

/** codersdk.ValidationError */
export interface ValidationError {
  field: string;
  detail: string;
}

/**
 * The validation Coder reports when a request struct's `validate:"<tag>"` rule fails
 * (coderd/httpapi's go-playground/validator translation).
 */
export function tagFailure(
  field: string,
  tag: string,
  value: string,
): ValidationError {
  return {
    field,
    detail: `Validation failed for tag ${goQuote(tag)} with value: "${value}"`,
  };
}

/** codersdk.Response: `detail` and `validations` are omitted when empty. */
export interface CoderResponse {
  message: string;
  detail?: string;
  validations?: ValidationError[];
}

export function coderResponse(
  message: string,
  detail?: string,
  validations?: ValidationError[],
): CoderResponse {
  const response: CoderResponse = { message };
  if (detail) response.detail = detail;
  if (validations && validations.length > 0) response.validations = validations;
  return response;
}

/** Thrown by handlers; the router turns it into a Coder error response. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly body: CoderResponse,
    readonly headers: Record<string, string> = {},
  ) {
    super(body.message);
    this.name = 'ApiError';
  }
}

export function apiError(
  status: number,
  message: string,
  detail?: string,
  validations?: ValidationError[],
): ApiError {
  return new ApiError(status, coderResponse(message, detail, validations));
}

/** httpapi.ResourceNotFoundResponse: deliberately identical for "missing" and "not yours". */
export const RESOURCE_NOT_FOUND_MESSAGE =
  'Resource not found or you do not have access to this resource';

export function notFound(): ApiError {
  return apiError(404, RESOURCE_NOT_FOUND_MESSAGE);
}

export const FORBIDDEN_DETAIL =
  "You don't have permission to view this content. If you believe this is a mistake, please contact your administrator or try signing in with different credentials.";

export function forbidden(): ApiError {
  return apiError(403, 'Forbidden.', FORBIDDEN_DETAIL);
}
