/**
 * What the setup prints when it succeeds: the app-config snippet, the one
 * secret environment variable, and the `--check` command to run next. This is
 * the only output allowed to contain the client secret (inside the base64
 * credentials), because printing it is the point of the command.
 */

const PACKAGE = '@coder/backstage-plugin-coder';

/**
 * `base64(client_id:client_secret)`, the value the Backstage proxy puts after
 * `Basic`. Not form-encoded first: Coder reads it with Go's
 * `Request.BasicAuth`, which does not decode, and Coder's ids (UUIDs) and
 * secrets (`coder_…`) contain no characters that would need it.
 */
export function basicCredentials(clientId, clientSecret) {
  return Buffer.from(`${clientId}:${clientSecret}`, 'utf8').toString('base64');
}

/** The `app-config.yaml` lines for the plugin and the proxy route. */
export function appConfigSnippet({ url, clientId }) {
  return [
    'coder:',
    '  deployment:',
    `    accessUrl: ${url}`,
    '  oauth:',
    `    clientId: ${clientId}`,
    '    # redirectUri defaults to ${app.baseUrl}/coder/oauth/callback',
    'proxy:',
    '  endpoints:',
    '    /coder-oauth:',
    `      target: ${url}/oauth2`,
    '      changeOrigin: true',
    '      credentials: require',
    "      allowedMethods: ['POST']",
    '      headers:',
    '        Authorization: Basic ${CODER_OAUTH_CLIENT_CREDENTIALS}',
  ].join('\n');
}

/** Shell-quotes a value only when it needs it, so the common case reads cleanly. */
function shellQuote(value) {
  return /^[A-Za-z0-9_./:@%+=,-]+$/.test(value)
    ? value
    : `'${value.replace(/'/g, `'\\''`)}'`;
}

/** The `--check` command line; its secrets come from the environment. */
export function checkCommand({ url, redirectUri, clientId }) {
  return [
    `npx ${PACKAGE} oauth-setup --check`,
    `--url ${shellQuote(url)}`,
    `--redirect-uri ${shellQuote(redirectUri)}`,
    `--client-id ${shellQuote(clientId)}`,
  ].join(' ');
}

/**
 * The human-readable result, printed after the step report. Not indented, so
 * each block can be copied as it is into YAML, an env file or a shell.
 */
export function setupText({ url, redirectUri, registration, credentials }) {
  return [
    '',
    '# 1. Add to app-config.yaml:',
    '',
    appConfigSnippet({ url, clientId: registration.clientId }),
    '',
    "# 2. Put this in the Backstage backend's secret store (Kubernetes secret,",
    '#    vault, …), never in app-config.yaml or git. It holds the client secret,',
    '#    and this is the only time it is shown:',
    '',
    `CODER_OAUTH_CLIENT_CREDENTIALS=${credentials}`,
    '',
    '# 3. Then check the whole OAuth2 round trip, with CODER_SESSION_TOKEN and',
    '#    CODER_OAUTH_CLIENT_CREDENTIALS exported in the shell:',
    '',
    checkCommand({ url, redirectUri, clientId: registration.clientId }),
    '',
  ].join('\n');
}

/** The `--json` result: one object with everything a script needs. */
export function setupJson({
  url,
  redirectUri,
  registration,
  credentials,
  steps,
  warnings,
}) {
  return {
    ok: true,
    accessUrl: url,
    redirectUri,
    registration: registration.method,
    appName: registration.appName,
    clientId: registration.clientId,
    clientSecret: registration.clientSecret,
    env: { CODER_OAUTH_CLIENT_CREDENTIALS: credentials },
    appConfig: appConfigSnippet({ url, clientId: registration.clientId }),
    checkCommand: checkCommand({
      url,
      redirectUri,
      clientId: registration.clientId,
    }),
    notes: registration.notes,
    warnings,
    steps,
  };
}
