import type { IdentityApi } from '@backstage/core-plugin-api';
import { checkSessionToken } from './checkSessionToken';

/**
 * Where a linked Coder session token is kept: `local` survives reloads and browser
 * restarts, `session` lasts as long as the tab, `memory` until the page is left.
 * @public
 */
export type CoderTokenStorage = 'local' | 'session' | 'memory';

/**
 * Why the token was last removed; lets the auth form explain itself. `rejected`: Coder
 * refused it (revoked or expired); `inactive`: Coder says the account is not active
 * (suspended), which no new token fixes.
 * @public
 */
export type CoderUnlinkReason = 'unlinked' | 'rejected' | 'inactive';

/** An immutable view of the store, for `useSyncExternalStore`. @public */
export interface CoderTokenSnapshot {
  token?: string;
  /** Increments on every change; query keys use it instead of the token itself. */
  version: number;
  /** Set when the token was removed, until a new one is stored. */
  unlinkReason?: CoderUnlinkReason;
  /** Coder's own words for the removal, when it gave any (e.g. why the account is not active). */
  unlinkDetail?: string;
  /**
   * True while a stored token waits for the Backstage identity: it is only handed out
   * once it is known to belong to the signed-in Backstage user.
   */
  resolvingOwner?: boolean;
}

/** Options for {@link CoderTokenStore}. @public */
export interface CoderTokenStoreOptions {
  /** Default `local`; see {@link CoderTokenStorage}. */
  storage?: CoderTokenStorage;
  /** Storage key; distinct keys let several deployments coexist. */
  key?: string;
  /**
   * Binds the link to the signed-in Backstage user (`userEntityRef`): a token stored by
   * another Backstage user on this browser is never handed out, and is forgotten. Without
   * it, whoever uses the browser shares one link.
   */
  identityApi?: Pick<IdentityApi, 'getBackstageIdentity'>;
}

const CODER_TOKEN_STORAGE_KEY = 'backstage-plugin-coder/session-token';
/** Suffix of the key holding the Backstage user the token belongs to. */
const OWNER_KEY_SUFFIX = ':owner';

/** A stored token and the Backstage user it was linked by (undefined: unknown). */
interface StoredToken {
  token: string;
  owner?: string;
}

/**
 * Holds the user's Coder session token and tells subscribers when it changes,
 * including changes made in another tab (via the `storage` event). A stored value that
 * cannot be a token (see the link form's check: over 1,024 characters, or anything but
 * visible ASCII) is ignored and removed from storage when read. When storage is full or
 * disabled, the token is kept in memory for the tab.
 *
 * With an `identityApi`, the token belongs to the Backstage user who linked it: the
 * owner's entity ref is stored beside it (the token itself keeps its plain format), and
 * another Backstage user on the same browser starts unlinked while the previous link is
 * forgotten (its OAuth pair is then revoked by the OAuth session, which follows this store).
 *
 * @public
 */
export class CoderTokenStore {
  private readonly storage: Storage | undefined;
  private readonly key: string;
  private snapshot: CoderTokenSnapshot;
  private readonly listeners = new Set<() => void>();
  private rejectionHandler?: (token: string) => Promise<boolean>;
  private readonly bound: boolean;
  /** The signed-in Backstage user, once the identity has answered. */
  private owner: string | undefined;
  private readonly ownerKnown: Promise<void>;

