import type { CoderTokenStore } from '../CoderTokenStore';
import { CoderOAuthError } from './CoderOAuthError';
import { runExclusively, type CrossTabLocks } from './crossTabLock';
import type {
  CoderOAuthTokenClient,
  CoderOAuthTokens,
} from './oauthTokenClient';
import {
  OAuthSessionStorage,
  type OAuthSessionRecord,
} from './oauthSessionStorage';
import {
  CODER_OAUTH_MAX_REJECTED_REFRESHES,
  CODER_OAUTH_MIN_TOKEN_AGE_MS,
  CODER_OAUTH_REFRESH_MARGIN_MS,
  refreshBackoffMs,
} from './refreshLimits';

/** setTimeout's ceiling; longer delays would fire at once. */
const MAX_TIMER_MS = 2 ** 31 - 1;
/** One name for every tab of the origin: only one of them redeems at a time. */
const REFRESH_LOCK_NAME = 'backstage-plugin-coder/oauth-refresh';

/** Options of {@link CoderOAuthSession}. */
export interface CoderOAuthSessionOptions {
  tokenStore: CoderTokenStore;
  tokenClient: Pick<CoderOAuthTokenClient, 'refresh' | 'revoke'>;
  clientId: string;
  /**
   * Where every tab can see the session (access token and expiry): the token store's
   * storage, so both live equally long. Undefined: memory.
   */
  storage: Storage | undefined;
  /**
   * Where this tab keeps the refresh token; never `localStorage`. Default:
   * `sessionStorage`, or memory when `storage` is undefined (`tokenStorage: memory`).
   */
  refreshStorage?: Storage;
  now?: () => number;
  /** The Web Locks API; default `navigator.locks` (absent in older browsers and jsdom). */
  locks?: CrossTabLocks;
}

/** How a refresh ended: new pair, another tab's pair, try again later, or over. */
type RefreshOutcome = 'refreshed' | 'adopted' | 'later' | 'ended';

/**
 * An OAuth sign-in as the token store sees it: the access token is the store's token,
 * and this keeps the refresh token beside it. It refreshes shortly before expiry and when
 * Coder rejects the access token, follows Coder's rotation, and revokes the pair when the
 * account is unlinked (or another Backstage user signs in on this browser).
 *
 * Refreshing is bounded (refreshLimits.ts): a token younger than 30 s is never refreshed,
 * a rejected token gets at most one refresh, the waits between 401-triggered refreshes
 * double, and after three refreshed tokens in a row were rejected the session ends. Only
 * one tab redeems at a time (Web Locks), and a tab re-reads storage inside the lock, so a
 * second tab takes the first tab's new pair instead of redeeming the rotated token again.
 */
export class CoderOAuthSession {
  private readonly options: CoderOAuthSessionOptions;
  private readonly now: () => number;
  private readonly stored: OAuthSessionStorage;
  private refreshing: Promise<RefreshOutcome> | undefined;
  /** Refreshes shortly before expiry. */
  private expiryTimer: ReturnType<typeof setTimeout> | undefined;
  /** A refresh put off by the limits, or retried after Coder was unreachable. */
  private retryTimer: ReturnType<typeof setTimeout> | undefined;
  /** Refreshes in a row that Coder's 401s triggered; reset once a token lives out its life. */
  private rejectedRefreshes = 0;
  /** The access token a 401-triggered refresh was last started for. */
  private refreshedAfterRejection: string | undefined;
  /** The access token Coder last rejected. */
  private rejectedToken: string | undefined;
  private lastAttemptAt = Number.NEGATIVE_INFINITY;
  private unreachableAttempts = 0;

  constructor(options: CoderOAuthSessionOptions) {
    this.options = options;
    this.now = options.now ?? Date.now;
    this.stored = new OAuthSessionStorage(
      options.storage,
      options.refreshStorage ??
        (options.storage ? browserSessionStorage() : undefined),
      options.clientId,
    );
    const { tokenStore } = options;
    tokenStore.setRejectionHandler(token => this.recover(token));
    tokenStore.subscribe(() => this.followTokenStore());
    this.followTokenStore();
  }

  /** Starts a session from a fresh pair (after the code exchange or a refresh). */
  start(tokens: CoderOAuthTokens): void {
    clearTimeout(this.retryTimer);
    this.stored.write(
      {
        clientId: this.options.clientId,
        accessToken: tokens.accessToken,
        expiresAt: tokens.expiresAt,
        obtainedAt: this.now(),
      },
      tokens.refreshToken,
    );
    // The store notifies followTokenStore, which schedules the next refresh.
    this.options.tokenStore.setToken(tokens.accessToken);
  }

