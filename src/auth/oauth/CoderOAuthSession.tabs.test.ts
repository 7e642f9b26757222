import { CoderTokenStore } from '../CoderTokenStore';
import { CoderOAuthSession } from './CoderOAuthSession';
import type { CoderOAuthTokens } from './oauthTokenClient';

const HOUR = 3_600_000;
const LEGACY_KEY = 'backstage-plugin-coder/oauth-session';

function pair(n: number): CoderOAuthTokens {
  return {
    accessToken: `access${n}00-accessSecretNumber${n}abcdef`,
    refreshToken: `coder_refresh${n}_secret`,
    expiresAt: Date.now() + HOUR,
  };
}

/** Every value the page keeps in `localStorage`, as one string. */
function everythingInLocalStorage(): string {
  return Object.keys(localStorage)
    .map(key => `${key}=${localStorage.getItem(key)}`)
    .join('\n');
}

/**
 * A stand-in for the Web Locks API (jsdom has none): callbacks for one name run one
 * after another, as they would across the tabs of one origin.
 */
function fakeLocks() {
  const queues = new Map<string, Promise<unknown>>();
  return {
    request<T>(
      name: string,
      _options: object,
      callback: () => Promise<T>,
    ): Promise<T> {
      const previous = queues.get(name) ?? Promise.resolve();
      const result = previous.then(() => callback());
      queues.set(
        name,
        result.catch(() => undefined),
      );
      return result;
    },
  };
}

/** One Backstage tab: its own token store and OAuth session over the shared storage. */
function tab(tokenClient: {
  refresh: (token: string) => Promise<CoderOAuthTokens>;
  revoke: (token: string) => Promise<void>;
}) {
  const tokenStore = new CoderTokenStore({ storage: 'local' });
  const session = new CoderOAuthSession({
    tokenStore,
    tokenClient,
    clientId: 'client-1',
    storage: localStorage,
  });
  return { tokenStore, session };
}

beforeEach(() => {
  localStorage.clear();
  sessionStorage.clear();
  jest.useFakeTimers({ now: new Date('2026-08-22T12:00:00Z') });
});

afterEach(() => {
  jest.useRealTimers();
  delete (navigator as { locks?: unknown }).locks;
});

describe('CoderOAuthSession across tabs', () => {
  it('redeems the refresh token once when two tabs refresh at the same moment', async () => {
    Object.defineProperty(navigator, 'locks', {
      value: fakeLocks(),
      configurable: true,
    });
    let issued = 1;
    const tokenClient = {
      refresh: jest.fn(async (_token: string) => {
        // Coder takes a moment; the other tab asks meanwhile.
        await new Promise(resolve => setTimeout(resolve, 100));
        issued += 1;
        return pair(issued);
      }),
      revoke: jest.fn(async (_token: string) => undefined),
    };
    const first = tab(tokenClient);
    first.session.start(pair(1));
    // A second tab (duplicated, so it holds the same refresh token) opens later.
    const second = tab(tokenClient);
    expect(second.tokenStore.getToken()).toBe(pair(1).accessToken);
    jest.setSystemTime(Date.now() + 10 * 60_000);

    const both = Promise.all([
      first.session.refresh(),
      second.session.refresh(),
    ]);
    await jest.advanceTimersByTimeAsync(1000);
    await both;

    expect(tokenClient.refresh).toHaveBeenCalledTimes(1);
    expect(first.tokenStore.getToken()).toBe(pair(2).accessToken);
    expect(second.tokenStore.getToken()).toBe(pair(2).accessToken);
    expect(tokenClient.revoke).not.toHaveBeenCalled();
  });

  it('refreshes without the Web Locks API (older browsers, jsdom)', async () => {
    const tokenClient = {
      refresh: jest.fn(async (_token: string) => pair(2)),
      revoke: jest.fn(async (_token: string) => undefined),
    };
    const only = tab(tokenClient);
    only.session.start(pair(1));
    jest.setSystemTime(Date.now() + 10 * 60_000);

    await only.session.refresh();

    expect(tokenClient.refresh).toHaveBeenCalledTimes(1);
    expect(only.tokenStore.getToken()).toBe(pair(2).accessToken);
  });
});

describe('CoderOAuthSession storage', () => {
  it('never writes the refresh token to localStorage, even with tokenStorage: local', async () => {
    const tokenClient = {
      refresh: jest.fn(async (_token: string) => pair(2)),
      revoke: jest.fn(async (_token: string) => undefined),
    };
    const { tokenStore, session } = tab(tokenClient);
    session.start(pair(1));
    expect(everythingInLocalStorage()).toContain(pair(1).accessToken);
    expect(everythingInLocalStorage()).not.toContain(pair(1).refreshToken);

    jest.setSystemTime(Date.now() + 10 * 60_000);
    await session.refresh();

    expect(tokenClient.refresh).toHaveBeenCalledWith(pair(1).refreshToken);
    expect(tokenStore.getToken()).toBe(pair(2).accessToken);
    expect(everythingInLocalStorage()).not.toMatch(/coder_refresh/);
  });

  it('moves a refresh token an older version left in localStorage out of it', () => {
    localStorage.setItem(
      'backstage-plugin-coder/session-token',
      pair(1).accessToken,
    );
    localStorage.setItem(
      LEGACY_KEY,
      JSON.stringify({
        ...pair(1),
        clientId: 'client-1',
        obtainedAt: Date.now(),
      }),
    );

    const { session } = tab({
      refresh: async () => pair(2),
      revoke: async () => undefined,
    });

    expect(session.isActive()).toBe(true);
    expect(everythingInLocalStorage()).not.toMatch(/coder_refresh/);
  });

  it('keeps the pair in memory only with tokenStorage: memory', () => {
    const tokenStore = new CoderTokenStore({ storage: 'memory' });
    const session = new CoderOAuthSession({
      tokenStore,
      tokenClient: { refresh: async () => pair(2), revoke: async () => {} },
      clientId: 'client-1',
      storage: tokenStore.getStorage(),
    });
    session.start(pair(1));
    expect(session.isActive()).toBe(true);
    expect(everythingInLocalStorage()).toBe('');
    expect(JSON.stringify({ ...sessionStorage })).not.toMatch(/coder_/);
  });
});
