import { CoderTokenStore } from './CoderTokenStore';

const KEY = 'backstage-plugin-coder/session-token';
const TOKEN = 'abcdefghij-0123456789abcdefghijkl';

function signedInAs(userEntityRef: string) {
  let resolve: () => void = () => {};
  const known = new Promise<void>(done => {
    resolve = done;
  });
  return {
    /** Lets the identity answer; until then the app does not know who is signed in. */
    answer: () => resolve(),
    identityApi: {
      getBackstageIdentity: async () => {
        await known;
        return {
          type: 'user' as const,
          userEntityRef,
          ownershipEntityRefs: [userEntityRef],
        };
      },
    },
  };
}

async function settle() {
  await new Promise(resolve => setTimeout(resolve, 0));
}

/** A store for `userEntityRef` whose identity has already answered. */
async function storeFor(userEntityRef: string) {
  const identity = signedInAs(userEntityRef);
  const store = new CoderTokenStore({ identityApi: identity.identityApi });
  identity.answer();
  await store.ready();
  return store;
}

beforeEach(() => {
  localStorage.clear();
  sessionStorage.clear();
});

describe('CoderTokenStore bound to a Backstage user', () => {
  it('does not give a token linked by one Backstage user to the next, and forgets it', async () => {
    const alice = await storeFor('user:default/alice');
    alice.setToken(TOKEN);

    const bob = await storeFor('user:default/bob');

    expect(bob.getToken()).toBeUndefined();
    expect(bob.getSnapshot().unlinkReason).toBeUndefined();
    expect(JSON.stringify({ ...localStorage })).not.toContain(TOKEN);
  });

  it('gives the same Backstage user their token on the next page load', async () => {
    (await storeFor('user:default/alice')).setToken(TOKEN);
    expect((await storeFor('user:default/alice')).getToken()).toBe(TOKEN);
  });

  it('holds the stored token back until it knows who is signed in', async () => {
    (await storeFor('user:default/alice')).setToken(TOKEN);
    const identity = signedInAs('user:default/alice');
    const store = new CoderTokenStore({ identityApi: identity.identityApi });

    expect(store.getToken()).toBeUndefined();
    expect(store.getSnapshot().resolvingOwner).toBe(true);

    identity.answer();
    await settle();
    expect(store.getToken()).toBe(TOKEN);
    expect(store.getSnapshot().resolvingOwner).toBeFalsy();
  });

  it('forgets a token an older version stored without its owner', async () => {
    localStorage.setItem(KEY, TOKEN);
    const store = await storeFor('user:default/alice');
    expect(store.getToken()).toBeUndefined();
    expect(localStorage.getItem(KEY)).toBeNull();
  });

  it('ignores a token another Backstage user links in another tab', async () => {
    const alice = await storeFor('user:default/alice');
    alice.setToken(TOKEN);
    const bob = await storeFor('user:default/bob');
    const bobsToken = 'bobbobbob0-0123456789abcdefghijkl';
    bob.setToken(bobsToken);

    window.dispatchEvent(new StorageEvent('storage', { key: KEY }));

    expect(alice.getToken()).toBeUndefined();
    expect(localStorage.getItem(KEY)).toBe(bobsToken);
  });

  it('keeps the unbound behaviour when no identity is given', () => {
    localStorage.setItem(KEY, TOKEN);
    expect(new CoderTokenStore().getToken()).toBe(TOKEN);
  });
});
