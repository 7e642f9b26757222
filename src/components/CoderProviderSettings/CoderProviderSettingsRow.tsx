import { useEffect, useState } from 'react';
import { useApi, type ProfileInfo } from '@backstage/core-plugin-api';
import Button from '@material-ui/core/Button';
import ListItem from '@material-ui/core/ListItem';
import ListItemSecondaryAction from '@material-ui/core/ListItemSecondaryAction';
import ListItemText from '@material-ui/core/ListItemText';
import Tooltip from '@material-ui/core/Tooltip';
import { coderAuthApiRef } from '../../auth/oauth/coderAuthApiRef';

/**
 * The Coder row of Backstage's user settings, "Authentication Providers": who is
 * linked, and sign in or out. Loaded on demand by `CoderProviderSettings`.
 */
export function CoderProviderSettingsRow() {
  const authApi = useApi(coderAuthApiRef);
  const [signedIn, setSignedIn] = useState(false);
  const [profile, setProfile] = useState<ProfileInfo>();
  const [failure, setFailure] = useState<string>();

  useEffect(() => {
    const subscription = authApi.sessionState$().subscribe(state => {
      const isIn = state === 'SignedIn';
      setSignedIn(isIn);
      if (!isIn) setProfile(undefined);
      else
        authApi
          .getProfile({ optional: true })
          .then(setProfile, () => setProfile(undefined));
    });
    return () => subscription.unsubscribe();
  }, [authApi]);

  const toggle = async () => {
    setFailure(undefined);
    try {
      await (signedIn ? authApi.signOut() : authApi.signIn());
    } catch (error) {
      setFailure(error instanceof Error ? error.message : String(error));
    }
  };

  const who = profile?.displayName ?? profile?.email;
  return (
    <ListItem component="div">
      <ListItemText
        primary="Coder"
        secondary={
          failure ??
          (signedIn
            ? `Linked${who ? ` as ${who}` : ''}: your workspaces in Backstage.`
            : 'Link your Coder account to see and manage workspaces.')
        }
      />
      <ListItemSecondaryAction>
        <Tooltip
          placement="top"
          arrow
          title={signedIn ? 'Sign out' : 'Sign in'}
        >
          <Button variant="outlined" color="primary" onClick={toggle}>
            {signedIn ? 'Sign out of Coder' : 'Sign in to Coder'}
          </Button>
        </Tooltip>
      </ListItemSecondaryAction>
    </ListItem>
  );
}
