import { CoderTokenStore } from '../CoderTokenStore';
import { CoderOAuthError } from './CoderOAuthError';
import { CoderOAuthSession } from './CoderOAuthSession';
import type { CoderOAuthTokens } from './oauthTokenClient';

const HOUR = 3_600_000;

function pair(n: number, expiresAt = Date.now() + HOUR): CoderOAuthTokens {
  return {
    accessToken: `access${n}00-accessSecretNumber${n}abcdef`,
    refreshToken: `coder_refresh${n}_secret`,
    expiresAt,
  };
}

function setup(
  refresh: (token: string) => Promise<CoderOAuthTokens> = async () => pair(2),
) {
  localStorage.clear();
  sessionStorage.clear();
  const tokenStore = new CoderTokenStore({ storage: 'local' });
  const tokenClient = {
    refresh: jest.fn(refresh),
    revoke: jest.fn(async (_token: string) => undefined),
  };
  // A token younger than 30 s is never refreshed; tests move this clock past that.
  let offset = 0;
  const session = new CoderOAuthSession({
    tokenStore,
    tokenClient,
    clientId: 'client-1',
    storage: localStorage,
    now: () => Date.now() + offset,
  });
  const later = (ms: number) => {
    offset += ms;
  };
  return { tokenStore, tokenClient, session, later };
}

afterEach(() => jest.useRealTimers());

describe('CoderOAuthSession', () => {
  it('answers a rejected access token with one refresh, however many requests failed', async () => {
    const { tokenStore, tokenClient, session, later } = setup();
    session.start(pair(1));
    later(5 * 60_000);
    const version = tokenStore.getSnapshot().version;

    tokenStore.rejectVersion(version);
    tokenStore.rejectVersion(version);
    await expect(session.recover(pair(1).accessToken)).resolves.toBe(true);

    expect(tokenClient.refresh).toHaveBeenCalledTimes(1);
    expect(tokenClient.refresh).toHaveBeenCalledWith(pair(1).refreshToken);
    expect(tokenStore.getToken()).toBe(pair(2).accessToken);
    expect(
      sessionStorage.getItem('backstage-plugin-coder/oauth-refresh'),
    ).toContain(pair(2).refreshToken);
    expect(tokenStore.getSnapshot().unlinkReason).toBeUndefined();
  });

  it('refreshes shortly before the access token expires', async () => {
    jest.useFakeTimers();
    const { tokenStore, tokenClient, session } = setup();
    session.start(pair(1, Date.now() + 10 * 60_000));
    jest.advanceTimersByTime(8 * 60_000);
    expect(tokenClient.refresh).not.toHaveBeenCalled();
    jest.advanceTimersByTime(60_000);
    expect(tokenClient.refresh).toHaveBeenCalledTimes(1);
    await jest.runOnlyPendingTimersAsync();
    expect(tokenStore.getToken()).toBe(pair(2).accessToken);
  });

  it('adopts the pair another tab obtained when its own refresh token was already rotated', async () => {
    const { tokenStore, session, later } = setup(async () => {
      // The other tab won the race and stored its new pair (its refresh token stays in
      // that tab).
      const { refreshToken: _, ...shared } = pair(3);
      localStorage.setItem(
        'backstage-plugin-coder/oauth-session',
        JSON.stringify({
          ...shared,
          clientId: 'client-1',
          obtainedAt: Date.now(),
        }),
      );
      throw new CoderOAuthError('grant-rejected', 'rotated');
    });
    session.start(pair(1));
    later(5 * 60_000);
    await expect(session.refresh()).resolves.toBe(pair(3).accessToken);
    expect(tokenStore.getToken()).toBe(pair(3).accessToken);
  });

  it('unlinks with a reason when Coder refuses the refresh', async () => {
    const { tokenStore, session, later } = setup(async () => {
      throw new CoderOAuthError(
        'grant-rejected',
        'Coder no longer accepts it.',
      );
    });
    session.start(pair(1));
    later(5 * 60_000);
    tokenStore.rejectVersion(tokenStore.getSnapshot().version);
    await new Promise(resolve => setTimeout(resolve, 0));
    await new Promise(resolve => setTimeout(resolve, 0));
    expect(tokenStore.getToken()).toBeUndefined();
    expect(tokenStore.getSnapshot().unlinkReason).toBe('rejected');
    expect(
      localStorage.getItem('backstage-plugin-coder/oauth-session'),
    ).toBeNull();
  });

  it('revokes both tokens and forgets them when the account is unlinked', async () => {
    const { tokenStore, tokenClient, session } = setup();
    session.start(pair(1));
    tokenStore.clearToken();
    await Promise.resolve();
    expect(tokenClient.revoke.mock.calls.map(call => call[0]).sort()).toEqual(
      [pair(1).accessToken, pair(1).refreshToken].sort(),
    );
    expect(
      localStorage.getItem('backstage-plugin-coder/oauth-session'),
    ).toBeNull();
    expect(session.isActive()).toBe(false);
  });

  it('keeps the session when a refresh cannot reach Coder, and tries again later', async () => {
    const { tokenStore, session, later } = setup(async () => {
      throw new CoderOAuthError('unreachable', 'down');
    });
    session.start(pair(1));
    later(5 * 60_000);
    await expect(session.refresh()).resolves.toBeUndefined();
    expect(tokenStore.getToken()).toBe(pair(1).accessToken);
    expect(session.isActive()).toBe(true);
  });
});
