/**
 * `--check`: one full authorization-code + PKCE round trip, the same one the
 * Backstage plugin will make, with the admin standing in for the user who
 * clicks "Allow". Each step is one report line; the first failure stops the
 * run and the rest are listed as skipped. Nothing it prints contains a token,
 * code or secret: details name endpoints, statuses and Coder's error text.
 */
import { SetupError } from './errors.mjs';
import { statusLine } from './http.mjs';
import { describeMetadata, discover, pathOf } from './discovery.mjs';
import { authorizeUrl, createPkce, randomToken } from './pkce.mjs';
import { authorizeAsAdmin } from './authorize.mjs';
import { asClient, expiresIn, readTokens, tokenError } from './client.mjs';

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
    const { status, code: found } = await authorizeAsAdmin(
      coder,
      settings,
      request,
    );
    return {
      detail: `POST ${pathOf(request.url)} as the admin (Coder-Session-Token header) → ${status} to the redirect URI with a code; state matches`,
      value: found,
    };
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