  constructor(options: CoderTokenStoreOptions = {}) {
    this.key = options.key ?? CODER_TOKEN_STORAGE_KEY;
    this.storage = pickStorage(options.storage ?? 'local');
    this.bound = Boolean(options.identityApi);
    if (!options.identityApi) {
      this.snapshot = { token: this.read()?.token, version: 0 };
      this.ownerKnown = Promise.resolve();
    } else {
      // Nothing is handed out before the owner is known; a stored token waits.
      this.snapshot = { version: 0, resolvingOwner: this.peek() };
      this.ownerKnown = options.identityApi.getBackstageIdentity().then(
        identity => this.adoptOwner(identity.userEntityRef),
        // No identity (not signed in): nothing stored is ours, and nothing is forgotten.
        () => this.adoptOwner(undefined),
      );
    }
    if (typeof window !== 'undefined' && this.storage) {
      // Linking or unlinking in another tab applies here too.
      window.addEventListener('storage', event => {
        if (event.key === this.key || event.key === this.ownerKey) {
          if (this.snapshot.resolvingOwner) return;
          const stored = this.read();
          if (stored?.token !== this.snapshot.token) {
            this.update(
              { token: this.isOurs(stored) ? stored?.token : undefined },
              false,
            );
          }
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

  /** Resolves once the store knows whose token it may hand out (at once when unbound). */
  ready(): Promise<void> {
    return this.ownerKnown;
  }

  /** The signed-in Backstage user's entity ref, once known; undefined when unbound. */
  getOwner(): string | undefined {
    return this.owner;
  }

  /** Stores a token; surrounding whitespace (a common paste artefact) is removed. */
  setToken(token: string): void {
    this.update(
      { token: token.trim() || undefined, resolvingOwner: undefined },
      true,
    );
  }

  /**
   * Forgets the token everywhere it was kept. `rejected` records that Coder refused it
   * (revoked or expired), `inactive` that Coder says the account is not active, so the
   * form can say so; `detail` is Coder's own wording, shown as it is.
   */
  clearToken(reason: CoderUnlinkReason = 'unlinked', detail?: string): void {
    if (!this.snapshot.token) return;
    this.update(
      { token: undefined, unlinkReason: reason, unlinkDetail: detail },
      true,
    );
  }

  /**
   * Records that Coder refused the token of snapshot `version`. A late 401 for a token
   * that has since been replaced must not unlink the new one, hence the version check.
   * `inactive` (the account is suspended) unlinks at once: no refresh can fix it.
   */
  rejectVersion(
    version: number,
    reason: Exclude<CoderUnlinkReason, 'unlinked'> = 'rejected',
    detail?: string,
  ): void {
    const { token } = this.snapshot;
    if (this.snapshot.version !== version || !token) return;
    if (reason === 'inactive' || !this.rejectionHandler) {
      this.clearToken(reason, detail);
      return;
    }
    // An OAuth sign-in may replace the token (refresh), or wait and retry, instead of
    // unlinking.
    this.rejectionHandler(token)
      .catch(() => false)
      .then(kept => {
        if (!kept && this.snapshot.version === version) {
          this.clearToken('rejected');
        }
      });
  }

  /**
   * Lets an OAuth session handle a token Coder rejected before the store unlinks;
   * `handler` resolves true if the token was replaced or will be (the store then keeps
   * it), false to unlink.
   */
  setRejectionHandler(handler: (token: string) => Promise<boolean>): void {
    this.rejectionHandler = handler;
  }

  /** The storage the token lives in; undefined when kept in memory. */
  getStorage(): Storage | undefined {
    return this.storage;
  }

  /** Calls `listener` after every change; returns the unsubscribe function. */
  subscribe(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  private get ownerKey(): string {
    return `${this.key}${OWNER_KEY_SUFFIX}`;
  }

  /** The identity answered: hand out the stored token if it is this user's, else forget it. */
  private adoptOwner(owner: string | undefined): void {
    this.owner = owner;
    if (this.snapshot.token) {
      // Linked in this tab before the identity answered: it is this user's; store it now.
      this.write();
      return;
    }
    const stored = this.read();
    if (stored && owner && !this.isOurs(stored)) {
      // Another Backstage user's link (or one stored before links had owners): this
      // browser now belongs to someone else, so the link must not outlive the switch.
      this.remove();
    }
    const token = this.isOurs(stored) ? stored?.token : undefined;
    // Nothing stored and nothing waiting: no change to announce (and no re-render).
    if (!token && !this.snapshot.resolvingOwner) return;
    this.update({ token }, false);
  }

  private isOurs(stored: StoredToken | undefined): boolean {
    if (!stored) return false;
    if (!this.bound) return true;
    return this.owner !== undefined && stored.owner === this.owner;
  }

  /** Whether anything is stored at all (before the owner is known). */
  private peek(): boolean {
    try {
      return Boolean(this.storage?.getItem(this.key));
    } catch {
      return false;
    }
  }

  private read(): StoredToken | undefined {
    let stored: string | null | undefined;
    let owner: string | null | undefined;
    try {
      stored = this.storage?.getItem(this.key);
      owner = this.storage?.getItem(this.ownerKey);
    } catch {
      return undefined;
    }
    if (stored === null || stored === undefined) return undefined;
    const check = checkSessionToken(stored);
    if (check.ok) return { token: check.token, owner: owner ?? undefined };
    // Edited by hand, an extension or an older version: no header could carry it, so
    // every request would fail as "unreachable". Forget it; the link form shows instead.
    this.remove();
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
    if (!token) {
      this.remove();
      return;
    }
    // Bound but the identity has not answered: kept in memory until it has (adoptOwner).
    if (this.bound && this.owner === undefined) return;
    try {
      // Owner first: a tab reading between the two writes sees the old token as
      // someone else's rather than the new token as unowned.
      if (this.owner) {
        this.storage?.setItem(this.ownerKey, this.owner);
      } else {
        this.storage?.removeItem(this.ownerKey);
      }
      this.storage?.setItem(this.key, token);
    } catch {
      // Storage can be full or disabled (private mode); the in-memory token still works.
    }
  }

  private remove(): void {
    try {
      this.storage?.removeItem(this.key);
      this.storage?.removeItem(this.ownerKey);
    } catch {
      // Storage refused; the value is ignored all the same.
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
