import { useCoderNotify } from '../../hooks/useCoderNotify';
import type {
  CoderCreateWorkspaceRequest,
  CoderWorkspace,
} from '../../api/types';
import { useCoderAppConfig } from '../../hooks/useCoderAppConfig';
import { useCoderMutation } from '../../hooks/useCoderMutation';
import { useCoderSession } from '../../hooks/useCoderSession';
import { coderQueryKeys } from '../../queries/coderQueryKeys';
import { workspacePageUrl } from '../../workspaces/workspacePages';
import type { CardOmission } from './repositoryScope';

interface CreateVariables {
  request: CoderCreateWorkspaceRequest;
  omission?: CardOmission;
}

/**
 * `POST /api/v2/users/me/workspaces`; useCoderMutation drops a second submit while one
 * is in flight and never retries. A workspace the card will not list is announced as
 * such, with a link to it in Coder, since the card gives the user no other way to it.
 */
export function useCreateWorkspace(
  onCreated: (workspace: CoderWorkspace) => void,
) {
  const notify = useCoderNotify();
  const { accessUrl } = useCoderAppConfig().deployment;
  const { snapshot, queryClient } = useCoderSession();
  const mutation = useCoderMutation<CoderWorkspace, CreateVariables>({
    mutationFn: ({ request }, api) => api.createWorkspace('me', request),
    onSuccess: (workspace, { omission }) => {
      if (omission) {
        notify({
          message: `Created ${workspace.name}. It will not appear on this card (${omission}).`,
          severity: 'info',
          key: workspace.id,
          link: {
            label: 'Open in Coder',
            href: workspacePageUrl(accessUrl, workspace),
          },
        });
      } else {
        notify({
          message: `Creating ${workspace.name}…`,
          severity: 'info',
          transient: true,
        });
      }
      queryClient.invalidateQueries({
        queryKey: coderQueryKeys.workspaces(snapshot.version),
      });
      onCreated(workspace);
    },
  });
  return {
    /** Sends `request`; `omission` says why the card will not list the result. */
    create: (request: CoderCreateWorkspaceRequest, omission?: CardOmission) =>
      mutation.mutate({ request, omission }),
    isPending: mutation.isPending,
    error: mutation.error ?? undefined,
    reset: mutation.reset,
  };
}
