import { toCoderResponseError } from '../../api/errors';
import { getCoderQueryClient } from '../../queries/coderQueryClient';
import { CoderTokenStore } from '../CoderTokenStore';
import { CoderOAuthSession } from './CoderOAuthSession';
import { CoderOAuthTokenClient } from './oauthTokenClient';

const MINUTE = 60_000;
const SIGNED_OUT =
  'You are signed out or your session has expired. Please sign in again to continue.';
const SUSPENDED =
  'User is not active (status = "suspended"). Contact an admin to reactivate your account.';

/** Coder's 401 as coderd/httpmw/apikey.go writes it (the proxy drops WWW-Authenticate). */
function coder401(message: string, detail?: string) {
  return new Response(JSON.stringify({ message, detail }), {
    status: 401,
    headers: { 'Content-Type': 'application/json' },
  });
}

/**
 * A fake Coder token endpoint behind the OAuth proxy: every grant succeeds (Coder's
 * refresh grant ignores the user's status) with a new pair, numbered. After 50 grants it
 * answers 503, so a runaway loop ends in a failed count rather than a hung test.
 */
function fakeTokenEndpoint(body: (n: number) => object = () => ({})) {
  let issued = 0;
  const grants: string[] = [];
  const post = jest.fn(
    async (_path: string, fields: Record<string, string>) => {
      grants.push(fields.grant_type);
      if (grants.length > 50) return new Response('', { status: 503 });
      issued += 1;
      return new Response(
        JSON.stringify({
          access_token: `access${String(issued).padStart(4, '0')}-oauthAccessSecret${String(issued).padStart(5, '0')}`,
          refresh_token: `coder_refresh${issued}_secret`,
          token_type: 'Bearer',
          expires_in: 3600,
          ...body(issued),
        }),
        { headers: { 'Content-Type': 'application/json' } },
      );
    },
  );
  const client = new CoderOAuthTokenClient(post, {
    clientId: 'client-1',
    proxyPath: '/coder-oauth',
    tokenPath: async () => '/tokens',
    revocationPath: async () => '/revoke',
  });
  const refreshes = () => grants.filter(g => g === 'refresh_token').length;
  return { client, refreshes };
}

/**
 * The app's wiring: token store, OAuth session, and the plugin's QueryClient whose 401
 * hook asks the session to recover. `answer` is what Coder says to a request made with
 * a given access token; a card polls once a second.
 */
async function linkedPage(
  tokenEndpoint: ReturnType<typeof fakeTokenEndpoint>,
  answer: (token: string) => Response | undefined,
) {
  const tokenStore = new CoderTokenStore({ storage: 'local' });
  const session = new CoderOAuthSession({
    tokenStore,
    tokenClient: tokenEndpoint.client,
    clientId: 'client-1',
    storage: localStorage,
  });
  session.start(
    await tokenEndpoint.client.exchangeCode('code', 'verifier', 'http://x'),
  );
  const queryClient = getCoderQueryClient(tokenStore);
  const poll = async () => {
    const { token, version } = tokenStore.getSnapshot();
    if (!token) return;
    await queryClient
      .fetchQuery({
        queryKey: ['coder', version, 'users', 'me'],
        queryFn: async () => {
          const response = answer(token);
          if (response) throw await toCoderResponseError(response);
          return { username: 'demo' };
        },
        meta: { sessionVersion: version },
        retry: false,
        staleTime: 0,
      })
      .catch(() => undefined);
  };
  /** Polls once a second for `ms` of simulated time. */
  const run = async (ms: number) => {
    for (let elapsed = 0; elapsed < ms; elapsed += 1000) {
      await poll();
      await jest.advanceTimersByTimeAsync(1000);
    }
  };
  return { tokenStore, session, run };
}

beforeEach(() => {
  localStorage.clear();
  sessionStorage.clear();
  jest.useFakeTimers({ now: new Date('2026-08-22T12:00:00Z') });
});

afterEach(() => jest.useRealTimers());

describe('CoderOAuthSession, when Coder keeps refusing', () => {
  it('refreshes a suspended user at most twice in a minute and unlinks, saying the account is not active', async () => {
    const tokenEndpoint = fakeTokenEndpoint();
    let first: string | undefined;
    const { tokenStore, run } = await linkedPage(tokenEndpoint, token => {
      first ??= token;
      // The first token has expired; every refreshed one belongs to a suspended user.
      return token === first
        ? coder401(
            SIGNED_OUT,
            'API key expired at "2026-08-22 11:59:00 +0000 UTC".',
          )
        : coder401(SUSPENDED);
    });
    jest.setSystemTime(Date.now() + 5 * MINUTE);

    await run(60_000);

    expect(tokenEndpoint.refreshes()).toBeLessThanOrEqual(2);
    expect(tokenStore.getToken()).toBeUndefined();
    expect(tokenStore.getSnapshot().unlinkReason).toBe('inactive');
    expect(tokenStore.getSnapshot().unlinkDetail).toBe(SUSPENDED);
  });

  it('computes expiry from expires_in, so a browser clock 15 minutes ahead of Coder refreshes at most twice in a minute', async () => {
    // Coder's absolute `expiry` is on its own clock, 15 minutes behind this browser's:
    // read literally, every 10-minute token would have expired 5 minutes ago.
    const tokenEndpoint = fakeTokenEndpoint(() => ({
      expires_in: 600,
      expiry: new Date(Date.now() - 15 * MINUTE + 10 * MINUTE).toISOString(),
    }));
    const { tokenStore, run } = await linkedPage(
      tokenEndpoint,
      () => undefined,
    );

    await run(60_000);

    expect(tokenEndpoint.refreshes()).toBeLessThanOrEqual(2);
    expect(tokenStore.getToken()).toBeDefined();
  });

  it('backs off when Coder rejects every refreshed token, then unlinks', async () => {
    const tokenEndpoint = fakeTokenEndpoint();
    const { tokenStore, run } = await linkedPage(tokenEndpoint, () =>
      coder401(SIGNED_OUT, 'API key is invalid.'),
    );
    jest.setSystemTime(Date.now() + 5 * MINUTE);

    await run(60_000);
    expect(tokenEndpoint.refreshes()).toBeLessThanOrEqual(2);
    expect(tokenStore.getToken()).toBeDefined();

    await run(5 * MINUTE);
    expect(tokenEndpoint.refreshes()).toBeLessThanOrEqual(4);
    expect(tokenStore.getToken()).toBeUndefined();
    expect(tokenStore.getSnapshot().unlinkReason).toBe('rejected');
  });
});
