/**
 * Flags and environment for `oauth-setup`. Secrets are read from the
 * environment first: flags end up in shell history and `ps` output.
 */
import { parseArgs } from 'node:util';
import { UsageError } from './errors.mjs';

export const DEFAULT_APP_NAME = 'Backstage';
const DEFAULT_TIMEOUT_SECONDS = 15;

const OPTIONS = {
  url: { type: 'string' },
  'redirect-uri': { type: 'string' },
  token: { type: 'string' },
  'app-name': { type: 'string' },
  check: { type: 'boolean' },
  'client-id': { type: 'string' },
  'client-secret': { type: 'string' },
  json: { type: 'boolean' },
  timeout: { type: 'string' },
  help: { type: 'boolean', short: 'h' },
};

/**
 * @typedef {object} Settings
 * @property {'setup'|'check'|'help'} mode
 * @property {string} url Coder's access URL, without a trailing slash
 * @property {string} redirectUri
 * @property {string} adminToken
 * @property {boolean} tokenFromFlag
 * @property {string} appName
 * @property {string} [clientId]
 * @property {string} [clientSecret]
 * @property {boolean} json
 * @property {number} timeoutMs
 */

function parseCoderUrl(raw) {
  let url;
  try {
    url = new URL(raw);
  } catch {
    throw new UsageError(`--url is not a URL: ${raw}`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new UsageError(`--url must be http(s): ${raw}`);
  }
  if (url.search || url.hash || url.username || url.password) {
    throw new UsageError(
      '--url must be the bare access URL, without credentials, query or fragment',
    );
  }
  return url.href.replace(/\/+$/, '');
}

function parseRedirectUri(raw) {
  let url;
  try {
    url = new URL(raw);
  } catch {
    throw new UsageError(`--redirect-uri is not an absolute URL: ${raw}`);
  }
  // RFC 6749 §3.1.2: a redirection endpoint must not include a fragment.
  if (url.hash || raw.includes('#')) {
    throw new UsageError('--redirect-uri must not contain a fragment (#…)');
  }
  // Kept exactly as typed: Coder compares the registered callback with the
  // redirect_uri character for character, so normalising here would hide a
  // mismatch the Backstage backend would later hit.
  return raw;
}

function parseTimeout(raw) {
  if (raw === undefined) return DEFAULT_TIMEOUT_SECONDS * 1000;
  const seconds = Number(raw);
  if (!Number.isFinite(seconds) || seconds <= 0) {
    throw new UsageError(`--timeout must be a positive number of seconds`);
  }
  return seconds * 1000;
}

/**
 * Splits `base64(client_id:client_secret)`. Never echoes the value: a typo
 * in it is still a secret.
 */
export function decodeClientCredentials(encoded) {
  const decoded = Buffer.from(encoded.trim(), 'base64').toString('utf8');
  const colon = decoded.indexOf(':');
  if (colon <= 0 || colon === decoded.length - 1) {
    throw new UsageError(
      'CODER_OAUTH_CLIENT_CREDENTIALS is not base64 of "client_id:client_secret" (value not shown)',
    );
  }
  return {
    clientId: decoded.slice(0, colon),
    clientSecret: decoded.slice(colon + 1),
  };
}

function checkCredentials(values, env) {
  const flagId = values['client-id'];
  if (values['client-secret'] !== undefined) {
    if (!flagId) {
      throw new UsageError('--client-secret needs --client-id');
    }
    return { clientId: flagId, clientSecret: values['client-secret'] };
  }
  const encoded = env.CODER_OAUTH_CLIENT_CREDENTIALS;
  if (!encoded) {
    throw new UsageError(
      '--check needs the client credentials: set CODER_OAUTH_CLIENT_CREDENTIALS (printed by the setup) or pass --client-id and --client-secret',
    );
  }
  const decoded = decodeClientCredentials(encoded);
  if (flagId && flagId !== decoded.clientId) {
    throw new UsageError(
      `--client-id ${flagId} does not match the client id inside CODER_OAUTH_CLIENT_CREDENTIALS (${decoded.clientId})`,
    );
  }
  return decoded;
}

/**
 * @param {string[]} argv the arguments after the subcommand
 * @param {Record<string, string|undefined>} env
 * @returns {Settings}
 */
export function parseSettings(argv, env) {
  let parsed;
  try {
    parsed = parseArgs({ args: argv, options: OPTIONS, strict: true });
  } catch (error) {
    throw new UsageError(error.message);
  }
  const values = parsed.values;
  if (values.help) return /** @type {Settings} */ ({ mode: 'help' });

  const rawUrl = values.url ?? env.CODER_URL;
  if (!rawUrl) {
    throw new UsageError('--url is required (the Coder access URL)');
  }
  if (!values['redirect-uri']) {
    throw new UsageError(
      '--redirect-uri is required, e.g. https://backstage.example.com/coder/oauth/callback',
    );
  }
  const adminToken = values.token ?? env.CODER_SESSION_TOKEN;
  if (!adminToken) {
    throw new UsageError(
      "No admin token: export CODER_SESSION_TOKEN (an Owner's token, e.g. from `coder tokens create`)",
    );
  }

  const mode = values.check ? 'check' : 'setup';
  if (
    mode === 'setup' &&
    (values['client-id'] !== undefined || values['client-secret'] !== undefined)
  ) {
    throw new UsageError(
      '--client-id and --client-secret only apply with --check',
    );
  }

  return {
    mode,
    url: parseCoderUrl(rawUrl),
    redirectUri: parseRedirectUri(values['redirect-uri']),
    adminToken,
    tokenFromFlag: values.token !== undefined,
    appName: values['app-name'] ?? DEFAULT_APP_NAME,
    ...(mode === 'check' ? checkCredentials(values, env) : {}),
    json: values.json ?? false,
    timeoutMs: parseTimeout(values.timeout),
  };
}
