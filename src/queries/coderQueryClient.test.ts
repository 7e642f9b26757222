import { describeCoderError } from '../api/describeCoderError';
import { toCoderResponseError } from '../api/errors';
import { CoderTokenStore } from '../auth/CoderTokenStore';
import { getCoderQueryClient } from './coderQueryClient';

const TOKEN = 'abcdefghij-0123456789abcdefghijkl';

function answer(status: number, body: object) {
  return new Response(JSON.stringify(body), {
    status,
    headers: { 'Content-Type': 'application/json' },
  });
}

/** A linked store, its QueryClient, and a read that fails with `response`. */
async function readFailingWith(response: Response) {
  const tokenStore = new CoderTokenStore({ storage: 'memory' });
  tokenStore.setToken(TOKEN);
  const recover = jest.fn(async (_token: string) => true);
  tokenStore.setRejectionHandler(recover);
  const { version } = tokenStore.getSnapshot();
  const error = await getCoderQueryClient(tokenStore)
    .fetchQuery({
      queryKey: ['coder', version, 'users', 'me'],
      queryFn: async () => {
        throw await toCoderResponseError(response);
      },
      meta: { sessionVersion: version },
      retry: false,
    })
    .catch(e => e);
  // Let the rejection handler (if any) settle.
  await new Promise(resolve => setTimeout(resolve, 0));
  return { tokenStore, recover, error };
}

describe("the plugin's QueryClient, given a 401", () => {
  it("neither unlinks nor refreshes on a 401 without Coder's signature, and says something between Backstage and Coder refused", async () => {
    const { tokenStore, recover, error } = await readFailingWith(
      answer(401, { message: 'Unauthorized' }),
    );

    expect(recover).not.toHaveBeenCalled();
    expect(tokenStore.getToken()).toBe(TOKEN);
    expect(tokenStore.getSnapshot().unlinkReason).toBeUndefined();
    expect(describeCoderError(error)).toMatchObject({
      kind: 'proxy-refused',
      status: 401,
    });
  });

  it("asks the session to recover from Coder's own signed-out 401", async () => {
    const { recover } = await readFailingWith(
      answer(401, {
        message:
          'You are signed out or your session has expired. Please sign in again to continue.',
        detail: 'API key expired at "2026-08-22 11:59:00 +0000 UTC".',
      }),
    );
    expect(recover).toHaveBeenCalledWith(TOKEN);
  });

  it("unlinks at once on Coder's not-active 401, without trying to refresh, and keeps Coder's reason", async () => {
    const message =
      'User is not active (status = "suspended"). Contact an admin to reactivate your account.';
    const { tokenStore, recover, error } = await readFailingWith(
      answer(401, { message }),
    );

    expect(recover).not.toHaveBeenCalled();
    expect(tokenStore.getToken()).toBeUndefined();
    expect(tokenStore.getSnapshot()).toMatchObject({
      unlinkReason: 'inactive',
      unlinkDetail: message,
    });
    expect(describeCoderError(error).kind).toBe('unauthorized');
  });
});
