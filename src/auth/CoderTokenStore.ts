import { checkSessionToken } from './checkSessionToken';

/** Where a linked Coder session token is kept. @public */
export type CoderTokenStorage = 'local' | 'session' | 'memory';

/** Why the token was last removed; lets the auth form explain itself. @public */
export type CoderUnlinkReason = 'unlinked' | 'rejected';

/** An immutable view of the store, for `useSyncExternalStore`. @public */
export interface CoderTokenSnapshot {
  token?: string;
  /** Increments on every change; query keys use it instead of the token itself. */
  version: number;
  /** Set when the token was removed, until a new one is stored. */
  unlinkReason?: CoderUnlinkReason;
}

/** Options for {@link CoderTokenStore}. @public */
export interface CoderTokenStoreOptions {
  /** `local` survives reloads and browser restarts (default); `session` lasts for the tab. */
  storage?: CoderTokenStorage;
  /** Storage key; distinct keys let several deployments coexist. */
  key?: string;
}

const CODER_TOKEN_STORAGE_KEY = 'backstage-plugin-coder/session-token';

/**
 * Holds the user's Coder session token and tells subscribers when it changes,
 * including changes made in another tab (via the `storage` event). A stored value that
 * cannot be a token (see the link form's check: over 1,024 characters, or anything but
 * visible ASCII) is ignored and removed from storage when read. When storage is full or
 * disabled, the token is kept in memory for the tab.
 *
 * @public
 */
export class CoderTokenStore {
  private readonly storage: Storage | undefined;
  private readonly key: string;
  private snapshot: CoderTokenSnapshot;
  private readonly listeners = new Set<() => void>();
  private rejectionHandler?: (token: string) => Promise<boolean>;

  constructor(options: CoderTokenStoreOptions = {}) {
    this.key = options.key ?? CODER_TOKEN_STORAGE_KEY;
    this.storage = pickStorage(options.storage ?? 'local');
    this.snapshot = { token: this.read(), version: 0 };
    if (typeof window !== 'undefined' && this.storage) {
      // Linking or unlinking in another tab applies here too.
      window.addEventListener('storage', event => {
        if (event.key === this.key) {
          this.update({ token: this.read() }, false);
        }
      });
    }
  }

  /** The current token, or `undefined` when not linked. */
  getToken(): string | undefined {
    return this.snapshot.token;
  }

  /** The current state; a new object after every change. */
  getSnapshot(): CoderTokenSnapshot {
    return this.snapshot;
  }

  /** Stores a token; surrounding whitespace (a common paste artefact) is removed. */
  setToken(token: string): void {
    this.update({ token: token.trim() || undefined }, true);
  }

  /**
   * Forgets the token everywhere it was kept. `rejected` records that Coder refused it
   * (revoked or expired), so the form can say so.
   */
  clearToken(reason: CoderUnlinkReason = 'unlinked'): void {
    if (!this.snapshot.token) return;
    this.update({ token: undefined, unlinkReason: reason }, true);
  }

  /**
   * Records that Coder refused the token of snapshot `version`. A late 401 for a token
   * that has since been replaced must not unlink the new one, hence the version check.
   */
  rejectVersion(version: number): void {
    const { token } = this.snapshot;
    if (this.snapshot.version !== version || !token) return;
    if (!this.rejectionHandler) {
      this.clearToken('rejected');
      return;
    }
    // An OAuth sign-in may replace the token (refresh) instead of unlinking.
    this.rejectionHandler(token)
      .catch(() => false)
      .then(recovered => {
        if (!recovered && this.snapshot.version === version) {
          this.clearToken('rejected');
        }
      });
  }

  /**
   * Lets an OAuth session try to replace a token Coder rejected (by refreshing) before
   * the store unlinks; `handler` resolves true if it stored a new token.
   */
  setRejectionHandler(handler: (token: string) => Promise<boolean>): void {
    this.rejectionHandler = handler;
  }

  /** The storage the token lives in; an OAuth refresh token is kept beside it. */
  getStorage(): Storage | undefined {
    return this.storage;
  }

  /** Calls `listener` after every change; returns the unsubscribe function. */
  subscribe(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  private read(): string | undefined {
    let stored: string | null | undefined;
    try {
      stored = this.storage?.getItem(this.key);
    } catch {
      return undefined;
    }
    if (stored === null || stored === undefined) return undefined;
    const check = checkSessionToken(stored);
    if (check.ok) return check.token;
    // Edited by hand, an extension or an older version: no header could carry it, so
    // every request would fail as "unreachable". Forget it; the link form shows instead.
    try {
      this.storage?.removeItem(this.key);
    } catch {
      // Storage refused; the value is ignored all the same.
    }
    return undefined;
  }

  private update(
    next: Omit<CoderTokenSnapshot, 'version'>,
    persist: boolean,
  ): void {
    this.snapshot = { ...next, version: this.snapshot.version + 1 };
    if (persist) this.write();
    this.listeners.forEach(listener => listener());
  }

  private write(): void {
    const { token } = this.snapshot;
    try {
      if (token) {
        this.storage?.setItem(this.key, token);
      } else {
        this.storage?.removeItem(this.key);
      }
    } catch {
      // Storage can be full or disabled (private mode); the in-memory token still works.
    }
  }
}

function pickStorage(kind: CoderTokenStorage): Storage | undefined {
  if (typeof window === 'undefined' || kind === 'memory') {
    return undefined;
  }
  try {
    return kind === 'session' ? window.sessionStorage : window.localStorage;
  } catch {
    return undefined;
  }
}
