import {
  useId,
  useRef,
  useState,
  type KeyboardEvent,
  type SyntheticEvent,
} from 'react';
import { Link, WarningPanel } from '@backstage/core-components';
import Button from '@material-ui/core/Button';
import CircularProgress from '@material-ui/core/CircularProgress';
import TextField from '@material-ui/core/TextField';
import Typography from '@material-ui/core/Typography';
import { makeStyles } from '@material-ui/core/styles';
import Alert from '@material-ui/lab/Alert';
import type { CoderUser } from '../../api/types';
import {
  CoderLinkError,
  describeCoderError,
  type CoderErrorDescription,
} from '../../api/describeCoderError';
import { useCoderContext } from '../CoderProvider/CoderContext';
import { configApiRef, useApi } from '@backstage/core-plugin-api';
import { useCoderAuth } from '../../hooks/useCoderAuth';
import { readCoderOAuthSettings } from '../../auth/oauth/oauthSettings';
import { CoderOAuthSignIn } from './CoderOAuthSignIn';
import { useRegisterAuthForm } from './useRegisterAuthForm';
import { useInsideAnotherForm } from './insideAnotherForm';

const useStyles = makeStyles(theme => ({
  form: {
    display: 'flex',
    flexDirection: 'column',
    gap: theme.spacing(2),
  },
  actions: {
    display: 'flex',
    alignItems: 'center',
    gap: theme.spacing(2),
  },
}));

/** Props of {@link CoderAuthForm}. @public */
export interface CoderAuthFormProps {
  /** Called once Coder has accepted the token and it is stored. */
  onLinked?: (user: CoderUser) => void;
}

/**
 * Links a Coder account: "Sign in with Coder" (OAuth2, when `coder.oauth` is configured)
 * and/or a pasted session token from `<accessUrl>/cli-auth`, which Coder checks before
 * it is stored.
 *
 * @public
 */
export function CoderAuthForm(props: CoderAuthFormProps) {
  const { onLinked } = props;
  const classes = useStyles();
  const { config, configError } = useCoderContext();
  const auth = useCoderAuth();
  const inputRef = useRef<HTMLInputElement>(null);
  const [checking, setChecking] = useState(false);
  const [failure, setFailure] = useState<CoderErrorDescription>();
  const descriptionId = useId();
  const oauth = readCoderOAuthSettings(useApi(configApiRef));
  const tokenLinking = oauth?.tokenLinking ?? true;
  useRegisterAuthForm();
  const nested = useInsideAnotherForm();

  const submit = async (event: SyntheticEvent) => {
    event.preventDefault();
    if (checking) return;
    setChecking(true);
    setFailure(undefined);
    try {
      // Uncontrolled on purpose: the token never becomes a React prop or DOM attribute.
      const user = await auth.linkToken(inputRef.current?.value ?? '');
      if (inputRef.current) inputRef.current.value = '';
      onLinked?.(user);
    } catch (error) {
      setFailure(
        error instanceof CoderLinkError
          ? error.description
          : describeCoderError(error),
      );
      setChecking(false);
    }
  };

  if (!config) {
    // Without a valid access URL there is nowhere to get a token from; say why instead
    // of throwing into the app's error page.
    return (
      <WarningPanel
        severity="error"
        title="Coder is not configured"
        message={configError?.message}
      />
    );
  }

  const again = tokenLinking ? 'Paste a new token' : 'Sign in again';
  let unlinked: { title: string; message: string } | undefined;
  if (auth.unlinkReason === 'rejected') {
    unlinked = {
      title: 'Coder no longer accepts your token',
      message: `It was revoked or has expired. ${again} to continue.`,
    };
  } else if (auth.unlinkReason === 'inactive') {
    // Coder's own sentence says why (e.g. suspended) and whom to ask.
    unlinked = {
      title: 'Your Coder account is not active',
      message:
        auth.unlinkDetail ??
        'Coder refuses this account. Contact a Coder admin to reactivate it.',
    };
  }
  const notice = failure ?? unlinked;

  const alert = notice && (
    <Alert
      severity={
        failure?.kind === 'unauthorized' || !failure ? 'warning' : 'error'
      }
      role="alert"
    >
      <strong>{notice.title}.</strong>{' '}
      {failure ? describeFailure(failure) : notice.message}
    </Alert>
  );

  if (!tokenLinking) {
    return (
      <section className={classes.form} aria-label="Link Coder account">
        <Typography variant="body2">
          Sign in with Coder to see and manage your workspaces here.
        </Typography>
        {alert}
        <CoderOAuthSignIn onLinked={onLinked} />
      </section>
    );
  }

  // Inside another form, the same controls without a <form>: Enter in the token field
  // and the button link the account, and nothing reaches the outer form.
  const Root = nested ? 'div' : 'form';
  const rootProps = nested
    ? { role: 'form' }
    : { onSubmit: submit, noValidate: true };
  const submitOnEnter = (event: KeyboardEvent) => {
    if (event.key === 'Enter') submit(event);
  };

  return (
    <Root
      className={classes.form}
      aria-label="Link Coder account"
      {...rootProps}
    >
      {oauth && (
        <>
          <Typography variant="body2">
            Link your Coder account to see and manage your workspaces here.
          </Typography>
          <CoderOAuthSignIn onLinked={onLinked} />
          <Typography variant="body2" color="textSecondary">
            Or paste a session token:
          </Typography>
        </>
      )}
      <Typography id={descriptionId} variant="body2">
        {!oauth &&
          'Link your Coder account to see and manage your workspaces here. '}
        <Link
          to={`${config.deployment.accessUrl}/cli-auth`}
          target="_blank"
          rel="noopener noreferrer"
        >
          Get a session token from Coder
        </Link>
        , then paste it below.
      </Typography>
      {alert}
      <TextField
        inputRef={inputRef}
        id={`${descriptionId}-token`}
        name="coder-session-token"
        label="Coder session token"
        type="password"
        autoComplete="off"
        variant="outlined"
        size="small"
        required
        fullWidth
        inputProps={{ 'aria-describedby': descriptionId, spellCheck: false }}
        onKeyDown={nested ? submitOnEnter : undefined}
      />
      <div className={classes.actions}>
        <Button
          type={nested ? 'button' : 'submit'}
          onClick={nested ? submit : undefined}
          color={oauth ? 'default' : 'primary'}
          variant={oauth ? 'outlined' : 'contained'}
          disabled={checking}
        >
          Link account
        </Button>
        {checking && (
          <>
            <CircularProgress size={20} aria-hidden />
            <Typography variant="body2" role="status">
              Checking the token with Coder…
            </Typography>
          </>
        )}
      </div>
    </Root>
  );
}

function describeFailure(failure: CoderErrorDescription): string {
  if (failure.kind === 'unauthorized') {
    return 'Check that you copied the whole token and that it has not expired.';
  }
  return failure.message;
}