  /** Revokes the pair at Coder (best effort), forgets it and unlinks. */
  async signOut(): Promise<void> {
    const record = this.current();
    const refreshToken =
      record && this.stored.readRefreshToken(record.accessToken);
    this.forget();
    this.options.tokenStore.clearToken();
    if (record) await this.revokePair(record.accessToken, refreshToken);
  }

  /** True while the store's token came from this OAuth sign-in. */
  isActive(): boolean {
    return this.current() !== undefined;
  }

  /**
   * A fresh access token, refreshing if it expires within the margin; undefined when
   * there is no OAuth session or Coder refused the refresh.
   */
  async freshAccessToken(): Promise<string | undefined> {
    const record = this.current();
    if (!record) return undefined;
    if (record.expiresAt - this.now() > this.margin(record)) {
      return record.accessToken;
    }
    await this.refreshOnce();
    return this.current()?.accessToken;
  }

  /**
   * Refreshes now (within the limits); concurrent callers share one attempt. Resolves
   * to the access token in use afterwards, or undefined if the session is over or the
   * refresh must wait.
   */
  async refresh(): Promise<string | undefined> {
    const outcome = await this.refreshOnce();
    return outcome === 'refreshed' || outcome === 'adopted'
      ? this.current()?.accessToken
      : undefined;
  }

  /**
   * For the token store, when Coder's own 401 rejects `token`: true if the session keeps
   * it (refreshed, or a refresh is scheduled within the limits), false to unlink.
   */
  async recover(token: string): Promise<boolean> {
    const record = this.current();
    if (!record || record.accessToken !== token) return false;
    this.rejectedToken = token;
    if (this.refreshing) return (await this.refreshing) !== 'ended';
    // At most one refresh per rejected token; a retry is already scheduled if it failed.
    if (this.refreshedAfterRejection === token) return true;
    if (this.rejectedRefreshes >= CODER_OAUTH_MAX_REJECTED_REFRESHES) {
      return false;
    }
    const allowedAt = Math.max(
      record.obtainedAt + CODER_OAUTH_MIN_TOKEN_AGE_MS,
      this.lastAttemptAt + refreshBackoffMs(this.rejectedRefreshes),
    );
    if (allowedAt > this.now()) {
      this.retryAt(allowedAt, () => this.recoverLater(token));
      return true;
    }
    this.rejectedRefreshes += 1;
    this.refreshedAfterRejection = token;
    return (await this.refreshOnce()) !== 'ended';
  }

  /** A put-off 401 refresh is due: run it, or unlink if the session gives up. */
  private async recoverLater(token: string): Promise<void> {
    const kept = await this.recover(token);
    if (!kept && this.options.tokenStore.getToken() === token) {
      this.options.tokenStore.clearToken('rejected');
    }
  }

  private refreshOnce(): Promise<RefreshOutcome> {
    this.refreshing ??= this.runRefresh().finally(() => {
      this.refreshing = undefined;
    });
    return this.refreshing;
  }

  private async runRefresh(): Promise<RefreshOutcome> {
    const before = this.current();
    if (!before) return 'ended';
    try {
      return await runExclusively(
        REFRESH_LOCK_NAME,
        () => this.refreshHoldingLock(before),
        this.options.locks,
      );
    } catch {
      // Waited too long for another tab's lock.
      this.retryAfterFailure();
      return 'later';
    }
  }

  private async refreshHoldingLock(
    before: OAuthSessionRecord,
  ): Promise<RefreshOutcome> {
    // Another tab may have refreshed while this one waited: its pair is in storage now,
    // and the refresh token this tab holds was rotated away with it.
    const latest = this.stored.readRecord();
    if (latest && latest.accessToken !== before.accessToken) {
      return this.adopt(latest);
    }
    if (this.current()?.accessToken !== before.accessToken) return 'ended';
    const youngUntil = before.obtainedAt + CODER_OAUTH_MIN_TOKEN_AGE_MS;
    if (this.now() < youngUntil) {
      this.retryAt(youngUntil, () => this.refreshOnce());
      return 'later';
    }
    const refreshToken = this.stored.readRefreshToken(before.accessToken);
    // This tab holds no refresh token (opened after the sign-in, or after a restart with
    // tokenStorage: local); the access token works until it expires.
    if (!refreshToken) return 'ended';
    this.lastAttemptAt = this.now();
    try {
      const tokens = await this.options.tokenClient.refresh(refreshToken);
      this.unreachableAttempts = 0;
      this.start(tokens);
      return 'refreshed';
    } catch (error) {
      // Without Web Locks, another tab may have rotated the pair first.
      const stored = this.stored.readRecord();
      if (stored && stored.accessToken !== before.accessToken) {
        return this.adopt(stored);
      }
      if (error instanceof CoderOAuthError && error.kind === 'unreachable') {
        this.retryAfterFailure();
        return 'later';
      }
      // Coder refused the grant: the pair is dead. The access token stays until Coder
      // rejects it, then the store unlinks.
      this.forget();
      return 'ended';
    }
  }

