/** @jest-environment node */
import {
  FIXTURE_IDS,
  buildBuildInfo,
  buildCoderError,
  buildTemplate,
  buildUser,
  buildWorkspace,
  buildWorkspaceBuild,
  type JsonObject,
} from './fixtures';
import { validateResponse, type ResponseToValidate } from './validateResponse';

const JSON_HEADERS = { 'Content-Type': 'application/json; charset=utf-8' };

function errorsOf(response: ResponseToValidate): string[] {
  const result = validateResponse(response);
  return result.ok ? [] : result.errors;
}

function workspaceList(workspace: JsonObject): ResponseToValidate {
  return {
    method: 'GET',
    path: '/api/v2/workspaces?q=owner:me&limit=25',
    status: 200,
    body: { workspaces: [workspace], count: 1 },
    headers: JSON_HEADERS,
  };
}

/** A fresh workspace whose nested objects tests may mutate freely. */
function mutableWorkspace(): any {
  return buildWorkspace();
}

describe('validateResponse', () => {
  describe('accepts wire-accurate bodies', () => {
    it('accepts a full workspace list with nested build, job, resources, agents and apps', () => {
      expect(validateResponse(workspaceList(buildWorkspace()))).toEqual({
        ok: true,
      });
    });

    it('accepts a single workspace by id', () => {
      expect(
        validateResponse({
          method: 'GET',
          path: `/api/v2/workspaces/${FIXTURE_IDS.workspace}`,
          status: 200,
          body: buildWorkspace(),
          headers: JSON_HEADERS,
        }),
      ).toEqual({ ok: true });
    });

    it('accepts fields Go omits when empty being absent', () => {
      const workspace = mutableWorkspace();
      delete workspace.autostart_schedule;
      delete workspace.ttl_ms;
      delete workspace.latest_build.workspace_owner_avatar_url;
      delete workspace.latest_build.job.started_at;
      delete workspace.latest_build.job.completed_at;
      delete workspace.latest_build.job.worker_id;
      delete workspace.latest_build.resources[0].agents;
      expect(errorsOf(workspaceList(workspace))).toEqual([]);
    });

    it('accepts null in the fields CONTRACT §11 lists as nullable', () => {
      const workspace = mutableWorkspace();
      workspace.next_start_at = null;
      workspace.latest_build.deadline = null;
      workspace.latest_build.max_deadline = null;
      workspace.latest_build.template_version_preset_id = null;
      workspace.latest_build.resources[0].agents[0].parent_id = null;
      expect(errorsOf(workspaceList(workspace))).toEqual([]);
    });

    it('accepts a NullUUID field as a UUID string', () => {
      const workspace = mutableWorkspace();
      workspace.task_id = '11111111-2222-4333-8444-555555555555';
      expect(errorsOf(workspaceList(workspace))).toEqual([]);
    });

    it('accepts build reasons beyond the three swagger lists', () => {
      const workspace = mutableWorkspace();
      workspace.latest_build.reason = 'dashboard';
      expect(errorsOf(workspaceList(workspace))).toEqual([]);
    });

    it('accepts the signed-in user', () => {
      expect(
        validateResponse({
          method: 'GET',
          path: '/api/v2/users/me',
          status: 200,
          body: buildUser(),
          headers: JSON_HEADERS,
        }),
      ).toEqual({ ok: true });
    });

    it('accepts a dormant user without the omitted-when-empty fields', () => {
      const user: JsonObject = { ...buildUser(), status: 'dormant' };
      delete user.name;
      delete user.avatar_url;
      expect(
        errorsOf({
          method: 'GET',
          path: '/api/v2/users/alice',
          status: 200,
          body: user,
        }),
      ).toEqual([]);
    });

    it('accepts build info', () => {
      expect(
        validateResponse({
          method: 'GET',
          path: '/api/v2/buildinfo',
          status: 200,
          body: buildBuildInfo(),
          headers: JSON_HEADERS,
        }),
      ).toEqual({ ok: true });
    });

    it('accepts a template with PascalCase build-time stats and null percentiles', () => {
      expect(
        errorsOf({
          method: 'GET',
          path: `/api/v2/templates/${FIXTURE_IDS.template}`,
          status: 200,
          body: buildTemplate(),
        }),
      ).toEqual([]);
    });

    it('accepts presets with PascalCase keys', () => {
      expect(
        errorsOf({
          method: 'GET',
          path: `/api/v2/templateversions/${FIXTURE_IDS.templateVersion}/presets`,
          status: 200,
          body: [
            {
              ID: '2b4d6f8a-0c1e-4a3b-9d5f-7a9c1e3b5d16',
              Name: 'Small',
              Parameters: [{ Name: 'cpu', Value: '2' }],
              Default: true,
              DesiredPrebuildInstances: null,
              Description: '',
              Icon: '',
            },
          ],
        }),
      ).toEqual([]);
    });

    it('accepts a created build with 201', () => {
      expect(
        errorsOf({
          method: 'POST',
          path: `/api/v2/workspaces/${FIXTURE_IDS.workspace}/builds`,
          status: 201,
          body: buildWorkspaceBuild({ transition: 'stop', status: 'pending' }),
        }),
      ).toEqual([]);
    });

    it('accepts a codersdk.Response error for an undeclared error status', () => {
      expect(
        validateResponse({
          method: 'GET',
          path: `/api/v2/workspaces/${FIXTURE_IDS.workspace}`,
          status: 404,
          body: buildCoderError(),
          headers: JSON_HEADERS,
        }),
      ).toEqual({ ok: true });
    });

    it('accepts a conflict with validations', () => {
      expect(
        errorsOf({
          method: 'POST',
          path: '/api/v2/users/me/workspaces',
          status: 409,
          body: buildCoderError({
            message: 'Workspace "dev" already exists.',
            validations: [
              {
                field: 'name',
                detail: 'This value is already in use and should be unique.',
              },
            ],
          }),
        }),
      ).toEqual([]);
    });

    it('accepts 410 for a deleted workspace', () => {
      expect(
        errorsOf({
          method: 'GET',
          path: `/api/v2/workspaces/${FIXTURE_IDS.workspace}`,
          status: 410,
          body: buildCoderError({ message: 'Workspace was deleted.' }),
        }),
      ).toEqual([]);
    });

    it('accepts the OAuth2 error shape under /oauth2/', () => {
      expect(
        errorsOf({
          method: 'POST',
          path: '/oauth2/tokens',
          status: 400,
          body: { error: 'invalid_grant', error_description: 'expired code' },
        }),
      ).toEqual([]);
    });

    it('accepts the corrected 201 of OAuth2 app creation', () => {
      expect(
        errorsOf({
          method: 'POST',
          path: '/api/v2/oauth2-provider/apps',
          status: 201,
          body: {
            id: 'c5e7a9b1-3d4f-4e6a-8c0b-6e8a0c2e4a17',
            name: 'backstage',
            callback_url: 'http://localhost:7007/api/auth/coder/handler/frame',
            icon: '',
            endpoints: {
              authorization: 'https://coder.example.com/oauth2/authorize',
              token: 'https://coder.example.com/oauth2/tokens',
              token_revoke: 'https://coder.example.com/oauth2/revoke',
              device_authorization: '',
            },
          },
        }),
      ).toEqual([]);
    });

    it('accepts a whole URL as the path', () => {
      expect(
        errorsOf({
          method: 'GET',
          path: 'http://127.0.0.1:3900/api/v2/users/me?fields=all',
          status: 200,
          body: buildUser(),
        }),
      ).toEqual([]);
    });

    it('accepts an empty 204', () => {
      expect(
        errorsOf({
          method: 'DELETE',
          path: '/oauth2/tokens?client_id=c5e7a9b1-3d4f-4e6a-8c0b-6e8a0c2e4a17',
          status: 204,
          body: undefined,
        }),
      ).toEqual([]);
    });
  });

  describe('rejects departures with a message naming the JSON path', () => {
    it('rejects a missing required field', () => {
      const workspace = mutableWorkspace();
      delete workspace.latest_build.job.status;
      expect(errorsOf(workspaceList(workspace))).toEqual([
        '/workspaces/0/latest_build/job/status: required property is missing',
      ]);
    });

    it('rejects an unknown extra field', () => {
      const workspace = mutableWorkspace();
      workspace.latest_build.resources[0].agents[0].apps[0].colour = 'blue';
      expect(errorsOf(workspaceList(workspace))).toEqual([
        '/workspaces/0/latest_build/resources/0/agents/0/apps/0/colour: property is not in the contract',
      ]);
    });

    it('rejects a wrong type', () => {
      const workspace = mutableWorkspace();
      workspace.latest_build.build_number = '3';
      expect(errorsOf(workspaceList(workspace))).toEqual([
        '/workspaces/0/latest_build/build_number: must be integer (got "3")',
      ]);
    });

    it('rejects a wrong type in a nullable field', () => {
      const workspace = mutableWorkspace();
      workspace.latest_build.deadline = 1724258765;
      expect(errorsOf(workspaceList(workspace))).toEqual([
        '/workspaces/0/latest_build/deadline: must be string or null (got 1724258765)',
      ]);
    });

    it('rejects null in a non-nullable field', () => {
      const workspace = mutableWorkspace();
      workspace.last_used_at = null;
      expect(errorsOf(workspaceList(workspace))).toEqual([
        '/workspaces/0/last_used_at: must be string (got null)',
      ]);
    });

    it('rejects null for a field Go omits rather than nulls', () => {
      const workspace = mutableWorkspace();
      workspace.autostart_schedule = null;
      expect(errorsOf(workspaceList(workspace))).toEqual([
        '/workspaces/0/autostart_schedule: must be string (got null)',
      ]);
    });

    it('rejects a non-uuid id', () => {
      const workspace = mutableWorkspace();
      workspace.owner_id = 'alice';
      expect(errorsOf(workspaceList(workspace))).toEqual([
        '/workspaces/0/owner_id: must be a uuid string (got "alice")',
      ]);
    });

    it('rejects a NullUUID sent in swagger’s object form', () => {
      const workspace = mutableWorkspace();
      workspace.task_id = { uuid: FIXTURE_IDS.workspace, valid: true };
      expect(errorsOf(workspaceList(workspace))).toEqual([
        expect.stringMatching(
          /^\/workspaces\/0\/task_id: must be string or null/,
        ),
      ]);
    });

    it('rejects an enum violation', () => {
      const workspace = mutableWorkspace();
      workspace.latest_build.status = 'sleeping';
      expect(errorsOf(workspaceList(workspace))).toEqual([
        '/workspaces/0/latest_build/status: must be one of "pending", "starting", "running", "stopping", "stopped", "failed", "canceling", "canceled", "deleting", "deleted" (got "sleeping")',
      ]);
    });

    it('rejects a malformed nullable object without noise from the null branch', () => {
      const workspace = mutableWorkspace();
      workspace.latest_app_status = { id: FIXTURE_IDS.app };
      const errors = errorsOf(workspaceList(workspace));
      expect(errors).toContain(
        '/workspaces/0/latest_app_status/state: required property is missing',
      );
      expect(errors.join('\n')).not.toMatch(/if|else|null/);
    });

    it('rejects TransitionStats with swagger’s lowercase keys', () => {
      const template = buildTemplate({
        build_time_stats: { start: { p50: 25000, p95: 41000 } },
      });
      expect(
        errorsOf({
          method: 'GET',
          path: `/api/v2/templates/${FIXTURE_IDS.template}`,
          status: 200,
          body: template,
        }),
      ).toEqual([
        '/build_time_stats/start/P50: required property is missing',
        '/build_time_stats/start/P95: required property is missing',
        '/build_time_stats/start/p50: property is not in the contract',
        '/build_time_stats/start/p95: property is not in the contract',
      ]);
    });

    it('rejects a success status swagger does not declare', () => {
      expect(
        errorsOf({
          method: 'GET',
          path: `/api/v2/workspaces/${FIXTURE_IDS.workspace}`,
          status: 201,
          body: buildWorkspace(),
        }),
      ).toEqual([
        'status 201 is not declared for GET /api/v2/workspaces/{workspace} (declared: 200, 410)',
      ]);
    });

    it('rejects the 200 swagger wrongly declares for OAuth2 app creation', () => {
      expect(
        errorsOf({
          method: 'POST',
          path: '/api/v2/oauth2-provider/apps',
          status: 200,
          body: {},
        }),
      ).toEqual([
        'status 200 is not declared for POST /api/v2/oauth2-provider/apps (declared: 201)',
      ]);
    });

    it('rejects an unknown path', () => {
      expect(
        errorsOf({
          method: 'GET',
          path: '/api/v2/workspace-list',
          status: 200,
          body: [],
        }),
      ).toEqual(['No swagger path matches GET /api/v2/workspace-list']);
    });

    it('rejects a method swagger does not declare for the path', () => {
      expect(
        errorsOf({
          method: 'PUT',
          path: '/api/v2/users/me',
          status: 200,
          body: buildUser(),
        }),
      ).toEqual([
        'PUT is not declared for /api/v2/users/{user} (swagger declares GET, DELETE)',
      ]);
    });

    it('rejects a JSON body without a JSON content type', () => {
      expect(
        errorsOf({
          method: 'GET',
          path: '/api/v2/buildinfo',
          status: 200,
          body: buildBuildInfo(),
          headers: { 'content-type': 'text/plain' },
        }),
      ).toEqual(['content-type must be application/json (got text/plain)']);
    });

    it('rejects an empty body where a schema is declared', () => {
      expect(
        errorsOf({
          method: 'GET',
          path: '/api/v2/buildinfo',
          status: 200,
          body: undefined,
        }),
      ).toEqual([
        'body is empty; expected codersdk.BuildInfoResponse (swagger 200)',
      ]);
    });

    it('rejects a body on 204', () => {
      expect(
        errorsOf({
          method: 'DELETE',
          path: '/oauth2/tokens',
          status: 204,
          body: { ok: true },
        }),
      ).toEqual(['status 204 must have an empty body (got object)']);
    });

    it('rejects a codersdk.Response error without a message', () => {
      expect(
        errorsOf({
          method: 'GET',
          path: `/api/v2/workspaces/${FIXTURE_IDS.workspace}`,
          status: 500,
          body: { detail: 'boom' },
        }),
      ).toEqual(['/message: required property is missing']);
    });

    it('rejects a codersdk.Response body for an OAuth2 protocol error', () => {
      expect(
        errorsOf({
          method: 'POST',
          path: '/oauth2/tokens',
          status: 400,
          body: { message: 'Invalid grant.' },
        }),
      ).toEqual([
        '/error: required property is missing',
        '/message: property is not in the contract',
      ]);
    });

    it('reports every problem of one body at once', () => {
      const workspace = mutableWorkspace();
      delete workspace.name;
      workspace.id = 'nope';
      workspace.latest_build.status = 'sleeping';
      expect(errorsOf(workspaceList(workspace))).toHaveLength(3);
    });
  });

  it('validates thousands of bodies quickly once compiled', () => {
    const response = workspaceList(buildWorkspace());
    const started = performance.now();
    for (let round = 0; round < 2000; round++) {
      validateResponse(response);
    }
    expect(performance.now() - started).toBeLessThan(2000);
  });
});
