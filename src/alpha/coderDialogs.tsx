import type { DialogApi } from '@backstage/frontend-plugin-api';
import { CoderAuthDialog } from '../components/CoderAuthForm/LazyCoderAuthForm';
import { CreateWorkspaceDialog } from '../components/CreateWorkspaceDialog/LazyCreateWorkspaceDialog';
import { useCoderAuth } from '../hooks/useCoderAuth';
import type { CoderWorkspacesConfig } from '../hooks/useCoderWorkspacesConfig';

interface LinkThenCreateProps {
  workspacesConfig: CoderWorkspacesConfig;
  onClose: () => void;
}

/*
 * Opened from the entity menu: the link form first when the user has no Coder account
 * linked (it stays open once linked, and turns into the next step), then the create
 * form. The form always shows; nothing is created without the user pressing Create.
 */
function LinkThenCreate(props: LinkThenCreateProps) {
  const { workspacesConfig, onClose } = props;
  const auth = useCoderAuth();
  if (!auth.hasToken) {
    return <CoderAuthDialog open onClose={onClose} onLinked={() => {}} />;
  }
  return (
    <CreateWorkspaceDialog
      open
      onClose={onClose}
      workspacesConfig={workspacesConfig}
    />
  );
}

/** Shows the create dialog (linking first if needed) through the app's dialog API. */
export function openCreateWorkspaceDialog(
  dialogApi: DialogApi,
  workspacesConfig: CoderWorkspacesConfig,
) {
  dialogApi.open(({ dialog }) => (
    <LinkThenCreate
      workspacesConfig={workspacesConfig}
      onClose={() => dialog.close()}
    />
  ));
}
