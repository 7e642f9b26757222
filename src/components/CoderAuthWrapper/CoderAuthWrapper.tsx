import type { ReactNode } from 'react';
import { InfoCard } from '@backstage/core-components';
import { useCoderAuth } from '../../hooks/useCoderAuth';
import { CoderAuthForm } from '../CoderAuthForm/LazyCoderAuthForm';

/** Props of {@link CoderAuthWrapper}. @public */
export interface CoderAuthWrapperProps {
  /** `card` wraps the form in an InfoCard; `inline` renders it bare. */
  type?: 'card' | 'inline';
  /** Title of the card around the form. */
  title?: string;
  children?: ReactNode;
}

/**
 * Shows the link form until a Coder account is linked, then its children. Children
 * render as soon as a token is stored; they show their own loading and error states.
 *
 * @public
 */
export function CoderAuthWrapper(props: CoderAuthWrapperProps) {
  const { type = 'card', title = 'Coder', children } = props;
  const auth = useCoderAuth();
  if (auth.hasToken) return <>{children}</>;
  return type === 'card' ? (
    <InfoCard title={title}>
      <CoderAuthForm />
    </InfoCard>
  ) : (
    <CoderAuthForm />
  );
}
