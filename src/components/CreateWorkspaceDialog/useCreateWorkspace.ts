import { useCoderNotify } from '../../hooks/useCoderNotify';
import type {
  CoderCreateWorkspaceRequest,
  CoderWorkspace,
} from '../../api/types';
import { useCoderMutation } from '../../hooks/useCoderMutation';
import { useCoderSession } from '../../hooks/useCoderSession';
import { coderQueryKeys } from '../../queries/coderQueryKeys';

/**
 * `POST /api/v2/users/me/workspaces`; useCoderMutation drops a second submit while one
 * is in flight and never retries.
 */
export function useCreateWorkspace(
  onCreated: (workspace: CoderWorkspace) => void,
) {
  const notify = useCoderNotify();
  const { snapshot, queryClient } = useCoderSession();
  const mutation = useCoderMutation<
    CoderWorkspace,
    CoderCreateWorkspaceRequest
  >({
    mutationFn: (request, api) => api.createWorkspace('me', request),
    onSuccess: workspace => {
      notify({
        message: `Creating ${workspace.name}…`,
        severity: 'info',
        transient: true,
      });
      queryClient.invalidateQueries({
        queryKey: coderQueryKeys.workspaces(snapshot.version),
      });
      onCreated(workspace);
    },
  });
  return {
    create: (request: CoderCreateWorkspaceRequest) => mutation.mutate(request),
    isPending: mutation.isPending,
    error: mutation.error ?? undefined,
    reset: mutation.reset,
  };
}
