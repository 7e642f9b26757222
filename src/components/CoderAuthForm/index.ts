export { CoderAuthForm } from './CoderAuthForm';
export type { CoderAuthFormProps } from './CoderAuthForm';
export { CoderAuthDialog } from './CoderAuthDialog';
export type { CoderAuthDialogProps } from './CoderAuthDialog';
