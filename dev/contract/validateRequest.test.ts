/** @jest-environment node */
import { FIXTURE_IDS } from './fixtures';
import { validateRequest, type RequestToValidate } from './validateRequest';

const PROXY_PREFIX = '/api/proxy/coder';
const PROXY = `http://localhost:7007${PROXY_PREFIX}`;

function errorsOf(request: RequestToValidate): string[] {
  const result = validateRequest({ proxyPrefix: PROXY_PREFIX, ...request });
  return result.ok ? [] : result.errors;
}

describe('validateRequest', () => {
  describe('accepts what Coder accepts', () => {
    it('accepts the workspace search with paging', () => {
      expect(
        validateRequest({
          method: 'GET',
          url: `${PROXY}/api/v2/workspaces?q=owner:me&limit=25`,
          proxyPrefix: PROXY_PREFIX,
        }),
      ).toEqual({ ok: true });
    });

    it('accepts the signed-in user through the `me` alias', () => {
      expect(
        errorsOf({ method: 'GET', url: `${PROXY}/api/v2/users/me` }),
      ).toEqual([]);
    });

    it('accepts a start build with a JSON string body', () => {
      expect(
        errorsOf({
          method: 'POST',
          url: `${PROXY}/api/v2/workspaces/${FIXTURE_IDS.workspace}/builds`,
          body: JSON.stringify({ transition: 'start' }),
        }),
      ).toEqual([]);
    });

    it('accepts the dashboard-style start with version and reason', () => {
      expect(
        errorsOf({
          method: 'POST',
          url: `${PROXY}/api/v2/workspaces/${FIXTURE_IDS.workspace}/builds`,
          body: {
            transition: 'start',
            template_version_id: FIXTURE_IDS.templateVersion,
            reason: 'dashboard',
          },
        }),
      ).toEqual([]);
    });

    it('accepts `q` on the template list, which swagger omits', () => {
      expect(
        errorsOf({
          method: 'GET',
          url: `${PROXY}/api/v2/organizations/default/templates?q=deprecated:false`,
        }),
      ).toEqual([]);
    });

    it('accepts a path without a proxy when no prefix is given', () => {
      expect(
        validateRequest({ method: 'GET', url: '/api/v2/buildinfo' }),
      ).toEqual({ ok: true });
    });

    it('accepts the PKCE authorization request without `state`', () => {
      expect(
        validateRequest({
          method: 'GET',
          url: `/oauth2/authorize?client_id=${FIXTURE_IDS.app}&response_type=code&code_challenge=abc&code_challenge_method=S256`,
        }),
      ).toEqual({ ok: true });
    });

    it('accepts a form-encoded token exchange with the fields swagger omits', () => {
      expect(
        validateRequest({
          method: 'POST',
          url: '/oauth2/tokens',
          body: new URLSearchParams({
            grant_type: 'authorization_code',
            client_id: FIXTURE_IDS.app,
            client_secret: 'coder_abc_def',
            code: 'coder_abc_xyz',
            code_verifier: 'v'.repeat(43),
            redirect_uri: 'http://localhost:7007/callback',
          }),
        }),
      ).toEqual({ ok: true });
    });
  });

  describe('rejects what the client must not send', () => {
    it('rejects an undeclared query parameter', () => {
      expect(
        errorsOf({
          method: 'GET',
          url: `${PROXY}/api/v2/workspaces?q=owner:me&page=2`,
        }),
      ).toEqual([
        'query parameter "page" is not declared for GET /api/v2/workspaces (declared: q, limit, offset)',
      ]);
    });

    it('rejects a badly typed query parameter', () => {
      expect(
        errorsOf({
          method: 'GET',
          url: `${PROXY}/api/v2/workspaces?limit=ten`,
        }),
      ).toEqual(['query parameter limit: must be integer (got "ten")']);
    });

    it('rejects a method swagger does not declare for the path', () => {
      expect(
        errorsOf({
          method: 'DELETE',
          url: `${PROXY}/api/v2/workspaces/${FIXTURE_IDS.workspace}/builds`,
        }),
      ).toEqual([
        'DELETE is not declared for /api/v2/workspaces/{workspace}/builds (swagger declares GET, POST)',
      ]);
    });

    it('rejects a workspace name where the workspace id belongs', () => {
      expect(
        errorsOf({
          method: 'POST',
          url: `${PROXY}/api/v2/workspaces/dev/builds`,
          body: { transition: 'start' },
        }),
      ).toEqual([
        'path parameter {workspace}: must be a uuid string (got "dev")',
      ]);
    });

    it('rejects a non-uuid workspace build id, which swagger types as a plain string', () => {
      expect(
        errorsOf({
          method: 'GET',
          url: `${PROXY}/api/v2/workspacebuilds/3/parameters`,
        }),
      ).toEqual([
        'path parameter {workspacebuild}: must be a uuid string (got "3")',
      ]);
    });

    it('rejects a build body without `transition`', () => {
      expect(
        errorsOf({
          method: 'POST',
          url: `${PROXY}/api/v2/workspaces/${FIXTURE_IDS.workspace}/builds`,
          body: { template_version_id: FIXTURE_IDS.templateVersion },
        }),
      ).toEqual(['body/transition: required property is missing']);
    });

    it('rejects the restart transition, which does not exist', () => {
      expect(
        errorsOf({
          method: 'POST',
          url: `${PROXY}/api/v2/workspaces/${FIXTURE_IDS.workspace}/builds`,
          body: { transition: 'restart' },
        }),
      ).toEqual([
        'body/transition: must be one of "start", "stop", "delete" (got "restart")',
      ]);
    });

    it('rejects an undeclared body field', () => {
      expect(
        errorsOf({
          method: 'POST',
          url: `${PROXY}/api/v2/workspaces/${FIXTURE_IDS.workspace}/builds`,
          body: { transition: 'stop', force: true },
        }),
      ).toEqual(['body/force: property is not in the contract']);
    });

    it('rejects a missing body where one is required', () => {
      expect(
        errorsOf({
          method: 'POST',
          url: `${PROXY}/api/v2/workspaces/${FIXTURE_IDS.workspace}/builds`,
        }),
      ).toEqual([
        'body is required by POST /api/v2/workspaces/{workspace}/builds (codersdk.CreateWorkspaceBuildRequest)',
      ]);
    });

    it('rejects a body that is not JSON', () => {
      expect(
        errorsOf({
          method: 'PUT',
          url: `${PROXY}/api/v2/workspaces/${FIXTURE_IDS.workspace}/extend`,
          body: 'deadline=tomorrow',
        }),
      ).toEqual([
        'body is not valid JSON; expected codersdk.PutExtendWorkspaceRequest',
      ]);
    });

    it('rejects a body on an operation that takes none', () => {
      expect(
        errorsOf({
          method: 'GET',
          url: `${PROXY}/api/v2/buildinfo`,
          body: '{}',
        }),
      ).toEqual(['GET /api/v2/buildinfo takes no body (got string)']);
    });

    it('rejects a path outside the proxy prefix', () => {
      expect(
        errorsOf({
          method: 'GET',
          url: 'http://localhost:7007/api/v2/users/me',
        }),
      ).toEqual([
        'path /api/v2/users/me does not start with the proxy prefix /api/proxy/coder',
      ]);
    });

    it('rejects an unknown path', () => {
      expect(errorsOf({ method: 'GET', url: `${PROXY}/api/v2/me` })).toEqual([
        'No swagger path matches GET /api/v2/me',
      ]);
    });

    it('rejects the implicit grant swagger still lists', () => {
      expect(
        validateRequest({
          method: 'GET',
          url: `/oauth2/authorize?client_id=${FIXTURE_IDS.app}&response_type=token`,
        }),
      ).toEqual({
        ok: false,
        errors: [
          'query parameter response_type: must be one of "code" (got "token")',
        ],
      });
    });

    it('rejects a token request without grant_type', () => {
      expect(
        validateRequest({
          method: 'POST',
          url: '/oauth2/tokens',
          body: 'refresh_token=coder_abc_xyz',
        }),
      ).toEqual({
        ok: false,
        errors: ['form field "grant_type" is required by POST /oauth2/tokens'],
      });
    });
  });
});
