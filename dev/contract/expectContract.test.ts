/** @jest-environment node */
import { expectValidRequest, expectValidResponse } from './expectContract';
import { FIXTURE_IDS, buildUser, buildWorkspace } from './fixtures';

function jsonResponse(body: unknown, status = 200): Response {
  return new Response(JSON.stringify(body), {
    status,
    headers: { 'Content-Type': 'application/json; charset=utf-8' },
  });
}

describe('expectValidResponse', () => {
  it('passes a valid response and leaves its body readable', async () => {
    const response = jsonResponse(buildUser());
    await expectValidResponse(response, 'GET', '/api/v2/users/me');
    await expect(response.json()).resolves.toMatchObject({ username: 'alice' });
  });

  it('passes an empty 204', async () => {
    await expect(
      expectValidResponse(
        new Response(null, { status: 204 }),
        'DELETE',
        `/oauth2/tokens?client_id=${FIXTURE_IDS.app}`,
      ),
    ).resolves.toBeUndefined();
  });

  it('throws one error listing every problem', async () => {
    const workspace: Record<string, unknown> = { ...buildWorkspace() };
    delete workspace.name;
    workspace.owner_id = 'alice';
    await expect(
      expectValidResponse(
        jsonResponse(workspace),
        'GET',
        `/api/v2/workspaces/${FIXTURE_IDS.workspace}`,
      ),
    ).rejects.toThrow(
      [
        `GET /api/v2/workspaces/${FIXTURE_IDS.workspace} → 200 breaks Coder's API contract`,
        ' (dev/contract/wireDifferences.ts lists the known departures from swagger):',
        '\n  - /name: required property is missing',
        '\n  - /owner_id: must be a uuid string (got "alice")',
      ].join(''),
    );
  });

  it('reports a body that is not JSON', async () => {
    await expect(
      expectValidResponse(
        new Response('Route not found.', {
          status: 200,
          headers: { 'Content-Type': 'text/plain' },
        }),
        'GET',
        '/api/v2/buildinfo',
      ),
    ).rejects.toThrow(
      /content-type must be application\/json[\s\S]*must be object \(got "Route not found."\)/,
    );
  });
});

it('asks for the path when the Response carries no url', async () => {
  await expect(
    expectValidResponse(jsonResponse(buildUser()), 'GET'),
  ).rejects.toThrow('expectValidResponse needs the request path');
});

describe('expectValidRequest', () => {
  it('throws on a request the client must not send', () => {
    expect(() =>
      expectValidRequest({
        method: 'GET',
        url: '/api/v2/workspaces?sort=name',
      }),
    ).toThrow('query parameter "sort" is not declared');
  });

  it('passes a valid request', () => {
    expect(() =>
      expectValidRequest({
        method: 'GET',
        url: '/api/v2/workspaces?q=owner:me',
      }),
    ).not.toThrow();
  });
});
