import { useState } from 'react';
import { useApi } from '@backstage/core-plugin-api';
import Button from '@material-ui/core/Button';
import CircularProgress from '@material-ui/core/CircularProgress';
import Typography from '@material-ui/core/Typography';
import { makeStyles } from '@material-ui/core/styles';
import Alert from '@material-ui/lab/Alert';
import { coderAuthApiRef } from '../../auth/oauth/coderAuthApiRef';
import { CoderOAuthError } from '../../auth/oauth/CoderOAuthError';
import type { CoderUser } from '../../api/types';
import { useCoderApi } from '../../hooks/useCoderApi';
import { useCoderSession } from '../../hooks/useCoderSession';
import { currentUserQueryOptions } from '../../queries/userQueries';

const useStyles = makeStyles(theme => ({
  actions: { display: 'flex', alignItems: 'center', gap: theme.spacing(2) },
}));

/** Props of {@link CoderOAuthSignIn}. @public */
export interface CoderOAuthSignInProps {
  /** Called once the account is linked. */
  onLinked?: (user: CoderUser) => void;
}

/**
 * "Sign in with Coder": Coder's consent page in a popup (OAuth2 with PKCE). If the
 * browser blocks the popup, the retry button opens it from a fresh click.
 *
 * @public
 */
export function CoderOAuthSignIn(props: CoderOAuthSignInProps) {
  const classes = useStyles();
  const authApi = useApi(coderAuthApiRef);
  const api = useCoderApi();
  const { tokenStore, queryClient } = useCoderSession();
  const [signingIn, setSigningIn] = useState(false);
  const [failure, setFailure] = useState<CoderOAuthError>();

  const signIn = async () => {
    if (signingIn) return;
    setSigningIn(true);
    setFailure(undefined);
    try {
      await authApi.signIn();
      if (props.onLinked) {
        // The same request the card makes for the linked user: shared, not repeated.
        const version = tokenStore.getSnapshot().version;
        props.onLinked(
          await queryClient.fetchQuery(currentUserQueryOptions(api, version)),
        );
      }
    } catch (error) {
      setFailure(
        error instanceof CoderOAuthError
          ? error
          : new CoderOAuthError('unreachable', 'The sign-in did not complete.'),
      );
    } finally {
      setSigningIn(false);
    }
  };

  return (
    <>
      {failure && (
        <Alert severity="error" role="alert">
          <strong>Sign-in with Coder failed.</strong> {failure.message}
          {failure.kind === 'popup-blocked' &&
            ' Allow popups for this site, or open it from here:'}
        </Alert>
      )}
      <div className={classes.actions}>
        <Button
          color="primary"
          variant="contained"
          onClick={signIn}
          disabled={signingIn}
        >
          {failure?.kind === 'popup-blocked'
            ? 'Open the sign-in window'
            : 'Sign in with Coder'}
        </Button>
        {signingIn && (
          <>
            <CircularProgress size={20} aria-hidden />
            <Typography variant="body2" role="status">
              Waiting for Coder…
            </Typography>
          </>
        )}
      </div>
    </>
  );
}
