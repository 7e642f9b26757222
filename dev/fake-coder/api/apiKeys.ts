import { formatTimestamp, Micros } from '../clock';
import { apiError, notFound } from '../errors';
import { decodeStruct, FieldKind, withExactNumbers } from '../goJson';
import { formatGoDuration, goQuote, parseGoBool } from '../goText';
import { parseJsonBody } from '../body';
import { randomAlphanumeric } from '../ids';
import type { TokenRecord, UserRecord } from '../records';
import type { ApiContext } from '../router';
import { isOwnerRole, readableUserParam } from './lookups';

/**
 * Named API tokens, after coderd/apikey.go (postToken, tokens, tokenConfig,
 * deleteAPIKey, validateAPIKeyLifetime, getMaxTokenLifetime), with the routes
 * of coderd/coderd.go (`/users/{user}` behind apiKeyMiddleware and
 * ExtractUserParam; `/keys/tokens` and `/keys/{keyid}`), the JSON of
 * codersdk/apikey.go and the checks dbauthz adds (InsertAPIKey,
 * DeleteAPIKeyByID, GetAPIKeysByUserID).
 *
 * Not modelled: `allow_list` (accepted and ignored; keys allow `*:*`), and
 * scopes other than `coder:all` restricting what a key may do: the fake
 * stores and lists them but a scoped key authenticates like any other.
 */

const NANOS_PER_HOUR = 3_600_000_000_000n;

/**
 * The deployment's session settings at their defaults (codersdk/deployment.go
 * `Sessions`): CODER_DEFAULT_TOKEN_LIFETIME 7 days, CODER_MAX_TOKEN_LIFETIME
 * 100 years and 25 leap days, CODER_MAX_ADMIN_TOKEN_LIFETIME 7 days.
 */
export const TOKEN_LIFETIMES = {
  defaultLifetime: 7n * 24n * NANOS_PER_HOUR,
  maxLifetime: (100n * 365n + 25n) * 24n * NANOS_PER_HOUR,
  maxAdminLifetime: 7n * 24n * NANOS_PER_HOUR,
} as const;

/** codersdk.CreateTokenRequest (allow_list is not decoded; see above). */
const CREATE_TOKEN_FIELDS: Record<string, FieldKind> = {
  lifetime: { kind: 'duration' },
  scope: { kind: 'string', goType: 'codersdk.APIKeyScope' },
  scopes: { kind: 'stringList', goType: 'codersdk.APIKeyScope' },
  token_name: { kind: 'string' },
};

/**
 * rbac.IsExternalScope (coderd/rbac/scopes_catalog.go): the aliases `all`
 * and `application_connect`, the canonical `coder:all` and
 * `coder:application_connect`, and the curated low-level and composite names.
 */
const SCOPE_ALIASES = new Map([
  ['all', 'coder:all'],
  ['application_connect', 'coder:application_connect'],
]);
const EXTERNAL_SCOPES = new Set([
  'coder:all',
  'coder:application_connect',
  'api_key:*',
  'api_key:create',
  'api_key:delete',
  'api_key:read',
  'api_key:update',
  'coder:apikeys.manage_self',
  'coder:templates.author',
  'coder:templates.build',
  'coder:workspaces.access',
  'coder:workspaces.create',
  'coder:workspaces.delete',
  'coder:workspaces.operate',
  'file:*',
  'file:create',
  'file:read',
  'organization:*',
  'organization:delete',
  'organization:read',
  'organization:update',
  'task:*',
  'task:create',
  'task:delete',
  'task:read',
  'task:update',
  'template:*',
  'template:create',
  'template:delete',
  'template:read',
  'template:update',
  'template:use',
  'user:*',
  'user:read',
  'user:read_personal',
  'user:update_personal',
  'user_secret:*',
  'user_secret:create',
  'user_secret:delete',
  'user_secret:read',
  'user_secret:update',
  'user_skill:*',
  'user_skill:create',
  'user_skill:delete',
  'user_skill:read',
  'user_skill:update',
  'workspace:*',
  'workspace:application_connect',
  'workspace:create',
  'workspace:delete',
  'workspace:read',
  'workspace:ssh',
  'workspace:start',
  'workspace:stop',
  'workspace:update',
]);

function isExternalScope(name: string): boolean {
  return SCOPE_ALIASES.has(name) || EXTERNAL_SCOPES.has(name);
}

