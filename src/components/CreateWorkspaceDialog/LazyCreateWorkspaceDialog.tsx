import { lazyComponent } from '../lazyComponent';
import type { CreateWorkspaceDialogProps } from './CreateWorkspaceDialog';

/**
 * Creates a workspace inside Backstage: template (preselected or chosen), the active
 * version's rich parameters as a form, a suggested name. Loaded on first use.
 *
 * @public
 */
export const CreateWorkspaceDialog = lazyComponent<CreateWorkspaceDialogProps>(
  () =>
    import('./CreateWorkspaceDialog').then(
      module => module.CreateWorkspaceDialog,
    ),
);
