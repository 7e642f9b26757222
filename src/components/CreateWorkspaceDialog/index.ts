export { CreateWorkspaceDialog } from './CreateWorkspaceDialog';
export type { CreateWorkspaceDialogProps } from './CreateWorkspaceDialog';
export { ParameterField } from './ParameterField';
export type { ParameterFieldProps } from './ParameterField';
