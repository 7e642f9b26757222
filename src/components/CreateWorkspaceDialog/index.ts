export { CreateWorkspaceDialog } from './LazyCreateWorkspaceDialog';
export type { CreateWorkspaceDialogProps } from './CreateWorkspaceDialog';
