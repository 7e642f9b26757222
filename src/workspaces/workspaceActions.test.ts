import type { CoderWorkspace } from '../api/types';
import {
  availableWorkspaceActions,
  workspaceBuildRequest,
} from './workspaceActions';

function workspace(
  status: string,
  extra: Partial<CoderWorkspace> = {},
): CoderWorkspace {
  return {
    outdated: false,
    template_allow_user_cancel_workspace_jobs: true,
    template_active_version_id: 'active-version',
    latest_build: { status, template_version_id: 'current-version' },
    ...extra,
  } as unknown as CoderWorkspace;
}

describe('availableWorkspaceActions', () => {
  it.each([
    ['running', false, ['stop', 'restart', 'delete']],
    ['running', true, ['stop', 'restart', 'update', 'delete']],
    ['stopped', false, ['start', 'delete']],
    ['stopped', true, ['start', 'update', 'delete']],
    ['failed', false, ['start', 'delete']],
    ['canceled', false, ['start', 'delete']],
    ['pending', false, ['cancel']],
    ['starting', false, ['cancel']],
    ['stopping', false, ['cancel']],
    ['deleting', false, []],
    ['canceling', false, []],
    ['deleted', false, []],
  ])(
    'a %s workspace (outdated: %s) offers %j',
    (status, outdated, expected) => {
      expect(
        availableWorkspaceActions(workspace(status, { outdated })),
      ).toEqual(expected);
    },
  );

  it('offers only delete for a status this version does not know', () => {
    expect(availableWorkspaceActions(workspace('unknown' as any))).toEqual([
      'delete',
    ]);
  });

  it('offers no cancel when the template forbids it', () => {
    expect(
      availableWorkspaceActions(
        workspace('starting', {
          template_allow_user_cancel_workspace_jobs: false,
        }),
      ),
    ).toEqual([]);
  });

  it("offers cancel to a site owner whatever the template says, as Coder's check does", () => {
    const forbidden = workspace('pending', {
      template_allow_user_cancel_workspace_jobs: false,
    });
    expect(availableWorkspaceActions(forbidden, { isSiteOwner: true })).toEqual(
      ['cancel'],
    );
    expect(
      availableWorkspaceActions(forbidden, { isSiteOwner: false }),
    ).toEqual([]);
  });
});

describe('workspaceBuildRequest', () => {
  it('starts on the current version, as the dashboard does', () => {
    expect(workspaceBuildRequest(workspace('stopped'), 'start')).toEqual({
      transition: 'start',
      template_version_id: 'current-version',
      reason: 'dashboard',
    });
  });

  it('restarts in one request with on_success', () => {
    expect(workspaceBuildRequest(workspace('running'), 'restart')).toEqual({
      transition: 'stop',
      on_success: { transition: 'start' },
    });
  });

  it('updates a stopped workspace by starting the active version', () => {
    expect(
      workspaceBuildRequest(workspace('stopped', { outdated: true }), 'update'),
    ).toEqual({
      transition: 'start',
      template_version_id: 'active-version',
      reason: 'dashboard',
    });
  });

  it('updates a running workspace by stopping, then starting with no version pinned', () => {
    // Coder builds an unpinned follow-up on the active version, and refuses a member a
    // pinned one (403 "Unauthorized to queue follow-up workspace build.").
    expect(
      workspaceBuildRequest(workspace('running', { outdated: true }), 'update'),
    ).toEqual({
      transition: 'stop',
      on_success: { transition: 'start' },
    });
  });
});
