import { randomUUID } from 'node:crypto';
import { MICROS_PER_SECOND } from '../clock';
import { randomAlphanumeric } from '../ids';
import { parseUuid } from '../uuid';
import { DCR_DISABLED_DESCRIPTION, registrationError } from './errors';
import { Exchange, sendEmpty, sendJson } from './http';
import type { OAuth2AppRecord } from './records';
import {
  decodeRegistrationRequest,
  registrationProblem,
  RegistrationRequest,
  withDefaults,
} from './registrationRequest';

/**
 * RFC 7591 dynamic client registration (POST /oauth2/register) and RFC 7592
 * client management (GET/PUT/DELETE /oauth2/clients/{client_id}), after
 * coderd/oauth2provider/registration.go. Registration needs the admin toggle;
 * management needs the registration access token issued with the client.
 */

/** Fields Go drops when empty (`omitempty`), shared by both response types. */
function metadata(app: OAuth2AppRecord) {
  const registration = app.registration!;
  const body: Record<string, unknown> = {
    client_id: app.id,
    client_id_issued_at: Math.floor(
      registration.clientIdIssuedAt / MICROS_PER_SECOND,
    ),
  };
  const optional: Array<[string, unknown]> = [
    ['redirect_uris', registration.redirectUris],
    ['client_name', app.name],
    ['client_uri', registration.clientUri],
    ['logo_uri', registration.logoUri],
    ['tos_uri', registration.tosUri],
    ['policy_uri', registration.policyUri],
    ['jwks_uri', registration.jwksUri],
    ['jwks', registration.jwks],
    ['software_id', registration.softwareId],
    ['software_version', registration.softwareVersion],
  ];
  for (const [key, value] of optional)
    if (
      value !== undefined &&
      value !== '' &&
      !(Array.isArray(value) && value.length === 0)
    )
      body[key] = value;
  body.grant_types = registration.grantTypes;
  body.response_types = registration.responseTypes;
  body.token_endpoint_auth_method = registration.tokenEndpointAuthMethod;
  if (registration.scope !== '') body.scope = registration.scope;
  if (registration.contacts.length > 0) body.contacts = registration.contacts;
  return body;
}

function clientUri(exchange: Exchange, id: string): string {
  return `${exchange.deployment.accessUrl}/oauth2/clients/${id}`;
}

/** client_secret_expires_at is 0 ("never") and so omitted, like every empty field. */
function registrationResponse(
  exchange: Exchange,
  app: OAuth2AppRecord,
  clientSecret: string | undefined,
) {
  return {
    ...metadata(app),
    ...(clientSecret ? { client_secret: clientSecret } : {}),
    registration_access_token: app.registration!.registrationAccessToken,
    registration_client_uri: clientUri(exchange, app.id),
  };
}

/** RFC 7592 reads never include the secret or the access token. */
function configurationResponse(exchange: Exchange, app: OAuth2AppRecord) {
  return {
    ...metadata(app),
    registration_client_uri: clientUri(exchange, app.id),
  };
}

async function validRequest(exchange: Exchange): Promise<RegistrationRequest> {
  const request = decodeRegistrationRequest(await exchange.text());
  const problem = registrationProblem(request);
  if (problem) throw registrationError(400, 'invalid_client_metadata', problem);
  return withDefaults(request);
}

function applyRequest(
  app: OAuth2AppRecord,
  request: RegistrationRequest,
): void {
  app.name = request.clientName;
  app.icon = request.logoUri;
  app.callbackUrl = request.redirectUris[0];
  app.clientType =
    request.tokenEndpointAuthMethod === 'none' ? 'public' : 'confidential';
  const { clientName: _name, ...fields } = request;
  app.registration = { ...app.registration!, ...fields };
}

/** POST /oauth2/register (RFC 7591): 201 with the secret and the registration access token. */
export async function postRegister(exchange: Exchange): Promise<void> {
  const { oauth2 } = exchange.deployment;
  if (!oauth2.settings.dcrEnabled)
    throw registrationError(403, 'invalid_request', DCR_DISABLED_DESCRIPTION);
  const request = await validRequest(exchange);
  const app: OAuth2AppRecord = {
    id: randomUUID(),
    name: '',
    icon: '',
    callbackUrl: '',
    createdAt: exchange.now,
    updatedAt: exchange.now,
    clientType: 'confidential',
    registration: {
      ...request,
      clientIdIssuedAt: exchange.now,
      registrationAccessToken: randomAlphanumeric(40),
    },
  };
  applyRequest(app, request);
  oauth2.apps.set(app.id, app);
  // Public clients authenticate with PKCE alone and get no secret.
  const secret =
    app.clientType === 'public'
      ? undefined
      : oauth2.addSecret(app.id, exchange.now).formatted;
  sendJson(exchange, 201, registrationResponse(exchange, app, secret));
}

/** RequireRegistrationAccessToken: the client, if the Bearer token is its own. */
function registeredClient(exchange: Exchange): OAuth2AppRecord {
  const parsed = parseUuid(exchange.params.client_id ?? '');
  if (!parsed.ok)
    throw registrationError(
      400,
      'invalid_client_id',
      'Invalid client ID format',
    );
  const header = exchange.request.headers.authorization ?? '';
  if (header === '')
    throw registrationError(
      401,
      'invalid_token',
      'Missing Authorization header',
    );
  if (!header.startsWith('Bearer '))
    throw registrationError(
      401,
      'invalid_token',
      'Authorization header must use Bearer scheme',
    );
  const token = header.slice('Bearer '.length);
  if (token === '')
    throw registrationError(
      401,
      'invalid_token',
      'Missing registration access token',
    );
  const app = exchange.deployment.oauth2.apps.get(parsed.value);
  if (!app) throw registrationError(401, 'invalid_token', 'Client not found');
  if (!app.registration)
    throw registrationError(
      403,
      'invalid_token',
      'Client was not dynamically registered',
    );
  if (app.registration.registrationAccessToken !== token)
    throw registrationError(
      401,
      'invalid_token',
      'Invalid registration access token',
    );
  return app;
}

/** GET /oauth2/clients/{client_id}. */
export function getClient(exchange: Exchange): void {
  const app = registeredClient(exchange);
  sendJson(exchange, 200, configurationResponse(exchange, app));
}

/** PUT /oauth2/clients/{client_id}: replaces the metadata. */
export async function putClient(exchange: Exchange): Promise<void> {
  const app = registeredClient(exchange);
  const request = await validRequest(exchange);
  applyRequest(app, request);
  app.updatedAt = exchange.now;
  sendJson(exchange, 200, configurationResponse(exchange, app));
}

/** DELETE /oauth2/clients/{client_id}: 204, with its tokens. */
export function deleteClient(exchange: Exchange): void {
  const app = registeredClient(exchange);
  exchange.deployment.oauth2.deleteApp(app.id);
  sendEmpty(exchange, 204);
}
