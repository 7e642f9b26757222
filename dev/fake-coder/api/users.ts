import { millisecondsToMicros } from '../clock';
import { forbidden } from '../errors';
import { randomAlphanumeric } from '../ids';
import type { UserRecord } from '../records';
import type { ApiContext } from '../router';
import { serializeOrganization, serializeUser } from '../serialize';
import { isOwnerRole, organizationParam, userParam } from './lookups';

/** Users, their organizations, and API keys. */

/** Every user is a member of the one (default) organization. */
function organizationIds(context: ApiContext): string[] {
  return [...context.deployment.store.organizations.keys()];
}

export function getUser(context: ApiContext): void {
  const user = userParam(context, context.params.user);
  context.respond(200, serializeUser(user, organizationIds(context)));
}

export function getUserOrganizations(context: ApiContext): void {
  userParam(context, context.params.user);
  context.respond(
    200,
    [...context.deployment.store.organizations.values()].map(
      serializeOrganization,
    ),
  );
}

export function getOrganizations(context: ApiContext): void {
  context.respond(
    200,
    [...context.deployment.store.organizations.values()].map(
      serializeOrganization,
    ),
  );
}

export function getOrganization(context: ApiContext): void {
  context.respond(
    200,
    serializeOrganization(
      organizationParam(context, context.params.organization),
    ),
  );
}

/**
 * Lifetime of the keys `POST /users/{user}/keys` and `POST /__fake/tokens`
 * mint. Named tokens (`POST /users/{user}/keys/tokens`) are in apiKeys.ts.
 */
export const API_KEY_LIFETIME_MS = 24 * 60 * 60 * 1000;

export function mintToken(
  context: Pick<ApiContext, 'deployment' | 'now'>,
  user: UserRecord,
  lifetimeMs: number,
): string {
  const id = randomAlphanumeric(10);
  const secret = randomAlphanumeric(22);
  context.deployment.store.tokens.set(id, {
    id,
    secret,
    userId: user.id,
    expiresAt: context.now + millisecondsToMicros(lifetimeMs),
  });
  return `${id}-${secret}`;
}

export function postUserKey(context: ApiContext): void {
  const user = userParam(context, context.params.user);
  if (user.id !== context.actor.id && !isOwnerRole(context.actor))
    throw forbidden();
  context.respond(201, { key: mintToken(context, user, API_KEY_LIFETIME_MS) });
}
