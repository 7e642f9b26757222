import { CreateWorkspaceButton } from './CreateWorkspaceButton';
import { ExtraActionsButton } from './ExtraActionsButton';
import { RefreshButton } from './RefreshButton';

/** The default header actions: refresh, create, more. @public */
export function HeaderActions() {
  return (
    <>
      <RefreshButton />
      <CreateWorkspaceButton />
      <ExtraActionsButton />
    </>
  );
}
