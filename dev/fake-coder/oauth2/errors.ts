import { coderResponse } from '../errors';
import { encodeGoJson, writeRaw } from '../wire';
import { Exchange, sendJson } from './http';

/**
 * The OAuth2 endpoints' error bodies. Protocol errors are RFC 6749
 * `{error, error_description}` (httpapi.WriteOAuth2Error); middleware in
 * front of them still answers codersdk.Response (CONTRACT §10).
 */

/** httpmw.NoStore, on every `/oauth2/*` and `/api/v2/oauth2-provider/*` response. */
export const NO_STORE_HEADERS: Record<string, string> = {
  'Cache-Control': 'no-store',
  Pragma: 'no-cache',
};

/** coderd/httpmw/experiments.go, with the experiment's display name doubled as Coder prints it. */
export const EXPERIMENT_DISABLED_MESSAGE =
  "OAuth2 Provider Functionality functionality requires enabling the 'oauth2' experiment.";

/** registration.go's answer while the admin toggle is off (#27316). */
export const DCR_DISABLED_DESCRIPTION =
  'Dynamic client registration is disabled on this deployment';

/** Thrown by handlers; the OAuth2 router writes it. */
export class OAuth2Error extends Error {
  constructor(
    readonly status: number,
    readonly error: string,
    readonly description?: string,
    /** writeOAuth2RegistrationError's own encoder sends no charset. */
    readonly registration = false,
  ) {
    super(description ?? error);
    this.name = 'OAuth2Error';
  }
}

/** An httpapi.WriteOAuth2Error answer. */
export function oauth2Error(
  status: number,
  error: string,
  description?: string,
): OAuth2Error {
  return new OAuth2Error(status, error, description);
}

/** writeOAuth2RegistrationError (RFC 7591 endpoints). */
export function registrationError(
  status: number,
  error: string,
  description?: string,
): OAuth2Error {
  return new OAuth2Error(status, error, description, true);
}

/** The client-credentials failure every 401 `invalid_client` shares. */
export function invalidClient(): OAuth2Error {
  return oauth2Error(
    401,
    'invalid_client',
    'The client credentials are invalid',
  );
}

/** Writes an OAuth2 error; a 401 invalid_client also names the Basic scheme. */
export function writeOAuth2Error(exchange: Exchange, error: OAuth2Error): void {
  const body: Record<string, string> = { error: error.error };
  if (error.description) body.error_description = error.description;
  if (error.registration) {
    writeRaw(exchange.response, error.status, encodeGoJson(body), {
      'Content-Type': 'application/json',
    });
    return;
  }
  // RFC 6749 §5.2: a 401 invalid_client names the scheme the client may use.
  const headers: Record<string, string> =
    error.status === 401 && error.error === 'invalid_client'
      ? { 'WWW-Authenticate': 'Basic realm="coder"' }
      : {};
  sendJson(exchange, error.status, body, headers);
}

/** httpmw.RequireExperiment's 403 while `oauth2` is off. */
export function writeExperimentDisabled(exchange: Exchange): void {
  sendJson(exchange, 403, coderResponse(EXPERIMENT_DISABLED_MESSAGE));
}
