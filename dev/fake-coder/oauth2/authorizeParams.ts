import type { ValidationError } from '../errors';
import { goQuote } from '../goText';
import { validPkceFormat } from './secrets';

/**
 * extractAuthorizeParams (coderd/oauth2provider/authorize.go): the query of
 * GET and POST /oauth2/authorize, with Coder's QueryParamParser errors.
 * Only the query counts; the consent form's body is the CSRF token.
 */

export interface AuthorizeParams {
  /** The validated redirect: the app's callback URL, given or not. */
  callbackUrl: string;
  redirectUriProvided: boolean;
  responseType: string;
  state: string;
  resource: string;
  codeChallenge: string;
  codeChallengeMethod: string;
}

const KNOWN_PARAMS = [
  'client_id',
  'redirect_uri',
  'response_type',
  'scope',
  'state',
  'resource',
  'code_challenge',
  'code_challenge_method',
];

/** codersdk.OAuth2ProviderResponseType's values in swagger; only `code` works. */
const RESPONSE_TYPES = ['code', 'token'];

const required = (name: string): ValidationError => ({
  field: name,
  detail: `Query param ${goQuote(name)} is required and cannot be empty`,
});

/** validateResourceParameter: RFC 8707 wants an absolute URI without fragment. */
export function validResource(resource: string): boolean {
  if (resource === '') return true;
  if (!/^[A-Za-z][A-Za-z0-9+.-]*:/.test(resource)) return false;
  return !resource.includes('#');
}

/** The validated parameters, or every QueryParamParser error in Coder's order. */
export function extractAuthorizeParams(
  query: URLSearchParams,
  registeredCallback: string,
): { params: AuthorizeParams } | { errors: ValidationError[] } {
  const errors: ValidationError[] = [];
  const value = (name: string) => query.get(name) ?? '';
  if (value('client_id') === '') errors.push(required('client_id'));
  const redirectUri = value('redirect_uri');
  // queryparams.go RedirectURL: the registered callback, exactly.
  if (redirectUri !== '' && redirectUri !== registeredCallback) {
    errors.push({
      field: 'redirect_uri',
      detail: `Query param "redirect_uri" must exactly match the registered callback URL ${registeredCallback}`,
    });
  }
  const responseType = value('response_type');
  if (responseType === '') errors.push(required('response_type'));
  else if (!RESPONSE_TYPES.includes(responseType)) {
    errors.push({
      field: 'response_type',
      detail: `Query param "response_type" has invalid value: ${goQuote(responseType)} is not a valid value`,
    });
  }
  const codeChallenge = value('code_challenge');
  if (responseType === 'code') {
    if (codeChallenge === '') errors.push(required('code_challenge'));
    else if (!validPkceFormat(codeChallenge)) {
      errors.push({
        field: 'code_challenge',
        detail:
          'must be 43 to 128 characters from the unreserved character set [A-Za-z0-9-._~]',
      });
    }
  }
  const resource = value('resource');
  if (!validResource(resource)) {
    errors.push({
      field: 'resource',
      detail: 'must be an absolute URI without fragment',
    });
  }
  // ErrorExcessParams: anything the parser did not read is an error.
  for (const name of [...new Set(query.keys())].sort()) {
    if (!KNOWN_PARAMS.includes(name))
      errors.push({
        field: name,
        detail: `${goQuote(name)} is not a valid query param`,
      });
  }
  if (errors.length > 0) return { errors };
  return {
    params: {
      callbackUrl: registeredCallback,
      redirectUriProvided: redirectUri !== '',
      responseType,
      state: value('state'),
      resource,
      codeChallenge,
      codeChallengeMethod: value('code_challenge_method'),
    },
  };
}

/** The description POST answers with: "Invalid query params: " + each error. */
export function describeParamErrors(errors: ValidationError[]): string {
  return `Invalid query params: ${errors
    .map(error => `field: ${error.field} detail: ${error.detail}`)
    .join(', ')}`;
}

/** codersdk.ValidatePKCECodeChallengeMethod; empty means S256. */
export function pkceMethodProblem(method: string): string | undefined {
  if (method === '' || method === 'S256') return undefined;
  if (method === 'plain')
    return "code_challenge_method 'plain' is not supported; use 'S256'";
  return `unsupported code_challenge_method: ${method}`;
}
