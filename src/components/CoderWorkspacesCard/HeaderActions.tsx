import { CreateWorkspaceLink } from './CreateWorkspaceLink';
import { ExtraActionsButton } from './ExtraActionsButton';
import { RefreshButton } from './RefreshButton';

/** The default header actions: refresh, create, more. @public */
export function HeaderActions() {
  return (
    <>
      <RefreshButton />
      <CreateWorkspaceLink />
      <ExtraActionsButton />
    </>
  );
}
