export { CoderAuthDialog, CoderAuthForm } from './LazyCoderAuthForm';
export type { CoderAuthFormProps } from './CoderAuthForm';
export type { CoderAuthDialogProps } from './CoderAuthDialog';
