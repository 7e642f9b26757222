/** @jest-environment node */
import { mockApis } from '@backstage/test-utils';
import type { FetchApi } from '@backstage/core-plugin-api';
import { startFakeCoder, type FakeCoder } from '../../dev/fake-coder/server';
import { expectValidRequest, expectValidResponse } from '../../dev/contract';
import { CoderClient } from './CoderClient';

/*
 * The real client against the fake Coder, with a stand-in for the proxy that checks
 * every request the plugin sends against Coder's swagger (path, method, parameters,
 * body) and every answer against the wire contract.
 */
let fake: FakeCoder;
const sent: string[] = [];

beforeAll(async () => {
  fake = await startFakeCoder({ port: 0, buildStepMs: 0, quiet: true });
});
afterAll(() => fake.close());

function client(token: string | undefined) {
  const fetchApi: FetchApi = {
    fetch: async (input, init) => {
      const url = new URL(String(input));
      const method = init?.method ?? 'GET';
      expectValidRequest({
        method,
        url: url.pathname + url.search,
        proxyPrefix: '/api/proxy/coder',
      });
      sent.push(`${method} ${url.pathname}`);
      const upstream = `${fake.url}${url.pathname.replace(/^\/api\/proxy\/coder/, '')}${url.search}`;
      const response = await fetch(upstream, init);
      await expectValidResponse(response.clone(), method, upstream);
      return response;
    },
  };
  return new CoderClient({
    discoveryApi: mockApis.discovery({ baseUrl: 'http://backstage.test' }),
    fetchApi,
    getSessionToken: () => token,
  });
}

describe('CoderClient against the fake Coder', () => {
  it('reads build info, the linked user and a repository search with valid requests', async () => {
    const api = client(fake.tokens.demo);
    await expect(api.getBuildInfo()).resolves.toMatchObject({
      version: expect.stringMatching(/^v2\./),
    });
    await expect(api.getUser('me')).resolves.toMatchObject({
      username: 'demo',
    });
    const result = await api.getWorkspaces({
      q: 'owner:me param:"repo_url=https://github.com/acme/web-app"',
      limit: 25,
      offset: 0,
    });
    expect(result.count).toBe(result.workspaces.length);
    expect(result.workspaces.map(workspace => workspace.owner_name)).toEqual(
      result.workspaces.map(() => 'demo'),
    );
    expect(sent).toEqual([
      'GET /api/proxy/coder/api/v2/buildinfo',
      'GET /api/proxy/coder/api/v2/users/me',
      'GET /api/proxy/coder/api/v2/workspaces',
    ]);
  });

  it("lifts a real Coder 401 and 400 into the error's details", async () => {
    await expect(
      client('badbadbad0-fakeCoderWrongSecret01').getUser('me'),
    ).rejects.toMatchObject({
      coder: {
        status: 401,
        fromCoder: true,
        message: expect.stringMatching(/signed out/),
      },
    });
    await expect(
      client(fake.tokens.demo).getWorkspaces({ q: 'colour:red' }),
    ).rejects.toMatchObject({
      coder: {
        status: 400,
        message: 'Invalid workspace search query.',
        validations: [expect.objectContaining({ field: 'colour' })],
      },
    });
  });
});
