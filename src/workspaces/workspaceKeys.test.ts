import { registerMswTestHooks } from '@backstage/test-utils';
import { http, HttpResponse } from 'msw';
import { setupServer } from 'msw/node';
import { MockFetchApi, mockApis } from '@backstage/test-utils';
import { waitFor } from '@testing-library/react';
import { coderClientApiFactory } from '../apiFactories';
import {
  coderTestApis,
  TEST_PROXY_URL,
  TEST_TOKEN,
} from '../testUtils/coderTestApis';
import { coderApiRef, type CoderApi } from '../api/CoderApi';
import { revokeWorkspaceKeys, workspaceKey } from './workspaceKeys';

const server = setupServer();
registerMswTestHooks(server);

const HOUR = 60 * 60 * 1000;

/** Coder's token endpoints: numbered keys, a log of names and deletions. */
function serveTokens(answer?: () => Response | undefined) {
  const names: string[] = [];
  const deleted: Array<{ id: string; token: string | null }> = [];
  server.use(
    http.post(
      `${TEST_PROXY_URL}/api/v2/users/me/keys/tokens`,
      async ({ request }) => {
        const refusal = answer?.();
        if (refusal) return refusal;
        const body = (await request.json()) as { token_name: string };
        names.push(body.token_name);
        const id = `key${String(names.length).padStart(7, '0')}`;
        return HttpResponse.json(
          { key: `${id}-abcdefghijklmnopqrstuv` },
          { status: 201 },
        );
      },
    ),
    http.delete(
      `${TEST_PROXY_URL}/api/v2/users/me/keys/:id`,
      ({ request, params }) => {
        deleted.push({
          id: String(params.id),
          token: request.headers.get('Coder-Session-Token'),
        });
        return new HttpResponse(null, { status: 204 });
      },
    ),
  );
  return { names, deleted };
}

function setup() {
  const { apis, tokenStore } = coderTestApis({ token: TEST_TOKEN });
  const api = apis.find(([ref]) => ref === coderApiRef)![1] as CoderApi;
  return { api, tokenStore };
}

describe('workspaceKey', () => {
  it('shares one token between clicks at the same time and later ones', async () => {
    const { names } = serveTokens();
    const { api } = setup();
    const keys = await Promise.all([
      workspaceKey(api, 1),
      workspaceKey(api, 1),
    ]);
    expect(await workspaceKey(api, 1)).toBe(keys[0]);
    expect(keys[1]).toBe(keys[0]);
    expect(names).toHaveLength(1);
  });

  it('mints anew for another session, and once less than 12 hours are left', async () => {
    const { names } = serveTokens();
    const { api } = setup();
    let now = 0;
    const first = await workspaceKey(api, 1, () => now);
    now = 11 * HOUR;
    expect(await workspaceKey(api, 1, () => now)).toBe(first);
    now = 12 * HOUR + 1;
    const second = await workspaceKey(api, 1, () => now);
    expect(second).not.toBe(first);
    const third = await workspaceKey(api, 2, () => now);
    expect(third).not.toBe(second);
    expect(names).toHaveLength(3);
    expect(new Set(names).size).toBe(3);
  });

  it('tries another name when Coder says the name is taken, and again on the next click after a failure', async () => {
    const answers: Array<Response | undefined> = [
      HttpResponse.json(
        { message: 'A token with name "x" already exists.' },
        { status: 409 },
      ),
      undefined,
    ];
    const { names } = serveTokens(() => answers.shift());
    const { api } = setup();
    expect(await workspaceKey(api, 1)).toMatch(/^key0000001-/);

    const { api: other } = setup();
    answers.push(
      HttpResponse.json(
        { message: 'Failed to validate create API key request.' },
        { status: 400 },
      ),
    );
    await expect(workspaceKey(other, 1)).rejects.toThrow(/Failed to validate/);
    expect(await workspaceKey(other, 1)).toMatch(/^key0000002-/);
    expect(names).toHaveLength(2);
  });
});

describe('revokeWorkspaceKeys', () => {
  it('deletes every token it minted, each authenticating its own deletion, even after unlinking', async () => {
    const { deleted } = serveTokens();
    const { api, tokenStore } = setup();
    let now = 0;
    const first = await workspaceKey(api, 1, () => now);
    now = 13 * HOUR;
    const second = await workspaceKey(api, 1, () => now);
    tokenStore.clearToken();

    await revokeWorkspaceKeys(api);
    expect(deleted).toEqual([
      { id: 'key0000001', token: first },
      { id: 'key0000002', token: second },
    ]);
    // Forgotten: nothing to delete twice, and the next click mints anew.
    await revokeWorkspaceKeys(api);
    expect(deleted).toHaveLength(2);
  });

  it('never rejects, so unlinking works while Coder is down', async () => {
    serveTokens();
    const { api } = setup();
    await workspaceKey(api, 1);
    server.use(
      http.delete(
        `${TEST_PROXY_URL}/api/v2/users/me/keys/:id`,
        () => new HttpResponse(null, { status: 502 }),
      ),
    );
    await expect(revokeWorkspaceKeys(api)).resolves.toBeUndefined();
  });
});

describe('the Coder client API factory', () => {
  it('revokes the VS Code tokens when the link ends, not when the token is replaced', async () => {
    const { deleted } = serveTokens();
    const { tokenStore } = coderTestApis({ token: TEST_TOKEN });
    const api = coderClientApiFactory.factory({
      discoveryApi: mockApis.discovery({ baseUrl: 'http://backstage.test' }),
      fetchApi: new MockFetchApi(),
      configApi: mockApis.config(),
      tokenStore,
    }) as CoderApi;
    await workspaceKey(api, 1);
    tokenStore.setToken(`${TEST_TOKEN}x`);
    await new Promise(resolve => setTimeout(resolve, 50));
    expect(deleted).toEqual([]);

    tokenStore.clearToken();
    await waitFor(() => expect(deleted).toHaveLength(1));
  });
});