function unsupportedScope(name: string) {
  return apiError(
    400,
    'Failed to create API key.',
    `invalid or unsupported API key scope: ${goQuote(name)}`,
  );
}

/** postToken's scope mapping: the default, `scopes`, or the legacy `scope`. */
function requestedScopes(body: Record<string, unknown>): string[] {
  const scopes = (body.scopes as string[] | undefined) ?? [];
  if (scopes.length > 0) {
    for (const name of scopes)
      if (!isExternalScope(name)) throw unsupportedScope(name);
    // Stored as given: the aliases are not api_key_scope values, so
    // apikey.Generate refuses them (a 500 in Coder too).
    const alias = scopes.find(name => SCOPE_ALIASES.has(name));
    if (alias !== undefined) {
      throw apiError(
        500,
        'Failed to create API key.',
        `generate API key: invalid API key scope: ${goQuote(alias)}`,
      );
    }
    return scopes;
  }
  const scope = (body.scope as string | undefined) ?? '';
  if (scope !== '') {
    if (!isExternalScope(scope)) throw unsupportedScope(scope);
    return [SCOPE_ALIASES.get(scope) ?? scope];
  }
  return ['coder:all'];
}

/** getMaxTokenLifetime: by the roles of the user the token is for. */
function maxTokenLifetime(user: UserRecord): bigint {
  return isOwnerRole(user)
    ? TOKEN_LIFETIMES.maxAdminLifetime
    : TOKEN_LIFETIMES.maxLifetime;
}

/** validateAPIKeyLifetime. */
function lifetimeProblem(user: UserRecord, lifetime: bigint) {
  if (lifetime <= 0n) return 'lifetime must be positive number greater than 0';
  const max = maxTokenLifetime(user);
  if (lifetime > max)
    return `lifetime must be less than ${formatGoDuration(max)}`;
  return undefined;
}

/**
 * namesgenerator.NameDigitWith("_"): `adjective_surname42`. Coder's word
 * lists are far longer; the fake draws again rather than collide with one of
 * the user's names, which Coder would (very rarely) answer with a 409.
 */
function generatedTokenName(taken: (name: string) => boolean): string {
  const adjectives = ['brave', 'calm', 'eager', 'gentle', 'happy', 'jolly'];
  const surnames = ['hopper', 'lovelace', 'turing', 'ritchie', 'knuth', 'kay'];
  const pick = (words: string[]) =>
    words[Math.floor(Math.random() * words.length)];
  for (;;) {
    const digits = String(Math.floor(Math.random() * 100)).padStart(2, '0');
    const name = `${pick(adjectives)}_${pick(surnames)}${digits}`;
    if (!taken(name)) return name;
  }
}

/** Nanoseconds to the fake's microseconds, as Postgres rounds them. */
function nanosToMicros(nanoseconds: bigint): Micros {
  return Number((nanoseconds + 500n) / 1000n);
}

/** POST /users/{user}/keys/tokens: 201 `{"key": "<id>-<secret>"}`. */
export async function postToken(context: ApiContext): Promise<void> {
  const user = readableUserParam(context, context.params.user);
  // httpapi.Read: Go's encoding/json; durations need the literal.
  const text = await context.readText();
  const body = decodeStruct(
    withExactNumbers(parseJsonBody(text), text),
    'CreateTokenRequest',
    CREATE_TOKEN_FIELDS,
  );
  const scopes = requestedScopes(body);
  const { store } = context.deployment;
  const taken = (name: string) =>
    [...store.tokens.values()].some(
      token => token.userId === user.id && token.named?.tokenName === name,
    );
  const tokenName =
    (body.token_name as string | undefined) || generatedTokenName(taken);

  const lifetime = (body.lifetime as bigint | undefined) ?? 0n;
  let expiresAt: Micros;
  let lifetimeSeconds: number;
  if (lifetime !== 0n) {
    const problem = lifetimeProblem(user, lifetime);
    if (problem)
      throw apiError(
        400,
        'Failed to validate create API key request.',
        problem,
      );
    expiresAt = context.now + nanosToMicros(lifetime);
    lifetimeSeconds = Number(lifetime / 1_000_000_000n);
  } else {
    // apikey.Generate: the deployment's default token lifetime.
    expiresAt = context.now + nanosToMicros(TOKEN_LIFETIMES.defaultLifetime);
    lifetimeSeconds = Number(TOKEN_LIFETIMES.defaultLifetime / 1_000_000_000n);
  }

  // dbauthz InsertAPIKey: create on api_key owned by the user. Only owners
  // reach this for someone else (readableUserParam), and they may.
  // idx_api_key_name: unique (user_id, token_name) among `token` keys,
  // expired ones included.
  if (taken(tokenName)) {
    throw apiError(
      409,
      `A token with name ${goQuote(tokenName)} already exists.`,
      undefined,
      [
        {
          field: 'name',
          detail: 'This value is already in use and should be unique.',
        },
      ],
    );
  }

  const id = randomAlphanumeric(10);
  const secret = randomAlphanumeric(22);
  store.tokens.set(id, {
    id,
    secret,
    userId: user.id,
    expiresAt,
    named: {
      tokenName,
      scopes,
      lifetimeSeconds,
      createdAt: context.now,
      updatedAt: context.now,
      lastUsed: 0,
    },
  });
  context.respond(201, { key: `${id}-${secret}` });
}

