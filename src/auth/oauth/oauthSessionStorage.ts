/**
 * What every tab may read about the OAuth session: which access token it is and when it
 * expires, by this browser's clock. The refresh token is never part of it.
 */
export interface OAuthSessionRecord {
  clientId: string;
  accessToken: string;
  /** When the access token stops working, by this browser's clock. */
  expiresAt: number;
  /** When this browser received it, by its own clock. */
  obtainedAt: number;
}

/** The refresh token, with the access token it was issued beside. */
interface RefreshRecord {
  accessToken: string;
  refreshToken: string;
}

/** Storage is absent or refused: the caller uses its memory instead. */
const UNAVAILABLE = Symbol('unavailable');

const RECORD_KEY = 'backstage-plugin-coder/oauth-session';
const REFRESH_KEY = 'backstage-plugin-coder/oauth-refresh';

/**
 * Keeps the OAuth session in two places. The record sits in the token store's storage
 * (so every tab sees a refresh another tab made). The refresh token goes to
 * `sessionStorage` at most, never `localStorage`: whatever script runs on the Backstage
 * origin can read `localStorage` for as long as the browser keeps it, and a refresh token
 * redeems through the OAuth proxy from any Backstage session (docs/oauth.md).
 *
 * Each value is also kept in memory, which is all there is when storage is off, full or
 * refused.
 */
export class OAuthSessionStorage {
  private memoryRecord: OAuthSessionRecord | undefined;
  private memoryRefresh: RefreshRecord | undefined;
  /** A write failed (full or refused): memory is the truth from then on. */
  private sharedFailed = false;
  private secretFailed = false;

  constructor(
    private readonly shared: Storage | undefined,
    private readonly secret: Storage | undefined,
    private readonly clientId: string,
  ) {
    this.readRecord(); // moves a refresh token an older version kept in the record
  }

  /** The record, from storage when it can be read (another tab may have changed it). */
  readRecord(): OAuthSessionRecord | undefined {
    const stored = this.sharedFailed
      ? UNAVAILABLE
      : readJson(this.shared, RECORD_KEY);
    if (stored === UNAVAILABLE) return this.memoryRecord;
    const record = this.parseRecord(stored);
    this.memoryRecord = record;
    return record;
  }

  /** This tab's refresh token for `accessToken`, if it holds one. */
  readRefreshToken(accessToken: string): string | undefined {
    const stored = this.secretFailed
      ? UNAVAILABLE
      : readJson(this.secret, REFRESH_KEY);
    const refresh =
      stored === UNAVAILABLE ? this.memoryRefresh : parseRefresh(stored);
    return refresh?.accessToken === accessToken
      ? refresh.refreshToken
      : undefined;
  }

  /** Stores a new pair: the record for every tab, the refresh token for this one. */
  write(record: OAuthSessionRecord, refreshToken: string): void {
    // The refresh token first: a tab seeing the new record must find it (when shared).
    this.memoryRefresh = { accessToken: record.accessToken, refreshToken };
    this.secretFailed = !writeJson(
      this.secret,
      REFRESH_KEY,
      this.memoryRefresh,
    );
    this.memoryRecord = record;
    this.sharedFailed = !writeJson(this.shared, RECORD_KEY, record);
  }

  /** Forgets the session everywhere. */
  clear(): void {
    this.memoryRecord = undefined;
    this.memoryRefresh = undefined;
    this.sharedFailed = false;
    this.secretFailed = false;
    for (const [storage, key] of [
      [this.shared, RECORD_KEY],
      [this.secret, REFRESH_KEY],
    ] as const) {
      try {
        storage?.removeItem(key);
      } catch {
        // Storage may be disabled; nothing was kept there then.
      }
    }
  }

  private parseRecord(value: unknown): OAuthSessionRecord | undefined {
    if (!value || typeof value !== 'object') return undefined;
    const record = value as Partial<OAuthSessionRecord> & {
      refreshToken?: unknown;
    };
    if (
      typeof record.accessToken !== 'string' ||
      typeof record.expiresAt !== 'number' ||
      typeof record.obtainedAt !== 'number' ||
      record.clientId !== this.clientId
    ) {
      return undefined;
    }
    const clean: OAuthSessionRecord = {
      clientId: record.clientId,
      accessToken: record.accessToken,
      expiresAt: record.expiresAt,
      obtainedAt: record.obtainedAt,
    };
    if (typeof record.refreshToken === 'string') {
      // Written by a version that kept the pair together, maybe in localStorage.
      this.write(clean, record.refreshToken);
    }
    return clean;
  }
}

function parseRefresh(value: unknown): RefreshRecord | undefined {
  const refresh = value as Partial<RefreshRecord> | undefined;
  return typeof refresh?.accessToken === 'string' &&
    typeof refresh.refreshToken === 'string'
    ? { accessToken: refresh.accessToken, refreshToken: refresh.refreshToken }
    : undefined;
}

function readJson(
  storage: Storage | undefined,
  key: string,
): unknown | typeof UNAVAILABLE {
  if (!storage) return UNAVAILABLE;
  let text: string | null;
  try {
    text = storage.getItem(key);
  } catch {
    return UNAVAILABLE;
  }
  if (!text) return undefined;
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

/** False when storage refused (full or disabled): memory holds it until the tab closes. */
function writeJson(
  storage: Storage | undefined,
  key: string,
  value: object,
): boolean {
  try {
    storage?.setItem(key, JSON.stringify(value));
    return true;
  } catch {
    return false;
  }
}
