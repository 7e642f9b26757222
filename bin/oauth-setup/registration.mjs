/**
 * Getting a client id and secret for Backstage, in order of preference:
 *  1. reuse an app already registered for this exact callback URL, so running
 *     the setup twice does not pile up duplicate apps; Coder never shows a
 *     secret again, so a fresh secret is created for it;
 *  2. RFC 7591 dynamic registration when the metadata advertises it;
 *  3. the management API (`POST /api/v2/oauth2-provider/apps` + `/secrets`).
 * Status codes follow CONTRACT §7/§11 (201 for both POSTs, one secret object),
 * tolerating swagger's 200 / array form too.
 */
import { SetupError } from './errors.mjs';
import { describeBody, statusLine } from './http.mjs';

const APPS_PATH = '/api/v2/oauth2-provider/apps';

/**
 * @typedef {object} Registration
 * @property {'reused'|'dynamic'|'management-api'} method
 * @property {string} clientId
 * @property {string} clientSecret
 * @property {string} appName
 * @property {string} detail the ✓ line of the report
 * @property {string[]} notes said after the report, e.g. why DCR was not used
 */

const created = status => status === 201 || status === 200;

/**
 * Apps whose callback URL is exactly the redirect URI.
 * @param {import('./coder.mjs').Coder} coder
 */
export async function findApps(coder, redirectUri) {
  const result = await coder.asAdmin('GET', APPS_PATH);
  if (result.status !== 200 || !Array.isArray(result.json)) {
    return { apps: [], problem: statusLine(result) };
  }
  return {
    apps: result.json.filter(app => app?.callback_url === redirectUri),
    problem: undefined,
  };
}

/** @param {import('./coder.mjs').Coder} coder */
async function createSecret(coder, appId) {
  const result = await coder.asAdmin(
    'POST',
    `${APPS_PATH}/${encodeURIComponent(appId)}/secrets`,
  );
  const body = Array.isArray(result.json) ? result.json[0] : result.json;
  if (!created(result.status) || typeof body?.client_secret_full !== 'string') {
    throw new SetupError(
      `Coder refused to create a client secret for app ${appId}: ${statusLine(result)}.`,
      {
        code: 'secret_failed',
        hints:
          result.status === 403
            ? ['Creating secrets needs the Owner role.']
            : [],
      },
    );
  }
  return body.client_secret_full;
}

/**
 * RFC 7591 registration. Returns undefined when Coder says DCR is disabled
 * (403), so the caller can fall back to the management API.
 * @param {import('./coder.mjs').Coder} coder
 */
async function registerDynamically(coder, endpoint, redirectUri, appName) {
  const result = await coder.call('POST', endpoint, {
    json: {
      redirect_uris: [redirectUri],
      client_name: appName,
      // The Backstage proxy sends `Authorization: Basic base64(id:secret)`.
      token_endpoint_auth_method: 'client_secret_basic',
      grant_types: ['authorization_code', 'refresh_token'],
      response_types: ['code'],
    },
  });
  if (result.status === 403) {
    return { refused: describeBody(result) };
  }
  const body = result.json;
  if (
    !created(result.status) ||
    typeof body?.client_id !== 'string' ||
    typeof body?.client_secret !== 'string'
  ) {
    throw new SetupError(
      `Dynamic client registration failed: ${statusLine(result)}.`,
      {
        code: 'registration_failed',
        hints:
          body?.error === 'invalid_client_metadata'
            ? [
                'Coder accepts http:// redirect URIs only for localhost; use https:// for a real Backstage.',
              ]
            : [],
      },
    );
  }
  return {
    clientId: body.client_id,
    clientSecret: body.client_secret,
    hasRegistrationToken: typeof body.registration_access_token === 'string',
  };
}

/**
 * @param {import('./coder.mjs').Coder} coder
 * @param {string|undefined} dcrRefused why DCR was not available, for the error
 */
