import { Progress } from '@backstage/core-components';
import { lazyComponent } from '../lazyComponent';
import type { CoderAuthFormProps } from './CoderAuthForm';
import { useRegisterAuthForm } from './useRegisterAuthForm';
import type { CoderAuthDialogProps } from './CoderAuthDialog';

/**
 * Links a Coder account by session token. Loaded on first use: a returning, linked user
 * never downloads it.
 *
 * @public
 */
const LazyForm = lazyComponent<CoderAuthFormProps>(
  () => import('./CoderAuthForm').then(module => module.CoderAuthForm),
  <Progress />,
);

export function CoderAuthForm(props: CoderAuthFormProps) {
  // Counted from the first render, so the fallback prompt doesn't flash while it loads.
  useRegisterAuthForm();
  return <LazyForm {...props} />;
}

/** The link form in a dialog, for places without room for a card. @public */
export const CoderAuthDialog = lazyComponent<CoderAuthDialogProps>(() =>
  import('./CoderAuthDialog').then(module => module.CoderAuthDialog),
);
