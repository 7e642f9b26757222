import { decodeStruct } from '../goJson';
import { formatTimestamp } from '../clock';
import {
  apiError,
  forbidden,
  notFound,
  tagFailure,
  ValidationError,
} from '../errors';
import { goQuote } from '../goText';
import { isOwnerRole, uuidParam } from '../api/lookups';
import { isValidName } from '../names';
import type { ApiContext, ApiHandler } from '../router';
import { NIL_UUID, parseUuid } from '../uuid';
import { EXPERIMENT_DISABLED_MESSAGE } from './errors';
import type { OAuth2AppRecord } from './records';
import { displaySecret } from './secrets';

/**
 * /api/v2/oauth2-provider: apps, their secrets and the provider settings
 * (coderd/oauth2provider/apps.go, app_secrets.go; coderd/oauth2.go). Members
 * may read apps; everything else needs the owner role. Writes a member is not
 * allowed fail inside the database layer, which these handlers report as
 * their generic 500, so the fake does the same.
 */

/** What dbauthz's NotAuthorizedError prints inside a handler's 500. */
function requireOwner(context: ApiContext, internalMessage: string): void {
  if (!isOwnerRole(context.actor))
    throw apiError(500, internalMessage, 'unauthorized: forbidden');
}

/**
 * RequireExperiment, which Coder mounts after ExtractAPIKey: a caller without
 * a session gets the 401 first. (no-store is set for the whole tree in
 * server.ts, so 401s and faults carry it too.)
 */
export function gated(handler: ApiHandler): ApiHandler {
  return context => {
    if (!context.deployment.oauth2.settings.experiment)
      throw apiError(403, EXPERIMENT_DISABLED_MESSAGE);
    return handler(context);
  };
}

/** db2sdk.OAuth2ProviderApp. */
export function serializeApp(accessUrl: string, app: OAuth2AppRecord) {
  return {
    id: app.id,
    name: app.name,
    callback_url: app.callbackUrl,
    icon: app.icon,
    endpoints: {
      authorization: `${accessUrl}/oauth2/authorize`,
      token: `${accessUrl}/oauth2/tokens`,
      token_revoke: `${accessUrl}/oauth2/revoke`,
      device_authorization: '',
    },
  };
}

/** httpmw.ExtractOAuth2ProviderApp: management answers 404, not 401. */
function appParam(context: ApiContext): OAuth2AppRecord {
  const id = uuidParam(context.params.app);
  const app = context.deployment.oauth2.apps.get(id);
  if (!app) throw apiError(404, 'OAuth2 application not found.');
  return app;
}

const APP_FIELDS = {
  name: { kind: 'string' },
  callback_url: { kind: 'string' },
  icon: { kind: 'string' },
} as const;