/** convertAPIKey with the owner's username (codersdk.APIKeyWithOwner). */
function serializeToken(
  token: TokenRecord & { named: NonNullable<TokenRecord['named']> },
  username: string,
) {
  const { named } = token;
  let scope = '';
  if (named.scopes.includes('coder:application_connect'))
    scope = 'application_connect';
  else if (named.scopes.includes('coder:all')) scope = 'all';
  return {
    id: token.id,
    user_id: token.userId,
    last_used: formatTimestamp(named.lastUsed),
    expires_at: formatTimestamp(token.expiresAt),
    created_at: formatTimestamp(named.createdAt),
    updated_at: formatTimestamp(named.updatedAt),
    login_type: 'token',
    scope,
    scopes: named.scopes,
    token_name: named.tokenName,
    lifetime_seconds: named.lifetimeSeconds,
    allow_list: ['*:*'],
    username,
  };
}

/**
 * GET /users/{user}/keys/tokens[?include_all=…&include_expired=…]: the
 * `token` keys of the user (or of everyone the caller may read with
 * include_all), unexpired unless include_expired; `null` when there are none,
 * as Go encodes a nil slice.
 */
export function getTokens(context: ApiContext): void {
  const user = readableUserParam(context, context.params.user);
  const flag = (name: string) => {
    const parsed = parseGoBool(context.url.searchParams.get(name) ?? '');
    return parsed.ok && parsed.value;
  };
  const includeAll = flag('include_all');
  const includeExpired = flag('include_expired');
  const { store } = context.deployment;
  const listed = [];
  for (const token of store.tokens.values()) {
    if (!token.named) continue;
    if (!includeAll && token.userId !== user.id) continue;
    if (!includeExpired && !(token.expiresAt > context.now)) continue;
    // AuthorizeFilter: read on each key; members read only their own.
    if (token.userId !== context.actor.id && !isOwnerRole(context.actor))
      continue;
    listed.push(
      serializeToken(
        { ...token, named: token.named },
        store.users.get(token.userId)?.username ?? '',
      ),
    );
  }
  context.respond(200, listed.length > 0 ? listed : null);
}

/** GET /users/{user}/keys/tokens/tokenconfig: codersdk.TokenConfig. */
export function getTokenConfig(context: ApiContext): void {
  const user = readableUserParam(context, context.params.user);
  // A time.Duration is JSON nanoseconds; both defaults are exact doubles.
  context.respond(200, { max_token_lifetime: Number(maxTokenLifetime(user)) });
}

/**
 * DELETE /users/{user}/keys/{keyid}: 204. The key is looked up by id alone
 * ({user} only has to resolve); dbauthz DeleteAPIKeyByID needs delete on the
 * key, which owners have on every key and members on their own, and answers
 * anyone else like a missing key (404).
 */
export function deleteApiKey(context: ApiContext): void {
  readableUserParam(context, context.params.user);
  const { store } = context.deployment;
  const key = store.tokens.get(context.params.keyid);
  if (!key || (key.userId !== context.actor.id && !isOwnerRole(context.actor)))
    throw notFound();
  store.tokens.delete(key.id);
  context.respondEmpty(204);
}
