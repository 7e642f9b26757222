import type { DialogApi } from '@backstage/frontend-plugin-api';
import { CoderAuthDialog } from '../components/CoderAuthForm/LazyCoderAuthForm';
import { CreateWorkspaceDialog } from '../components/CreateWorkspaceDialog/LazyCreateWorkspaceDialog';
import { useCoderAuth } from '../hooks/useCoderAuth';
import type { CoderWorkspacesConfig } from '../hooks/useCoderWorkspacesConfig';

interface LinkThenCreateProps {
  kind: 'link' | 'create';
  workspacesConfig: CoderWorkspacesConfig;
  onClose: () => void;
}

/*
 * Opened from the entity's header (context menu, About card link): the link form first
 * when the user has no Coder account linked, then, for "create", the create form. The
 * form always shows; nothing is created without the user pressing Create.
 */
function LinkThenCreate(props: LinkThenCreateProps) {
  const { kind, workspacesConfig, onClose } = props;
  const auth = useCoderAuth();
  if (!auth.hasToken || kind === 'link') {
    return (
      <CoderAuthDialog
        open
        onClose={onClose}
        onLinked={kind === 'link' ? onClose : () => {}}
      />
    );
  }
  return (
    <CreateWorkspaceDialog
      open
      onClose={onClose}
      workspacesConfig={workspacesConfig}
    />
  );
}

/** Shows the link or create dialog through the app's dialog API (outside the entity's tree). */
export function openCoderDialog(
  dialogApi: DialogApi,
  kind: 'link' | 'create',
  workspacesConfig: CoderWorkspacesConfig,
) {
  dialogApi.open(({ dialog }) => (
    <LinkThenCreate
      kind={kind}
      workspacesConfig={workspacesConfig}
      onClose={() => dialog.close()}
    />
  ));
}
