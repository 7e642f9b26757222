import {
  MockFetchApi,
  mockApis,
  registerMswTestHooks,
} from '@backstage/test-utils';
import { http, HttpResponse } from 'msw';
import { setupServer } from 'msw/node';
import { CoderClient } from './CoderClient';
import { CoderParseError, isCoderResponseError } from './errors';

const PROXY = 'http://backstage.test/api/proxy/coder';
const server = setupServer();
registerMswTestHooks(server);

const TOKEN = 'abcdefghij-0123456789abcdefghijkl';

function makeClient(token: string | undefined) {
  return new CoderClient({
    discoveryApi: mockApis.discovery({ baseUrl: 'http://backstage.test' }),
    fetchApi: new MockFetchApi(),
    getSessionToken: () => token,
  });
}

describe('CoderClient', () => {
  it('sends the token only in the Coder-Session-Token header, through the proxy path', async () => {
    let seen: Request | undefined;
    server.use(
      http.get(`${PROXY}/api/v2/users/me`, ({ request }) => {
        seen = request;
        return HttpResponse.json({
          id: 'u1',
          username: 'demo',
          email: 'demo@example.com',
          status: 'active',
          extra_field_coder_might_add: true,
        });
      }),
    );

    const user = await makeClient(TOKEN).getUser('me');

    expect(user).toEqual({
      id: 'u1',
      username: 'demo',
      email: 'demo@example.com',
      status: 'active',
      roles: [],
    });
    expect(seen?.headers.get('Coder-Session-Token')).toBe(TOKEN);
    expect(seen?.url).not.toContain('abcdefghij');
  });

  it('omits the token header when no account is linked', async () => {
    let header: string | null = 'unset';
    server.use(
      http.get(`${PROXY}/api/v2/buildinfo`, ({ request }) => {
        header = request.headers.get('Coder-Session-Token');
        return HttpResponse.json({
          version: 'v2.37.0',
          external_url: 'https://coder.example.com',
        });
      }),
    );
    await makeClient(undefined).getBuildInfo();
    expect(header).toBeNull();
  });

  it('encodes the search query, limit and offset as query parameters', async () => {
    let url: URL | undefined;
    server.use(
      http.get(`${PROXY}/api/v2/workspaces`, ({ request }) => {
        url = new URL(request.url);
        return HttpResponse.json({ workspaces: [], count: 0 });
      }),
    );
    await makeClient(TOKEN).getWorkspaces({
      q: 'owner:me param:"repo_url=https://x/y"',
      limit: 25,
      offset: 50,
    });
    expect(url?.searchParams.get('q')).toBe(
      'owner:me param:"repo_url=https://x/y"',
    );
    expect(url?.searchParams.get('limit')).toBe('25');
    expect(url?.searchParams.get('offset')).toBe('50');
  });

  it("surfaces Coder's message, detail and validations from an error body", async () => {
    server.use(
      http.get(`${PROXY}/api/v2/workspaces`, () =>
        HttpResponse.json(
          {
            message: 'Invalid workspace search query.',
            validations: [
              { field: 'q', detail: '"colour" is not a valid query param' },
            ],
          },
          { status: 400 },
        ),
      ),
    );
    const error = await makeClient(TOKEN)
      .getWorkspaces({ q: 'colour:red' })
      .catch(e => e);
    expect(isCoderResponseError(error)).toBe(true);
    expect(error.name).toBe('ResponseError');
    expect(error.coder).toMatchObject({
      status: 400,
      message: 'Invalid workspace search query.',
      fromCoder: true,
      validations: [
        { field: 'q', detail: '"colour" is not a valid query param' },
      ],
    });
    expect(error.message).toContain('Invalid workspace search query.');
  });

  it('tells a proxy refusal apart from a Coder error', async () => {
    server.use(
      http.get(`${PROXY}/api/v2/users/me`, () =>
        HttpResponse.json(
          {
            error: {
              name: 'AuthenticationError',
              message: 'Missing credentials',
            },
            response: { statusCode: 401 },
          },
          { status: 401 },
        ),
      ),
    );
    const error = await makeClient(TOKEN)
      .getUser('me')
      .catch(e => e);
    expect(error.coder).toMatchObject({
      status: 401,
      fromCoder: false,
      message: 'Missing credentials',
    });
  });

  it('reads Retry-After from a 429', async () => {
    server.use(
      http.get(`${PROXY}/api/v2/workspaces`, () =>
        HttpResponse.json(
          {
            message:
              "You've been rate limited for sending more than 512 requests in 1m0s.",
          },
          { status: 429, headers: { 'Retry-After': '7' } },
        ),
      ),
    );
    const error = await makeClient(TOKEN)
      .getWorkspaces({})
      .catch(e => e);
    expect(error.coder.retryAfterSeconds).toBe(7);
  });

  it('turns a plain-text gateway error into a readable message', async () => {
    server.use(
      http.get(
        `${PROXY}/api/v2/workspaces`,
        () =>
          new HttpResponse(
            'Error occurred while trying to proxy: localhost:7007/api/proxy/coder/api/v2/workspaces?q=owner%3Ame%20param%3A%22repo_url%3Dhttps%3A%2F%2Fgithub.com%2Facme%2Fweb-app%22',
            { status: 504 },
          ),
      ),
    );
    const error = await makeClient(TOKEN)
      .getWorkspaces({})
      .catch(e => e);
    expect(error.coder).toMatchObject({ status: 504, fromCoder: false });
    // Decoded, so the search it failed on reads as the user typed it.
    expect(error.coder.message).toBe(
      'Error occurred while trying to proxy: localhost:7007/api/proxy/coder/api/v2/workspaces?q=owner:me param:"repo_url=https://github.com/acme/web-app"',
    );
  });

  it('rejects malformed JSON with a parse error naming the endpoint', async () => {
    server.use(
      http.get(
        `${PROXY}/api/v2/workspaces`,
        () =>
          new HttpResponse('{"workspaces": [', {
            headers: { 'content-type': 'application/json' },
          }),
      ),
    );
    const error = await makeClient(TOKEN)
      .getWorkspaces({})
      .catch(e => e);
    expect(error).toBeInstanceOf(CoderParseError);
    expect(error.message).toBe(
      'Unexpected response from Coder for /api/v2/workspaces: the body is not valid JSON',
    );
  });

  it('rejects a body missing a field the plugin reads, naming the field', async () => {
    server.use(
      http.get(`${PROXY}/api/v2/buildinfo`, () =>
        HttpResponse.json({ version: 'v2' }),
      ),
    );
    const error = await makeClient(TOKEN)
      .getBuildInfo()
      .catch(e => e);
    expect(error).toBeInstanceOf(CoderParseError);
    expect(error.message).toContain('external_url');
  });

  it('never puts the token into an error message', async () => {
    server.use(
      http.get(`${PROXY}/api/v2/users/me`, () =>
        HttpResponse.json(
          {
            message:
              'You are signed out or your session has expired. Please sign in again to continue.',
            detail: 'API key is invalid.',
          },
          { status: 401 },
        ),
      ),
    );
    const error = await makeClient('secret0000-secretsecretsecretsecret')
      .getUser('me')
      .catch(e => e);
    expect(
      JSON.stringify({ message: error.message, coder: error.coder }),
    ).not.toContain('secret');
    expect(error.coder.detail).toBe('API key is invalid.');
  });
});
