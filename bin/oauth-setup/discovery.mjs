/**
 * Authorization server metadata (RFC 8414) from
 * `/.well-known/oauth-authorization-server`, with Coder's documented paths as
 * the fallback for deployments that predate the metadata route. Also the
 * place that recognises "the oauth2 experiment is off": every gated route
 * answers 403 with Coder's message (CONTRACT §7).
 */
import { SetupError } from './errors.mjs';
import { describeBody, statusLine } from './http.mjs';

export const METADATA_PATH = '/.well-known/oauth-authorization-server';

/** The error for a 403 from a gated OAuth2 route, quoting what Coder said. */
export function experimentOff(result) {
  return new SetupError(
    `Coder's OAuth2 provider is off (HTTP 403: ${describeBody(result)})`,
    {
      code: 'experiment_off',
      hints: [
        'Enable the oauth2 experiment on the Coder server and restart it:',
        '  CODER_EXPERIMENTS=oauth2   (or `coder server --experiments oauth2`;',
        '  keep any experiments already listed, comma-separated)',
      ],
    },
  );
}

/**
 * @typedef {object} Metadata
 * @property {string} issuer
 * @property {string} authorizationEndpoint
 * @property {string} tokenEndpoint
 * @property {string} revocationEndpoint
 * @property {string} [registrationEndpoint] present only when DCR is on
 * @property {string[]} codeChallengeMethods
 * @property {string[]} authMethods
 * @property {'rfc8414'|'fallback'} source
 */

/** Coder's documented endpoints (CONTRACT §7), used when metadata is missing. */
function documentedPaths(url) {
  return {
    issuer: url,
    authorizationEndpoint: `${url}/oauth2/authorize`,
    tokenEndpoint: `${url}/oauth2/tokens`,
    revocationEndpoint: `${url}/oauth2/revoke`,
    registrationEndpoint: undefined,
    codeChallengeMethods: ['S256'],
    authMethods: ['client_secret_basic', 'client_secret_post'],
    source: /** @type {const} */ ('fallback'),
  };
}

const stringOr = (value, fallback) =>
  typeof value === 'string' && value !== '' ? value : fallback;
const listOr = (value, fallback) => (Array.isArray(value) ? value : fallback);

/**
 * @param {import('./coder.mjs').Coder} coder
 * @returns {Promise<Metadata>}
 */
export async function discover(coder) {
  const result = await coder.call('GET', METADATA_PATH);
  if (result.status === 403) throw experimentOff(result);
  if (result.status === 404) return documentedPaths(coder.url);
  const body = result.json;
  if (result.status !== 200 || !body || typeof body !== 'object') {
    throw new SetupError(
      `GET ${METADATA_PATH} failed: ${statusLine(result)}.`,
      { code: 'discovery_failed' },
    );
  }
  const fallback = documentedPaths(coder.url);
  if (typeof body.token_endpoint !== 'string') {
    throw new SetupError(
      `${METADATA_PATH} has no token_endpoint; this is not OAuth2 authorization server metadata.`,
      { code: 'discovery_failed' },
    );
  }
  return {
    issuer: stringOr(body.issuer, fallback.issuer),
    authorizationEndpoint: stringOr(
      body.authorization_endpoint,
      fallback.authorizationEndpoint,
    ),
    tokenEndpoint: body.token_endpoint,
    revocationEndpoint: stringOr(
      body.revocation_endpoint,
      fallback.revocationEndpoint,
    ),
    registrationEndpoint: stringOr(body.registration_endpoint, undefined),
    codeChallengeMethods: listOr(
      body.code_challenge_methods_supported,
      fallback.codeChallengeMethods,
    ),
    authMethods: listOr(
      body.token_endpoint_auth_methods_supported,
      fallback.authMethods,
    ),
    source: 'rfc8414',
  };
}

/** Path of an endpoint for report lines: shorter than the URL, same meaning. */
export function pathOf(endpoint) {
  try {
    return new URL(endpoint).pathname;
  } catch {
    return endpoint;
  }
}

/**
 * What the report says about the metadata, plus warnings for anything that
 * would break the Backstage side later.
 * @param {Metadata} metadata
 * @param {string} url the --url given
 */
export function describeMetadata(metadata, url) {
  const warnings = [];
  if (
    metadata.source === 'rfc8414' &&
    metadata.issuer.replace(/\/+$/, '') !== url
  ) {
    warnings.push(
      `Coder's issuer is ${metadata.issuer}, not --url ${url}: Coder builds its OAuth2 URLs from its access URL (CODER_ACCESS_URL); use that as --url.`,
    );
  }
  if (!metadata.codeChallengeMethods.includes('S256')) {
    warnings.push(
      'The metadata does not list PKCE S256, which the Backstage plugin uses.',
    );
  }
  if (!metadata.authMethods.includes('client_secret_basic')) {
    warnings.push(
      'The metadata does not list client_secret_basic, which the Backstage proxy config uses.',
    );
  }
  const source =
    metadata.source === 'rfc8414'
      ? `${METADATA_PATH} (RFC 8414)`
      : `no ${METADATA_PATH} (404); using Coder's documented /oauth2/* paths`;
  const dcr = metadata.registrationEndpoint
    ? 'dynamic client registration on'
    : 'dynamic client registration off';
  return {
    detail: `${source}; token endpoint ${pathOf(metadata.tokenEndpoint)}; ${dcr}`,
    warnings,
  };
}
