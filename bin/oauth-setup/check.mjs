/**
 * `--check`: one full authorization-code + PKCE round trip, the same one the
 * Backstage plugin will make, with the admin standing in for the user who
 * clicks "Allow". Each step is one report line; the first failure stops the
 * run and the rest are listed as skipped. Nothing it prints contains a token,
 * code or secret: details name endpoints, statuses and Coder's error text.
 */
import { SetupError } from './errors.mjs';
import { describeBody, statusLine } from './http.mjs';
import {
  describeMetadata,
  discover,
  experimentOff,
  pathOf,
} from './discovery.mjs';
import { authorizeUrl, createPkce, randomToken } from './pkce.mjs';
import { basicCredentials } from './output.mjs';

export const CHECK_STEPS = [
  'Discovery',
  'Authorize URL',
  'Authorize as the admin',
  'Code exchange',
  'Access token',
  'Refresh (rotation)',
  'Revoke',
  'Revoked tokens refused',
];

const CLIENT_SECRET_HINTS = [
  'CODER_OAUTH_CLIENT_CREDENTIALS (or --client-secret) does not hold a current secret of this app.',
  'Re-run the setup without --check: it reuses the app and prints new credentials.',
];

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

/** POST to the token (or revocation) endpoint as the client, by HTTP Basic. */
function asClient(coder, endpoint, settings, form) {
  return coder.call('POST', endpoint, {
    // client_id is repeated in the body (same value, so not "conflicting"):
    // Coder's middleware looks the app up from it before reading credentials.
    form: { ...form, client_id: settings.clientId },
    headers: {
      Authorization: `Basic ${basicCredentials(settings.clientId, settings.clientSecret)}`,
    },
  });
}

function tokenError(result, what) {
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

function readTokens(result, what) {
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

function expiresIn(seconds) {
  if (typeof seconds !== 'number') return 'no expires_in';
  if (seconds >= 3600) return `expires in ${Math.round(seconds / 3600)} h`;
  return `expires in ${Math.round(seconds / 60)} min`;
}

/**
 * @param {import('./coder.mjs').Coder} coder
 * @param {import('./report.mjs').Reporter} report
 * @param {import('./args.mjs').Settings} settings
 */
export async function runCheck(coder, report, settings) {
  const remaining = [...CHECK_STEPS];
  const step = async run => {
    const title = remaining.shift();
    try {
      return await report.step(title, run);
    } catch (error) {
      report.skip(remaining);
      throw error;
    }
  };

  const metadata = await step(async () => {
    const found = await discover(coder);
    const described = describeMetadata(found, coder.url);
    described.warnings.forEach(warning => report.warn(warning));
    return { detail: described.detail, value: found };
  });

  const request = await step(async () => {
    const pkce = createPkce();
    const state = randomToken();
    const url = authorizeUrl(metadata.authorizationEndpoint, {
      clientId: settings.clientId,
      redirectUri: settings.redirectUri,
      state,
      challenge: pkce.challenge,
    });
    return {
      detail: `${pathOf(url)} with response_type=code, PKCE S256 (${pkce.verifier.length}-character verifier), random state`,
      value: { url, state, pkce },
    };
  });

  const code = await step(async () => {
    // The admin's session token goes in the Coder-Session-Token header and no
    // cookie is sent: coderd/httpmw/csrf.go exempts requests without the
    // session cookie from CSRF, so no consent-page form token is needed.
    const result = await coder.asAdmin('POST', request.url, {
      redirect: 'manual',
    });
    if (result.status >= 300 && result.status < 400) {
      const found = await readRedirect(coder, settings, result, request.state);
      return {
        detail: `POST ${pathOf(request.url)} → ${result.status} to the redirect URI with a code; state matches`,
        value: found,
      };
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
  });

  const tokens = await step(async () => {
    const result = await asClient(coder, metadata.tokenEndpoint, settings, {
      grant_type: 'authorization_code',
      code,
      code_verifier: request.pkce.verifier,
      redirect_uri: settings.redirectUri,
    });
    const body = readTokens(result, 'The code exchange');
    return {
      detail: `POST ${pathOf(metadata.tokenEndpoint)} with HTTP Basic client credentials and the code_verifier → 200; token_type ${body.token_type}, access token ${expiresIn(body.expires_in)}, refresh token issued`,
      value: body,
    };
  });

  await step(async () => {
    const result = await coder.asBearer(
      tokens.access_token,
      'GET',
      '/api/v2/users/me',
    );
    if (result.status !== 200) {
      throw new SetupError(
        `Coder refused the new access token: GET /api/v2/users/me answered ${statusLine(result)}.`,
        { code: 'access_token_refused' },
      );
    }
    return {
      detail: `GET /api/v2/users/me with Authorization: Bearer → 200 as ${result.json?.username}`,
    };
  });

  const refreshed = await step(async () => {
    const result = await asClient(coder, metadata.tokenEndpoint, settings, {
      grant_type: 'refresh_token',
      refresh_token: tokens.refresh_token,
    });
    const body = readTokens(result, 'The refresh grant');
    if (body.refresh_token === tokens.refresh_token) {
      throw new SetupError(
        'The refresh grant returned the same refresh token; Coder rotates them.',
        {
          code: 'no_rotation',
        },
      );
    }
    const reused = await asClient(coder, metadata.tokenEndpoint, settings, {
      grant_type: 'refresh_token',
      refresh_token: tokens.refresh_token,
    });
    if (reused.status === 200) {
      throw new SetupError(
        'The old refresh token still works after it was used: refresh tokens are not rotated.',
        { code: 'no_rotation' },
      );
    }
    return {
      detail: `grant_type=refresh_token → 200 with a new token pair; the old refresh token is now refused (${statusLine(reused)})`,
      value: body,
    };
  });

  await step(async () => {
    const result = await asClient(
      coder,
      metadata.revocationEndpoint,
      settings,
      {
        token: refreshed.refresh_token,
        token_type_hint: 'refresh_token',
      },
    );
    if (result.status !== 200) {
      if (result.status === 401) throw tokenError(result, 'Revocation');
      throw new SetupError(
        `POST ${pathOf(metadata.revocationEndpoint)} failed: ${statusLine(result)}.`,
        {
          code: 'revoke_failed',
          hints:
            result.status === 404
              ? [
                  'Token revocation (RFC 7009) needs a Coder release from after October 2025.',
                ]
              : [],
        },
      );
    }
    return {
      detail: `POST ${pathOf(metadata.revocationEndpoint)} (refresh token, RFC 7009) → 200`,
    };
  });

  await step(async () => {
    const access = await coder.asBearer(
      refreshed.access_token,
      'GET',
      '/api/v2/users/me',
    );
    if (access.status !== 401) {
      throw new SetupError(
        `The access token still works after its refresh token was revoked (GET /api/v2/users/me → ${access.status}).`,
        { code: 'revoke_ineffective' },
      );
    }
    const refresh = await asClient(coder, metadata.tokenEndpoint, settings, {
      grant_type: 'refresh_token',
      refresh_token: refreshed.refresh_token,
    });
    if (refresh.status === 200) {
      throw new SetupError('The revoked refresh token still works.', {
        code: 'revoke_ineffective',
      });
    }
    return {
      detail: `access token → 401 at /api/v2/users/me; refresh token refused (${statusLine(refresh)})`,
    };
  });
}
