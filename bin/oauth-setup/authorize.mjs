/**
 * The authorization step of `--check`: Coder's consent page is skipped by
 * POSTing the authorization request directly as the admin, then the code is
 * read off the 302 without following it (the redirect URI is Backstage,
 * which need not be reachable from here).
 */
import { SetupError } from './errors.mjs';
import { describeBody, statusLine } from './http.mjs';
import { experimentOff } from './discovery.mjs';

/** Lists the app's registered callback, to show next to a rejected redirect URI. */
async function registeredCallback(coder, clientId) {
  try {
    const result = await coder.asAdmin(
      'GET',
      `/api/v2/oauth2-provider/apps/${encodeURIComponent(clientId)}`,
    );
    const callback = result.json?.callback_url;
    return typeof callback === 'string' ? callback : undefined;
  } catch {
    return undefined; // only decoration for the error message
  }
}

async function wrongRedirect(coder, settings, said) {
  const registered = await registeredCallback(coder, settings.clientId);
  return new SetupError(
    `Coder rejected the redirect URI ${settings.redirectUri}${said ? ` (${said})` : ''}.`,
    {
      code: 'redirect_uri_mismatch',
      hints: [
        "The app's registered callback URL must equal exactly the redirect URI given (--redirect-uri),",
        'scheme, host, port, path and trailing slash included.',
        ...(registered ? [`Registered callback URL: ${registered}`] : []),
        'Re-run the setup with the right --redirect-uri, or fix the app in Deployment → OAuth2 Applications.',
      ],
    },
  );
}

/** Same scheme, host, port and path: where the code was sent. */
function sameEndpoint(a, b) {
  return a.origin === b.origin && a.pathname === b.pathname;
}

/** The `code` from the authorize response, after checking where it points. */
async function readRedirect(coder, settings, result, state) {
  const location = result.headers.get('location');
  if (!location) {
    throw new SetupError(
      `POST /oauth2/authorize answered ${result.status} without a Location header.`,
      { code: 'authorize_failed' },
    );
  }
  const target = new URL(location, coder.url);
  const coderOrigin = new URL(coder.url).origin;
  if (target.origin === coderOrigin && target.pathname.startsWith('/login')) {
    throw new SetupError(
      'Coder did not accept the admin token at /oauth2/authorize (it redirected to its login page).',
      {
        code: 'bad_admin_token',
        hints: ['Export a valid Owner token as CODER_SESSION_TOKEN.'],
      },
    );
  }
  if (!sameEndpoint(target, new URL(settings.redirectUri))) {
    throw await wrongRedirect(
      coder,
      settings,
      `Coder redirected to ${target.origin}${target.pathname} instead`,
    );
  }
  const params = target.searchParams;
  if (params.get('error')) {
    const description = params.get('error_description');
    throw new SetupError(
      `Coder redirected back with error ${params.get('error')}${description ? `: ${description}` : ''}.`,
      { code: 'authorize_failed' },
    );
  }
  if (params.get('state') !== state) {
    throw new SetupError(
      'The state in the redirect does not match the one sent: Backstage would reject this response.',
      { code: 'state_mismatch' },
    );
  }
  const code = params.get('code');
  if (!code) {
    throw new SetupError('The redirect carries no authorization code.', {
      code: 'authorize_failed',
    });
  }
  return code;
}

/**
 * POSTs the authorization request as the admin and returns the redirect's
 * status and code, or throws a SetupError saying what Coder objected to.
 * @param {import('./coder.mjs').Coder} coder
 * @param {{ url: string, state: string }} request
 */
export async function authorizeAsAdmin(coder, settings, request) {
  // The admin's session token goes in the Coder-Session-Token header and no
  // cookie is sent: coderd/httpmw/csrf.go exempts requests without the
  // session cookie from CSRF, so no consent-page form token is needed.
  const result = await coder.asAdmin('POST', request.url, {
    redirect: 'manual',
  });
  if (result.status >= 300 && result.status < 400) {
    const code = await readRedirect(coder, settings, result, request.state);
    return { status: result.status, code };
  }
  const said = describeBody(result);
  if (result.status === 400 && /redirect_uri/i.test(said)) {
    throw await wrongRedirect(coder, settings, said);
  }
  if (result.status === 403) throw experimentOff(result);
  if (result.status === 401 || result.status === 404) {
    throw new SetupError(
      `Coder does not accept client id ${settings.clientId} (${statusLine(result)}).`,
      {
        code: 'unknown_client',
        hints: [
          'Use the client id printed by the setup (coder.oauth.clientId).',
        ],
      },
    );
  }
  throw new SetupError(
    `POST /oauth2/authorize failed: ${statusLine(result)}.`,
    {
      code: 'authorize_failed',
    },
  );
}
