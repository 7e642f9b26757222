import type { CoderApi } from '../api/CoderApi';
import { isCoderResponseError } from '../api/errors';

/*
 * The API keys behind "VS Code Desktop" and `$SESSION_TOKEN` app links. Each link hands
 * Coder's desktop extension a key of its own; minting a session-length key per click
 * (`POST /users/me/keys`) left a trail of unnamed full-access keys. Instead one named,
 * short-lived token is minted per linked session and reused while it has time left,
 * and every token minted here is revoked when the account is unlinked.
 *
 * Keys live in memory only (never in storage, a query cache or a URL that is rendered),
 * one record per CoderApi instance, i.e. per Backstage app.
 */

/** What every minted token is called, followed by a random suffix (see tokenName). */
export const CODER_WORKSPACE_KEY_NAME_PREFIX = 'backstage-vscode-';

/**
 * How long a minted token lives: a working day with room to spare. Coder accepts
 * lifetimes above 0 up to the deployment's maximum, by default 7 days for owners and
 * 100 years for everyone else (codersdk/deployment.go, coderd/apikey.go
 * validateAPIKeyLifetime).
 */
export const CODER_WORKSPACE_KEY_LIFETIME_MS = 24 * 60 * 60 * 1000;

/**
 * A token is handed out again only while it has this long left: the desktop extension
 * keeps the key it gets for as long as the window stays open.
 */
const REUSE_MARGIN_MS = 12 * 60 * 60 * 1000;

const NANOSECONDS_PER_MS = 1_000_000;

interface MintedKey {
  key: string;
  id: string;
  expiresAt: number;
}

interface KeyRecord {
  /** The token for the session version it was minted in, or being minted. */
  current?: { sessionVersion: number; minted: Promise<MintedKey> };
  /** Every token minted and not yet revoked, the current one included. */
  minted: Set<MintedKey>;
}

const records = new WeakMap<CoderApi, KeyRecord>();

function recordFor(api: CoderApi): KeyRecord {
  let record = records.get(api);
  if (!record) {
    record = { minted: new Set() };
    records.set(api, record);
  }
  return record;
}

/**
 * Coder's naming of its own resources (letters, digits, single hyphens, at most 32
 * characters) though token names are free text, so the name reads well everywhere
 * Coder lists tokens. 8 random characters make a clash (409) practically impossible.
 */
function tokenName(): string {
  const alphabet = 'abcdefghijklmnopqrstuvwxyz0123456789';
  const bytes = crypto.getRandomValues(new Uint8Array(8));
  let suffix = '';
  for (const byte of bytes) suffix += alphabet[byte % alphabet.length];
  return `${CODER_WORKSPACE_KEY_NAME_PREFIX}${suffix}`;
}

async function mint(api: CoderApi, now: () => number): Promise<MintedKey> {
  const request = () =>
    api.createToken('me', {
      token_name: tokenName(),
      lifetime: CODER_WORKSPACE_KEY_LIFETIME_MS * NANOSECONDS_PER_MS,
    });
  const startedAt = now();
  let key: string;
  try {
    key = await request();
  } catch (error) {
    // A name already taken (409): another random one.
    if (!isCoderResponseError(error) || error.coder.status !== 409) throw error;
    key = await request();
  }
  // Coder keys are `<id>-<secret>`; the id names the key in DELETE /keys/{id}.
  return {
    key,
    id: key.split('-')[0],
    expiresAt: startedAt + CODER_WORKSPACE_KEY_LIFETIME_MS,
  };
}

/**
 * A Coder API key for a desktop hand-off (VS Code, `$SESSION_TOKEN` apps): the token
 * minted earlier in this session (`sessionVersion`) while it has at least 12 hours
 * left, else a new one, `POST /api/v2/users/me/keys/tokens` named
 * `backstage-vscode-<random>` with a 24-hour lifetime. Clicks at the same time share
 * one request. Put the key only into the URL handed to the desktop, at click time.
 *
 * @public
 */
export async function workspaceKey(
  api: CoderApi,
  sessionVersion: number,
  now: () => number = Date.now,
): Promise<string> {
  const record = recordFor(api);
  const { current } = record;
  if (current?.sessionVersion === sessionVersion) {
    const minted = await current.minted.catch(() => undefined);
    if (minted && minted.expiresAt - now() > REUSE_MARGIN_MS) return minted.key;
    // Expired, failed or revoked meanwhile: another click may already mint anew.
    if (record.current !== current) {
      return workspaceKey(api, sessionVersion, now);
    }
  }
  const minted = mint(api, now).then(result => {
    // Recorded as soon as it exists, so an unlink racing this click revokes it too.
    record.minted.add(result);
    return result;
  });
  const attempt = { sessionVersion, minted };
  record.current = attempt;
  try {
    return (await minted).key;
  } catch (error) {
    if (record.current === attempt) record.current = undefined;
    throw error;
  }
}

/**
 * Revokes every token {@link workspaceKey} minted through `api`
 * (`DELETE /api/v2/users/me/keys/{id}`) and forgets them. Call it when the account is
 * unlinked, before or after the session token is cleared: each token authenticates its
 * own deletion. Best effort, never rejects: unlinking must work while Coder is down,
 * and the tokens expire by themselves within a day.
 *
 * @public
 */
export async function revokeWorkspaceKeys(api: CoderApi): Promise<void> {
  const record = records.get(api);
  if (!record) return;
  const pending = record.current?.minted;
  record.current = undefined;
  // A token still being minted is revoked as soon as it arrives.
  await pending?.catch(() => undefined);
  const minted = [...record.minted];
  record.minted.clear();
  await Promise.all(
    minted.map(({ key, id }) =>
      api.deleteApiKey('me', id, { sessionToken: key }).catch(() => undefined),
    ),
  );
}
