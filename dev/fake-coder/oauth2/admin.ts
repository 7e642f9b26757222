import { formatTimestamp } from '../clock';
import { publicRoute, RequestContext, Route } from '../router';

/**
 * `/__fake/oauth2*`: switches and inspection for browser tests. Like the
 * rest of `/__fake`, no token, JSON in and out, errors as `{message}`.
 */

function settingsView(context: RequestContext) {
  const { settings } = context.deployment.oauth2;
  return {
    experiment: settings.experiment,
    dcrEnabled: settings.dcrEnabled,
    accessTokenLifetimeSeconds: settings.accessTokenLifetimeSeconds,
    callbackUrl: settings.callbackUrl,
  };
}

/** The JSON object sent ({} when empty), or undefined after answering 400. */
async function objectBody(
  context: RequestContext,
): Promise<Record<string, unknown> | undefined> {
  const text = (await context.readText()).trim();
  if (text === '') return {};
  try {
    const body: unknown = JSON.parse(text);
    if (body !== null && typeof body === 'object' && !Array.isArray(body))
      return body as Record<string, unknown>;
  } catch {
    // Falls through to the 400 below.
  }
  context.respond(400, { message: 'The body must be a JSON object.' });
  return undefined;
}

/** POST /__fake/oauth2: change the experiment, DCR or the access-token lifetime. */
async function postSettings(context: RequestContext): Promise<void> {
  const body = await objectBody(context);
  if (!body) return;
  const { settings } = context.deployment.oauth2;
  const next = { ...settings };
  for (const [key, value] of Object.entries(body)) {
    if (
      (key === 'experiment' || key === 'dcrEnabled') &&
      typeof value === 'boolean'
    )
      next[key] = value;
    else if (
      key === 'accessTokenLifetimeSeconds' &&
      typeof value === 'number' &&
      Number.isInteger(value) &&
      value > 0
    )
      next.accessTokenLifetimeSeconds = value;
    else {
      context.respond(400, {
        message: `Bad setting ${JSON.stringify(key)}: give experiment and dcrEnabled as booleans, accessTokenLifetimeSeconds as a positive integer.`,
      });
      return;
    }
  }
  Object.assign(settings, next);
  context.respond(200, settingsView(context));
}

/** GET /__fake/oauth2/tokens: every pair ever issued, oldest first. */
function getTokens(context: RequestContext): void {
  const { oauth2, store } = context.deployment;
  context.respond(
    200,
    oauth2.pairs.map(pair => ({
      clientId: pair.appId,
      username: store.users.get(pair.userId)?.username ?? pair.userId,
      accessToken: pair.accessToken,
      refreshToken: pair.refreshToken,
      expiresAt: formatTimestamp(pair.accessExpiresAt),
      revoked: !oauth2.isLive(pair),
      ...(pair.revokedBy ? { revokedBy: pair.revokedBy } : {}),
    })),
  );
}

/** POST /__fake/oauth2/expire: live access tokens expire now; refresh tokens stay valid. */
function postExpire(context: RequestContext): void {
  context.respond(200, {
    expired: context.deployment.oauth2.expireAccessTokens(context.now),
  });
}

/** The `/__fake/oauth2*` routes, mounted by admin.ts. */
export const OAUTH2_ADMIN_ROUTES: Route[] = [
  publicRoute('GET', '/__fake/oauth2', context =>
    context.respond(200, settingsView(context)),
  ),
  publicRoute('POST', '/__fake/oauth2', postSettings),
  publicRoute('GET', '/__fake/oauth2/tokens', getTokens),
  publicRoute('POST', '/__fake/oauth2/expire', postExpire),
];

/** For GET /__fake's endpoint list. */
export const OAUTH2_ADMIN_ENDPOINTS = [
  'GET|POST /__fake/oauth2',
  'GET /__fake/oauth2/tokens',
  'POST /__fake/oauth2/expire',
];
