import type {
  CoderWorkspace,
  CoderWorkspaceBuild,
  CoderWorkspacesResponse,
} from '../api/types';
import { describeCoderError } from '../api/describeCoderError';
import { coderQueryKeys } from '../queries/coderQueryKeys';
import {
  WORKSPACE_ACTION_TEXT,
  workspaceBuildRequest,
  type CoderWorkspaceAction,
} from '../workspaces/workspaceActions';
import { useCoderMutation } from './useCoderMutation';
import { useCoderSession } from './useCoderSession';
import { useCoderNotify } from './useCoderNotify';

/** Runs workspace actions for one workspace. @public */
export interface WorkspaceActionRunner {
  run: (action: CoderWorkspaceAction) => void;
  /** The action in flight, if any; its button should show progress and stay disabled. */
  pending?: CoderWorkspaceAction;
}

/**
 * Start, stop, restart, update, cancel or delete one workspace. Exactly one request per
 * call: never retried, and a second call while one is in flight is ignored (a double
 * click sends one request). The list shows the new build at once and then follows it;
 * the outcome is announced (a toast, or an alert in a classic app) with Coder's own
 * message on failure.
 *
 * @public
 */
export function useWorkspaceAction(
  workspace: CoderWorkspace | undefined,
): WorkspaceActionRunner {
  const notify = useCoderNotify();
  const { snapshot, queryClient } = useCoderSession();

  const mutation = useCoderMutation<
    CoderWorkspaceBuild | undefined,
    CoderWorkspaceAction
  >({
    mutationFn: async (action, api) => {
      // Callers that pick their workspace at render time (the About card's link) may
      // not have one yet; nothing is sent then.
      if (!workspace) throw new Error('No workspace to act on.');
      if (action === 'cancel') {
        await api.cancelWorkspaceBuild(workspace.latest_build.id);
        return undefined;
      }
      return api.createWorkspaceBuild(
        workspace.id,
        workspaceBuildRequest(workspace, action),
      );
    },
    onSuccess: (build, action) => {
      if (build) {
        // Show the new build immediately; its transitional status switches on fast polling.
        queryClient.setQueriesData<CoderWorkspacesResponse>(
          { queryKey: coderQueryKeys.workspaces(snapshot.version) },
          data =>
            data && {
              ...data,
              workspaces: data.workspaces.map(other =>
                other.id === workspace?.id
                  ? {
                      ...other,
                      latest_build: { ...other.latest_build, ...build },
                    }
                  : other,
              ),
            },
        );
      }
      notify({
        message: `${WORKSPACE_ACTION_TEXT[action].progressive} ${workspace?.name}…`,
        severity: 'info',
        transient: true,
        key: workspace?.id,
      });
    },
    onError: (error, action) => {
      const { kind, message } = describeCoderError(error);
      // Without an answer nobody knows whether Coder acted, and it is not sent again by
      // itself; the list (refreshed below) shows what really happened.
      const unknownOutcome =
        kind === 'unreachable' || kind === 'offline'
          ? ' Coder may not have received it; the list shows the workspace as it is now.'
          : '';
      notify({
        message: `Could not ${WORKSPACE_ACTION_TEXT[action].done} ${workspace?.name ?? 'the workspace'}: ${message}${unknownOutcome}`,
        severity: 'error',
        key: workspace?.id,
      });
    },
    onSettled: () => {
      queryClient.invalidateQueries({
        queryKey: coderQueryKeys.workspaces(snapshot.version),
      });
      // If the workspace was already followed (e.g. its agent was still connecting),
      // read it now: the follow's 2 s cadence restarts from the new build, so no state
      // of it is skipped.
      if (workspace) {
        queryClient.invalidateQueries({
          queryKey: coderQueryKeys.workspace(snapshot.version, workspace.id),
        });
      }
    },
  });

  return {
    run: action => mutation.mutate(action),
    pending: mutation.isPending ? mutation.variables : undefined,
  };
}
