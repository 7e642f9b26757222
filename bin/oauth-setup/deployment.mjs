/**
 * Checks that --url is a Coder deployment and the admin token belongs to an
 * Owner: the management API (apps, secrets) needs site-wide permissions,
 * which in practice only the Owner role has (CONTRACT §7).
 */
import { SetupError } from './errors.mjs';
import { statusLine } from './http.mjs';

/** @param {import('./coder.mjs').Coder} coder */
export async function checkBuildInfo(coder) {
  const result = await coder.call('GET', '/api/v2/buildinfo');
  const version = result.json?.version;
  if (result.status !== 200 || typeof version !== 'string') {
    throw new SetupError(
      `${coder.url} does not look like Coder: GET /api/v2/buildinfo answered ${statusLine(result)}.`,
      {
        code: 'not_coder',
        hints: [
          '--url must be the Coder access URL, not Backstage or a proxy in front of it.',
        ],
      },
    );
  }
  return {
    detail: `Coder ${version} at ${coder.url}`,
    value: { version, dashboardUrl: result.json.dashboard_url },
  };
}

/** @param {import('./coder.mjs').Coder} coder */
export async function checkAdmin(coder) {
  const result = await coder.asAdmin('GET', '/api/v2/users/me');
  if (result.status === 401) {
    throw new SetupError(
      `Coder rejected the admin token (${statusLine(result)}).`,
      {
        code: 'bad_admin_token',
        hints: [
          'Export a valid token of an Owner as CODER_SESSION_TOKEN,',
          'e.g. from `coder tokens create` or the dashboard (Account → Tokens).',
        ],
      },
    );
  }
  if (result.status !== 200 || typeof result.json?.username !== 'string') {
    throw new SetupError(
      `GET /api/v2/users/me failed: ${statusLine(result)}.`,
      { code: 'users_me_failed' },
    );
  }
  const user = result.json;
  const roles = Array.isArray(user.roles)
    ? user.roles.map(role => role.name).filter(Boolean)
    : [];
  // Site roles only (organization_id empty): an org-level admin still cannot
  // create deployment-wide OAuth2 apps.
  const siteRoles = Array.isArray(user.roles)
    ? user.roles.filter(role => !role.organization_id).map(role => role.name)
    : [];
  if (!siteRoles.includes('owner')) {
    throw new SetupError(
      `${user.username} is not an Owner (roles: ${roles.join(', ') || 'member'}); creating OAuth2 apps needs the Owner role (Coder answers 403 Forbidden otherwise).`,
      {
        code: 'not_admin',
        hints: [
          'Run the command with the token of a user who has the Owner role.',
        ],
      },
    );
  }
  return {
    detail: `signed in as ${user.username} (Owner)`,
    value: { id: user.id, username: user.username },
  };
}

/**
 * The experiment list says whether `oauth2` is on. The list can miss it on a
 * dev build (which bypasses the gate, CONTRACT §7), so the caller also probes
 * a gated route: a 403 there is the authoritative "off".
 * @param {import('./coder.mjs').Coder} coder
 * @returns {Promise<boolean|undefined>} undefined when the list is unavailable
 */
export async function experimentListed(coder) {
  const result = await coder.asAdmin('GET', '/api/v2/experiments');
  if (result.status !== 200 || !Array.isArray(result.json)) return undefined;
  return result.json.includes('oauth2');
}
