import {
  MockFetchApi,
  mockApis,
  registerMswTestHooks,
} from '@backstage/test-utils';
import { waitFor } from '@testing-library/react';
import { http, HttpResponse } from 'msw';
import { setupServer } from 'msw/node';
import { CoderTokenStore } from '../CoderTokenStore';
import { createOAuthRuntime } from './oauthRuntime';

const BACKSTAGE = 'http://backstage.test/api/proxy';
const ALICE = {
  accessToken: 'alice00000-aliceAccessSecret0000000',
  refreshToken: 'coder_alice00000_aliceRefreshSecret',
  expiresAt: Date.now() + 3_600_000,
};

const server = setupServer();
registerMswTestHooks(server);

/** Every token Coder's revoke endpoint was asked to revoke. */
let revoked: string[] = [];

beforeEach(() => {
  localStorage.clear();
  sessionStorage.clear();
  revoked = [];
  server.use(
    http.get(
      `${BACKSTAGE}/coder/.well-known/oauth-authorization-server`,
      () => new HttpResponse(null, { status: 404 }),
    ),
    http.post(`${BACKSTAGE}/coder-oauth/revoke`, async ({ request }) => {
      revoked.push(new URLSearchParams(await request.text()).get('token')!);
      return new HttpResponse(null, { status: 200 });
    }),
  );
});

function signedInAs(userEntityRef: string) {
  return {
    getBackstageIdentity: async () => ({
      type: 'user' as const,
      userEntityRef,
      ownershipEntityRefs: [userEntityRef],
    }),
  };
}

/** A page load: the app's token store and OAuth runtime for whoever is signed in. */
function pageFor(userEntityRef: string) {
  const tokenStore = new CoderTokenStore({
    storage: 'local',
    identityApi: signedInAs(userEntityRef),
  });
  const runtime = createOAuthRuntime({
    settings: {
      clientId: 'client-1',
      redirectUri: 'http://backstage.test/coder/oauth/callback',
      proxyPath: '/coder-oauth',
      tokenLinking: true,
    },
    tokenStore,
    discoveryApi: mockApis.discovery({ baseUrl: 'http://backstage.test' }),
    fetchApi: new MockFetchApi(),
    coderProxyPath: '/coder',
    accessUrl: 'https://coder.example.com',
    storage: tokenStore.getStorage(),
  });
  return { tokenStore, runtime };
}

describe('a Coder link and the Backstage user it belongs to', () => {
  it('does not link a second Backstage user as the first, and revokes the first user’s OAuth pair', async () => {
    const alice = pageFor('user:default/alice');
    // Sign-in happens long after the page knows who is signed in to Backstage.
    await new Promise(resolve => setTimeout(resolve, 0));
    alice.runtime.session.start(ALICE);
    expect(alice.tokenStore.getToken()).toBe(ALICE.accessToken);

    // Alice signs out of Backstage; Bob signs in on the same browser and tab.
    const bob = pageFor('user:default/bob');

    await waitFor(() =>
      expect([...revoked].sort()).toEqual(
        [ALICE.accessToken, ALICE.refreshToken].sort(),
      ),
    );
    expect(bob.tokenStore.getToken()).toBeUndefined();
    expect(bob.tokenStore.getSnapshot().unlinkReason).toBeUndefined();
    const everything = JSON.stringify({ ...localStorage, ...sessionStorage });
    expect(everything).not.toContain(ALICE.accessToken);
    expect(everything).not.toContain(ALICE.refreshToken);
  });

  it('keeps the link for the same Backstage user on the next page load', async () => {
    const first = pageFor('user:default/alice');
    await new Promise(resolve => setTimeout(resolve, 0));
    first.runtime.session.start(ALICE);

    const again = pageFor('user:default/alice');

    await waitFor(() =>
      expect(again.tokenStore.getToken()).toBe(ALICE.accessToken),
    );
    expect(revoked).toEqual([]);
  });
});
