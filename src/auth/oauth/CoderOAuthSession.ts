import type { CoderTokenStore } from '../CoderTokenStore';
import { CoderOAuthError } from './CoderOAuthError';
import type {
  CoderOAuthTokenClient,
  CoderOAuthTokens,
} from './oauthTokenClient';

/** What is kept between reloads: the pair, and when it was obtained. */
interface StoredSession extends CoderOAuthTokens {
  clientId: string;
  obtainedAt: number;
}

const SESSION_STORAGE_KEY = 'backstage-plugin-coder/oauth-session';
/** Refresh this long before expiry (less for short-lived tokens). */
const REFRESH_MARGIN_MS = 60_000;
/** After a refresh that could not reach Coder, try again this much later. */
const REFRESH_RETRY_MS = 30_000;
/** setTimeout's ceiling; longer delays would fire at once. */
const MAX_TIMER_MS = 2 ** 31 - 1;

/** Options of {@link CoderOAuthSession}. */
export interface CoderOAuthSessionOptions {
  tokenStore: CoderTokenStore;
  tokenClient: Pick<CoderOAuthTokenClient, 'refresh' | 'revoke'>;
  clientId: string;
  /** Where the pair is kept; the token store's storage, so both live equally long. */
  storage: Storage | undefined;
  now?: () => number;
}

/**
 * An OAuth sign-in as the token store sees it: the access token is the store's token,
 * and this keeps the refresh token beside it. It refreshes shortly before expiry and when
 * Coder rejects the access token (one refresh at a time, whoever asks), follows Coder's
 * rotation, and revokes the pair when the account is unlinked.
 */
export class CoderOAuthSession {
  private readonly options: CoderOAuthSessionOptions;
  private readonly now: () => number;
  private memory: StoredSession | undefined;
  private refreshing: Promise<string | undefined> | undefined;
  private timer: ReturnType<typeof setTimeout> | undefined;

  constructor(options: CoderOAuthSessionOptions) {
    this.options = options;
    this.now = options.now ?? Date.now;
    const { tokenStore } = options;
    tokenStore.setRejectionHandler(token => this.recover(token));
    tokenStore.subscribe(() => this.followTokenStore());
    this.followTokenStore();
  }

  /** Starts a session from a fresh pair (after the code exchange). */
  start(tokens: CoderOAuthTokens): void {
    this.write({
      ...tokens,
      clientId: this.options.clientId,
      obtainedAt: this.now(),
    });
    // The store notifies followTokenStore, which schedules the next refresh.
    this.options.tokenStore.setToken(tokens.accessToken);
  }

  /** Revokes the pair at Coder (best effort), forgets it and unlinks. */
  async signOut(): Promise<void> {
    const session = this.current();
    this.forget();
    this.options.tokenStore.clearToken();
    if (session) await this.revokePair(session);
  }

  /**
   * Revokes both tokens: RFC 7009 leaves it to the server whether revoking one revokes
   * the other. Failures are swallowed; unlinking must work while Coder is down, and the
   * pair expires by itself.
   */
  private async revokePair(session: StoredSession): Promise<void> {
    const { tokenClient } = this.options;
    await Promise.all(
      [session.refreshToken, session.accessToken].map(token =>
        tokenClient.revoke(token).catch(() => undefined),
      ),
    );
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
    const session = this.current();
    if (!session) return undefined;
    if (session.expiresAt - this.now() > this.margin(session)) {
      return session.accessToken;
    }
    return this.refresh();
  }

  /** One refresh at a time: concurrent callers share it. */
  refresh(): Promise<string | undefined> {
    this.refreshing ??= this.runRefresh().finally(() => {
      this.refreshing = undefined;
    });
    return this.refreshing;
  }

  private async runRefresh(): Promise<string | undefined> {
    const session = this.current();
    if (!session) return undefined;
    try {
      const tokens = await this.options.tokenClient.refresh(
        session.refreshToken,
      );
      this.start(tokens);
      return tokens.accessToken;
    } catch (error) {
      // Another tab may have rotated the pair first; its result is in storage.
      const stored = this.read();
      if (stored && stored.refreshToken !== session.refreshToken) {
        this.options.tokenStore.setToken(stored.accessToken);
        return stored.accessToken;
      }
      if (error instanceof CoderOAuthError && error.kind === 'unreachable') {
        this.schedule(REFRESH_RETRY_MS);
        return undefined;
      }
      this.forget();
      return undefined;
    }
  }

  /** For the token store, when Coder rejects `token`: true if a refresh replaced it. */
  async recover(token: string): Promise<boolean> {
    const session = this.current();
    if (!session || session.accessToken !== token) return false;
    return (await this.refresh()) !== undefined;
  }

  /**
   * The store's token changed. If it no longer is our access token (unlinked, rejected
   * for good, replaced by a pasted token, or another Backstage user's link forgotten),
   * revoke the pair and forget it.
   */
  private followTokenStore(): void {
    // Until the store knows who is signed in, its empty token means nothing yet.
    if (this.options.tokenStore.getSnapshot().resolvingOwner) return;
    const session = this.read();
    const token = this.options.tokenStore.getToken();
    if (!session) {
      this.memory = undefined;
      return;
    }
    if (session.accessToken === token) {
      this.memory = session;
      this.schedule();
      return;
    }
    this.forget();
    void this.revokePair(session);
  }

  private current(): StoredSession | undefined {
    const session = this.memory ?? this.read();
    return session && session.accessToken === this.options.tokenStore.getToken()
      ? session
      : undefined;
  }

  private margin(session: StoredSession): number {
    const lifetime = session.expiresAt - session.obtainedAt;
    return Math.min(REFRESH_MARGIN_MS, Math.max(0, lifetime / 4));
  }

  private schedule(delayMs?: number): void {
    clearTimeout(this.timer);
    const session = this.current();
    if (!session) return;
    const delay =
      delayMs ?? session.expiresAt - this.now() - this.margin(session);
    this.timer = setTimeout(
      () => {
        this.refresh().catch(() => undefined);
      },
      Math.min(Math.max(0, delay), MAX_TIMER_MS),
    );
  }

  private forget(): void {
    clearTimeout(this.timer);
    this.memory = undefined;
    try {
      this.options.storage?.removeItem(SESSION_STORAGE_KEY);
    } catch {
      // Storage may be disabled; nothing was kept there then.
    }
  }

  private write(session: StoredSession): void {
    this.memory = session;
    try {
      this.options.storage?.setItem(
        SESSION_STORAGE_KEY,
        JSON.stringify(session),
      );
    } catch {
      // Full or disabled storage: the session still works until the tab closes.
    }
  }

  private read(): StoredSession | undefined {
    let text: string | null | undefined;
    try {
      text = this.options.storage?.getItem(SESSION_STORAGE_KEY);
    } catch {
      return this.memory;
    }
    if (!text) return this.options.storage ? undefined : this.memory;
    try {
      const value = JSON.parse(text) as Partial<StoredSession>;
      return typeof value.accessToken === 'string' &&
        typeof value.refreshToken === 'string' &&
        typeof value.expiresAt === 'number' &&
        value.clientId === this.options.clientId
        ? (value as StoredSession)
        : undefined;
    } catch {
      return undefined;
    }
  }
}
