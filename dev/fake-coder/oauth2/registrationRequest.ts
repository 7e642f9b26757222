import { createHash } from 'node:crypto';
import { parseJsonBody } from '../body';
import { apiError } from '../errors';
import type { RegistrationMetadata } from './records';

/**
 * codersdk.OAuth2ClientRegistrationRequest: decoding (Go's json errors),
 * Validate() (codersdk/oauth2_validation.go) and ApplyDefaults().
 */

export interface RegistrationRequest extends RegistrationMetadata {
  clientName: string;
}

const STRUCT = 'OAuth2ClientRegistrationRequest';
const STRING_FIELDS = [
  'client_name',
  'client_uri',
  'logo_uri',
  'tos_uri',
  'policy_uri',
  'jwks_uri',
  'software_id',
  'software_version',
  'software_statement',
  'token_endpoint_auth_method',
  'scope',
] as const;
const LIST_FIELDS = [
  'redirect_uris',
  'grant_types',
  'response_types',
  'contacts',
] as const;

function typeName(value: unknown): string {
  if (Array.isArray(value)) return 'array';
  if (value === null) return 'null';
  if (typeof value === 'boolean') return 'bool';
  return typeof value === 'number' ? `number ${value}` : typeof value;
}

function unmarshalError(value: unknown, field: string, goType: string) {
  return apiError(
    400,
    'Request body must be valid JSON.',
    `json: cannot unmarshal ${typeName(value)} into Go struct field ${STRUCT}.${field} of type ${goType}`,
  );
}

function stringList(body: Record<string, unknown>, field: string): string[] {
  const value = body[field];
  if (value === undefined || value === null) return [];
  if (!Array.isArray(value)) throw unmarshalError(value, field, '[]string');
  return value.map(item => {
    if (typeof item !== 'string') throw unmarshalError(item, field, 'string');
    return item;
  });
}

/** httpapi.Read: JSON errors as codersdk.Response, unknown keys ignored. */
export function decodeRegistrationRequest(text: string): RegistrationRequest {
  const body = parseJsonBody(text);
  if (body === null || typeof body !== 'object' || Array.isArray(body)) {
    throw apiError(
      400,
      'Request body must be valid JSON.',
      `json: cannot unmarshal ${typeName(body)} into Go value of type codersdk.${STRUCT}`,
    );
  }
  const record = body as Record<string, unknown>;
  const strings: Record<string, string> = {};
  for (const field of STRING_FIELDS) {
    const value = record[field];
    if (value === undefined || value === null) strings[field] = '';
    else if (typeof value !== 'string')
      throw unmarshalError(value, field, 'string');
    else strings[field] = value;
  }
  const lists: Record<string, string[]> = {};
  for (const field of LIST_FIELDS) lists[field] = stringList(record, field);
  return {
    clientName: strings.client_name,
    redirectUris: lists.redirect_uris,
    clientUri: strings.client_uri,
    logoUri: strings.logo_uri,
    tosUri: strings.tos_uri,
    policyUri: strings.policy_uri,
    jwksUri: strings.jwks_uri,
    jwks: record.jwks ?? undefined,
    softwareId: strings.software_id,
    softwareVersion: strings.software_version,
    grantTypes: lists.grant_types,
    responseTypes: lists.response_types,
    tokenEndpointAuthMethod: strings.token_endpoint_auth_method,
    scope: strings.scope,
    contacts: lists.contacts,
  };
}

const LOOPBACK = ['localhost', '127.0.0.1', '::1', '[::1]'];