/** httpapi.Read of Post/PutOAuth2ProviderAppRequest with its validate tags. */
async function readAppRequest(context: ApiContext, structName: string) {
  const decoded = decodeStruct(
    await context.readJson(),
    structName,
    APP_FIELDS,
  );
  const name = (decoded.name as string | undefined) ?? '';
  const callbackUrl = (decoded.callback_url as string | undefined) ?? '';
  const validations: ValidationError[] = [];
  if (name === '') validations.push(tagFailure('name', 'required', name));
  else if (!isValidName(name))
    validations.push(tagFailure('name', 'oauth2_app_name', name));
  if (callbackUrl === '')
    validations.push(tagFailure('callback_url', 'required', callbackUrl));
  else if (!/^https?:\/\/[^/?#\s]+/i.test(callbackUrl))
    validations.push(tagFailure('callback_url', 'http_url', callbackUrl));
  if (validations.length > 0)
    throw apiError(400, 'Validation failed.', undefined, validations);
  return {
    name,
    callbackUrl,
    icon: (decoded.icon as string | undefined) ?? '',
  };
}

/** GET /apps[?user_id=]: every app, or those the user holds live tokens for. */
/** GET /apps/{app}. */
export function getApps(context: ApiContext): void {
  const { oauth2, accessUrl } = context.deployment;
  const raw = context.url.searchParams.get('user_id') ?? '';
  let apps = [...oauth2.apps.values()];
  if (raw !== '') {
    const parsed = parseUuid(raw);
    // Coder prints the zero UUID it failed to fill, not the input.
    if (!parsed.ok)
      throw apiError(
        400,
        'Invalid user UUID',
        `queried user_id=${goQuote(NIL_UUID)}`,
      );
    const authorized = new Set(
      oauth2
        .livePairs()
        .filter(pair => pair.userId === parsed.value)
        .map(pair => pair.appId),
    );
    apps = apps.filter(app => authorized.has(app.id));
  }
  context.respond(
    200,
    apps.map(app => serializeApp(accessUrl, app)),
  );
}

/** POST /apps: 201, an owner-only confidential client. */
export async function postApp(context: ApiContext): Promise<void> {
  const request = await readAppRequest(context, 'PostOAuth2ProviderAppRequest');
  requireOwner(context, 'Internal error creating OAuth2 application.');
  const app: OAuth2AppRecord = {
    id: context.deployment.store.newId(),
    name: request.name,
    icon: request.icon,
    callbackUrl: request.callbackUrl,
    createdAt: context.now,
    updatedAt: context.now,
    clientType: 'confidential',
  };
  context.deployment.oauth2.apps.set(app.id, app);
  context.respond(201, serializeApp(context.deployment.accessUrl, app));
}

export function getApp(context: ApiContext): void {
  context.respond(
    200,
    serializeApp(context.deployment.accessUrl, appParam(context)),
  );
}

/** PUT /apps/{app}: name, callback URL and icon. */
export async function putApp(context: ApiContext): Promise<void> {
  const app = appParam(context);
  const request = await readAppRequest(context, 'PutOAuth2ProviderAppRequest');
  requireOwner(context, 'Internal error updating OAuth2 application.');
  app.name = request.name;
  app.icon = request.icon;
  app.callbackUrl = request.callbackUrl;
  app.updatedAt = context.now;
  context.respond(200, serializeApp(context.deployment.accessUrl, app));
}

/** DELETE /apps/{app}: 204; its secrets, codes and tokens go too. */
export function deleteApp(context: ApiContext): void {
  const app = appParam(context);
  requireOwner(context, 'Internal error deleting OAuth2 application.');
  context.deployment.oauth2.deleteApp(app.id);
  context.respondEmpty(204);
}

/** GET /apps/{app}/secrets: truncated to the last six characters. */
export function getAppSecrets(context: ApiContext): void {
  const app = appParam(context);
  requireOwner(context, 'Internal error getting OAuth2 client secrets.');
  context.respond(
    200,
    context.deployment.oauth2.secretsOf(app.id).map(secret => ({
      id: secret.id,
      last_used_at:
        secret.lastUsedAt === undefined
          ? null
          : formatTimestamp(secret.lastUsedAt),
      client_secret_truncated: displaySecret(secret.formatted),
    })),
  );
}

/** POST /apps/{app}/secrets: 201 with the one full secret (swagger says a 200 array). */
export function postAppSecret(context: ApiContext): void {
  const app = appParam(context);
  requireOwner(context, 'Internal error creating OAuth2 client secret.');
  const secret = context.deployment.oauth2.addSecret(app.id, context.now);
  context.respond(201, { id: secret.id, client_secret_full: secret.formatted });
}

/** DELETE /apps/{app}/secrets/{secretID}: 204; tokens issued with it die. */
export function deleteAppSecret(context: ApiContext): void {
  const app = appParam(context);
  const secretId = uuidParam(context.params.secretID);
  const { oauth2 } = context.deployment;
  const secret = oauth2.secrets.get(secretId);
  // ExtractOAuth2ProviderAppSecret reads as the caller; dbauthz's refusal
  // counts as "not found" there (httpapi.Is404Error).
  if (!secret || !isOwnerRole(context.actor)) throw notFound();
  if (secret.appId !== app.id)
    throw apiError(400, 'App ID does not match secret app ID.');
  oauth2.deleteSecret(secret.id);
  context.respondEmpty(204);
}

/** GET/PUT /settings: owners only, 403 `Forbidden.` otherwise. */
function settingsBody(context: ApiContext) {
  return {
    dynamic_client_registration_enabled:
      context.deployment.oauth2.settings.dcrEnabled,
  };
}

/** GET /settings. */
export function getSettings(context: ApiContext): void {
  if (!isOwnerRole(context.actor)) throw forbidden();
  context.respond(200, settingsBody(context));
}

/** PUT /settings: the dynamic-client-registration toggle. */
export async function putSettings(context: ApiContext): Promise<void> {
  if (!isOwnerRole(context.actor)) throw forbidden();
  const decoded = decodeStruct(
    await context.readJson(),
    'OAuth2ProviderSettings',
    {
      dynamic_client_registration_enabled: { kind: 'bool' },
    },
  );
  context.deployment.oauth2.settings.dcrEnabled =
    (decoded.dynamic_client_registration_enabled as boolean | undefined) ??
    false;
  context.respond(200, settingsBody(context));
}