  /** Uses the pair another tab stored. */
  private adopt(record: OAuthSessionRecord): RefreshOutcome {
    if (this.options.tokenStore.getToken() !== record.accessToken) {
      this.options.tokenStore.setToken(record.accessToken);
    }
    return 'adopted';
  }

  /**
   * The store's token changed. If it no longer is our access token (unlinked, rejected
   * for good, replaced by a pasted token, or another Backstage user's link forgotten),
   * revoke the pair and forget it.
   */
  private followTokenStore(): void {
    const { tokenStore } = this.options;
    // Until the store knows who is signed in, its empty token means nothing yet.
    if (tokenStore.getSnapshot().resolvingOwner) return;
    const record = this.stored.readRecord();
    const token = tokenStore.getToken();
    if (!record) {
      this.stopTimers();
      this.resetLimits();
      return;
    }
    if (record.accessToken === token) {
      this.scheduleExpiryRefresh(record);
      return;
    }
    const refreshToken = this.stored.readRefreshToken(record.accessToken);
    this.forget();
    void this.revokePair(record.accessToken, refreshToken);
  }

  /**
   * Revokes both tokens: RFC 7009 leaves it to the server whether revoking one revokes
   * the other. Failures are swallowed; unlinking must work while Coder is down, and the
   * pair expires by itself.
   */
  private async revokePair(
    accessToken: string,
    refreshToken: string | undefined,
  ): Promise<void> {
    const { tokenClient } = this.options;
    await Promise.all(
      [refreshToken, accessToken]
        .filter((token): token is string => Boolean(token))
        .map(token => tokenClient.revoke(token).catch(() => undefined)),
    );
  }

  private current(): OAuthSessionRecord | undefined {
    const token = this.options.tokenStore.getToken();
    if (!token) return undefined;
    const record = this.stored.readRecord();
    return record?.accessToken === token ? record : undefined;
  }

  private margin(record: OAuthSessionRecord): number {
    const lifetime = record.expiresAt - record.obtainedAt;
    return Math.min(CODER_OAUTH_REFRESH_MARGIN_MS, Math.max(0, lifetime / 4));
  }

  private scheduleExpiryRefresh(record: OAuthSessionRecord): void {
    clearTimeout(this.expiryTimer);
    const at = Math.max(
      record.expiresAt - this.margin(record),
      record.obtainedAt + CODER_OAUTH_MIN_TOKEN_AGE_MS,
    );
    this.expiryTimer = setTimeout(
      () => {
        // A token Coder never rejected lived out its life: the 401 streak is over.
        if (this.current()?.accessToken !== this.rejectedToken) {
          this.resetLimits();
        }
        this.refreshOnce().catch(() => undefined);
      },
      clampDelay(at - this.now()),
    );
  }

  private retryAt(at: number, action: () => unknown): void {
    clearTimeout(this.retryTimer);
    this.retryTimer = setTimeout(
      () => {
        Promise.resolve(action()).catch(() => undefined);
      },
      clampDelay(at - this.now()),
    );
  }

  /** After an unreachable Coder (or a stuck lock): 30 s, 60 s … 10 min. */
  private retryAfterFailure(): void {
    this.unreachableAttempts += 1;
    this.retryAt(this.now() + refreshBackoffMs(this.unreachableAttempts), () =>
      this.refreshOnce(),
    );
  }

  private resetLimits(): void {
    this.rejectedRefreshes = 0;
    this.refreshedAfterRejection = undefined;
    this.rejectedToken = undefined;
    this.unreachableAttempts = 0;
  }

  private stopTimers(): void {
    clearTimeout(this.expiryTimer);
    clearTimeout(this.retryTimer);
  }

  private forget(): void {
    this.stopTimers();
    this.stored.clear();
  }
}

function clampDelay(ms: number): number {
  return Math.min(Math.max(0, ms), MAX_TIMER_MS);
}

function browserSessionStorage(): Storage | undefined {
  try {
    return typeof window === 'undefined' ? undefined : window.sessionStorage;
  } catch {
    return undefined;
  }
}