function hostname(uri: string): string {
  const match = /^[A-Za-z][A-Za-z0-9+.-]*:\/\/([^/?#]*)/.exec(uri);
  if (!match) return '';
  const host = match[1].replace(/^.*@/, '');
  return host.startsWith('[')
    ? host.slice(0, host.indexOf(']') + 1)
    : host.replace(/:\d*$/, '');
}

/** ValidateRedirectURI for the client type the auth method implies. */
function redirectUriProblem(
  uri: string,
  isPublic: boolean,
): string | undefined {
  if (uri === '') return 'cannot be empty';
  const scheme = /^([A-Za-z][A-Za-z0-9+.-]*):/.exec(uri)?.[1]?.toLowerCase();
  if (!scheme) return 'must have a scheme';
  if (['javascript', 'data', 'file', 'ftp'].includes(scheme))
    return `uses the dangerous scheme ${scheme}`;
  if (scheme === 'http') {
    const host = hostname(uri);
    if (isPublic && !LOOPBACK.includes(host))
      return 'public clients may only use http with loopback addresses (127.0.0.1, ::1, localhost)';
    if (!isPublic && !LOOPBACK.includes(host) && !host.endsWith('.localhost'))
      return 'must use https scheme for non-localhost URLs';
  }
  if (uri.includes('#')) return 'must not contain a fragment component';
  if ((scheme === 'http' || scheme === 'https') && hostname(uri) === '')
    return 'http and https URLs must include a host';
  return undefined;
}

function uriFieldProblem(value: string, field: string): string | undefined {
  if (value === '') return undefined;
  const scheme = /^([A-Za-z][A-Za-z0-9+.-]*):/.exec(value)?.[1];
  if (!scheme) return `${field} must be an absolute URL`;
  if (scheme !== 'http' && scheme !== 'https')
    return `${field} must use http or https scheme`;
  return undefined;
}

/** Validate(): the first problem, worded as Coder words it, or undefined. */
export function registrationProblem(
  request: RegistrationRequest,
): string | undefined {
  if (request.redirectUris.length === 0)
    return 'redirect_uris is required for authorization code flow';
  const isPublic = request.tokenEndpointAuthMethod === 'none';
  for (const [index, uri] of request.redirectUris.entries()) {
    const problem = redirectUriProblem(uri, isPublic);
    if (problem)
      return `invalid redirect_uris: redirect URI at index ${index}: ${problem}`;
  }
  for (const grant of request.grantTypes) {
    if (grant !== 'authorization_code' && grant !== 'refresh_token')
      return `invalid grant_types: unsupported grant type: ${grant}`;
  }
  if (
    request.grantTypes.length > 0 &&
    !request.grantTypes.includes('authorization_code')
  )
    return 'invalid grant_types: authorization_code grant type is required when redirect_uris are specified';
  for (const type of request.responseTypes)
    if (type !== 'code')
      return `invalid response_types: unsupported response type: ${type}`;
  const method = request.tokenEndpointAuthMethod;
  if (
    method !== '' &&
    !['client_secret_basic', 'client_secret_post', 'none'].includes(method)
  )
    return `invalid token_endpoint_auth_method: unsupported token endpoint auth method: ${method}`;
  const uriFields: Array<[string, string]> = [
    [request.clientUri, 'client_uri'],
    [request.logoUri, 'logo_uri'],
    [request.tosUri, 'tos_uri'],
    [request.policyUri, 'policy_uri'],
    [request.jwksUri, 'jwks_uri'],
  ];
  for (const [value, field] of uriFields) {
    const problem = uriFieldProblem(value, field);
    if (problem) return problem;
  }
  return undefined;
}

/**
 * ApplyDefaults() then GenerateClientName(), as the handler calls them: the
 * default name is set first, so it always wins over one derived from a URI;
 * names over 64 characters (the column's width) keep a hash suffix.
 */
export function withDefaults(
  request: RegistrationRequest,
): RegistrationRequest {
  let clientName = request.clientName || 'Dynamically Registered Client';
  if (clientName.length > 64) {
    const hash = createHash('sha256')
      .update(clientName)
      .digest('hex')
      .slice(0, 8);
    clientName = `${clientName.slice(0, 64 - 1 - hash.length)}-${hash}`;
  }
  return {
    ...request,
    clientName,
    grantTypes:
      request.grantTypes.length > 0
        ? request.grantTypes
        : ['authorization_code', 'refresh_token'],
    responseTypes:
      request.responseTypes.length > 0 ? request.responseTypes : ['code'],
    tokenEndpointAuthMethod:
      request.tokenEndpointAuthMethod || 'client_secret_basic',
  };
}
