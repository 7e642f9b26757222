/** Where a linked Coder session token is kept. @public */
export type CoderTokenStorage = 'local' | 'session' | 'memory';

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
 * including changes made in another tab (via the `storage` event).
 *
 * @public
 */
export class CoderTokenStore {
  private readonly storage: Storage | undefined;
  private readonly key: string;
  private token: string | undefined;
  private readonly listeners = new Set<() => void>();

  constructor(options: CoderTokenStoreOptions = {}) {
    this.key = options.key ?? CODER_TOKEN_STORAGE_KEY;
    this.storage = pickStorage(options.storage ?? 'local');
    this.token = this.read();
    if (typeof window !== 'undefined' && this.storage) {
      window.addEventListener('storage', event => {
        if (event.key === this.key) {
          this.token = this.read();
          this.notify();
        }
      });
    }
  }

  /** The current token, or `undefined` when not linked. */
  getToken(): string | undefined {
    return this.token;
  }

  /** Stores a token; surrounding whitespace (a common paste artefact) is removed. */
  setToken(token: string): void {
    const trimmed = token.trim();
    this.token = trimmed || undefined;
    this.write();
    this.notify();
  }

  /** Forgets the token everywhere it was kept. */
  clearToken(): void {
    this.token = undefined;
    this.write();
    this.notify();
  }

  /** Calls `listener` after every change; returns the unsubscribe function. */
  subscribe(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  private read(): string | undefined {
    try {
      return this.storage?.getItem(this.key) ?? undefined;
    } catch {
      return undefined;
    }
  }

  private write(): void {
    try {
      if (this.token) {
        this.storage?.setItem(this.key, this.token);
      } else {
        this.storage?.removeItem(this.key);
      }
    } catch {
      // Storage can be full or disabled (private mode); the in-memory token still works.
    }
  }

  private notify(): void {
    this.listeners.forEach(listener => listener());
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
