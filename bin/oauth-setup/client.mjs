/**
 * Requests to the token and revocation endpoints as the OAuth2 client, the
 * way the Backstage proxy will send them: HTTP Basic client credentials.
 */
import { SetupError } from './errors.mjs';
import { statusLine } from './http.mjs';
import { basicCredentials } from './output.mjs';

const CLIENT_SECRET_HINTS = [
  'CODER_OAUTH_CLIENT_CREDENTIALS (or --client-secret) does not hold a current secret of this app.',
  'Re-run the setup without --check: it reuses the app and prints new credentials.',
];

/** POST to the token (or revocation) endpoint as the client, by HTTP Basic. */
export function asClient(coder, endpoint, settings, form) {
  return coder.call('POST', endpoint, {
    // client_id is repeated in the body (same value, so not "conflicting"):
    // Coder's middleware looks the app up from it before reading credentials.
    form: { ...form, client_id: settings.clientId },
    headers: {
      Authorization: `Basic ${basicCredentials(settings.clientId, settings.clientSecret)}`,
    },
  });
}

export function tokenError(result, what) {
  if (result.status === 401 || result.json?.error === 'invalid_client') {
    return new SetupError(
      `The token endpoint rejected the client credentials (${statusLine(result)}).`,
      { code: 'bad_client_secret', hints: CLIENT_SECRET_HINTS },
    );
  }
  return new SetupError(`${what} failed: ${statusLine(result)}.`, {
    code: 'token_failed',
  });
}

export function readTokens(result, what) {
  const body = result.json;
  if (
    result.status !== 200 ||
    typeof body?.access_token !== 'string' ||
    typeof body?.refresh_token !== 'string'
  ) {
    throw tokenError(result, what);
  }
  return body;
}

export function expiresIn(seconds) {
  if (typeof seconds !== 'number') return 'no expires_in';
  if (seconds >= 3600) return `expires in ${Math.round(seconds / 3600)} h`;
  return `expires in ${Math.round(seconds / 60)} min`;
}