async function createApp(coder, redirectUri, appName, dcrRefused) {
  const result = await coder.asAdmin('POST', APPS_PATH, {
    json: { name: appName, callback_url: redirectUri },
  });
  if (!created(result.status) || typeof result.json?.id !== 'string') {
    const duplicate = /duplicate|already exists|unique/i.test(result.text);
    const badName =
      Array.isArray(result.json?.validations) &&
      result.json.validations.some(v => v?.field === 'name');
    throw new SetupError(
      dcrRefused
        ? `Dynamic client registration is disabled on this deployment (${dcrRefused}) and the management API refused to create an app: ${statusLine(result)}.`
        : `The management API refused to create an app: ${statusLine(result)}.`,
      {
        code: 'registration_failed',
        hints: [
          ...(badName
            ? [
                '--app-name must be letters, digits and single hyphens (at most 32), e.g. backstage.',
              ]
            : []),
          ...(duplicate
            ? [
                `An app named "${appName}" may already exist for another callback URL; pick another name with --app-name.`,
              ]
            : []),
          // Coder answers a missing permission here with 500 and the
          // authorizer's "unauthorized" in the detail, not with 403.
          ...(result.status === 403 ||
          result.status === 401 ||
          /unauthorized|forbidden/i.test(result.text)
            ? ['Creating OAuth2 apps needs the Owner role.']
            : []),
          ...(dcrRefused
            ? [
                'Or let the setup register itself: an Owner can enable dynamic client registration with',
                '  PUT /api/v2/oauth2-provider/settings {"dynamic_client_registration_enabled": true}',
              ]
            : []),
        ],
      },
    );
  }
  return result.json.id;
}

/**
 * @param {import('./coder.mjs').Coder} coder
 * @param {import('./discovery.mjs').Metadata} metadata
 * @param {{ redirectUri: string, appName: string }} settings
 * @returns {Promise<Registration>}
 */
export async function register(coder, metadata, { redirectUri, appName }) {
  const notes = [];
  const existing = await findApps(coder, redirectUri);
  if (existing.problem) {
    notes.push(
      `Could not list existing OAuth2 apps (${existing.problem}); a new app will be registered.`,
    );
  }
  if (existing.apps.length > 0) {
    const app = existing.apps[0];
    if (existing.apps.length > 1) {
      notes.push(
        `${existing.apps.length} apps are registered for ${redirectUri}; reused the first (${app.id}). Delete the others in Deployment → OAuth2 Applications.`,
      );
    }
    const clientSecret = await createSecret(coder, app.id);
    return {
      method: 'reused',
      clientId: app.id,
      clientSecret,
      appName: app.name,
      detail: `reused existing app "${app.name}" (${app.id}) registered for ${redirectUri}; created a new client secret, because Coder never shows an existing one again`,
      notes,
    };
  }

  let dcrRefused;
  if (metadata.registrationEndpoint) {
    const dynamic = await registerDynamically(
      coder,
      metadata.registrationEndpoint,
      redirectUri,
      appName,
    );
    if ('clientId' in dynamic) {
      if (dynamic.hasRegistrationToken) {
        notes.push(
          'Coder also issued an RFC 7592 registration access token; Backstage does not need it, so it is not shown. Manage the app as an Owner in Deployment → OAuth2 Applications.',
        );
      }
      return {
        method: 'dynamic',
        clientId: dynamic.clientId,
        clientSecret: dynamic.clientSecret,
        appName,
        detail: `registered "${appName}" by dynamic client registration (RFC 7591) for ${redirectUri}`,
        notes,
      };
    }
    dcrRefused = dynamic.refused;
    notes.push(
      `Dynamic client registration was advertised but refused (${dcrRefused}); used the management API instead.`,
    );
  } else {
    dcrRefused = 'no registration_endpoint in the metadata';
  }

  const appId = await createApp(coder, redirectUri, appName, dcrRefused);
  const clientSecret = await createSecret(coder, appId);
  return {
    method: 'management-api',
    clientId: appId,
    clientSecret,
    appName,
    detail: `created app "${appName}" (${appId}) for ${redirectUri} with the management API (dynamic client registration is off) and a client secret`,
    notes,
  };
}
