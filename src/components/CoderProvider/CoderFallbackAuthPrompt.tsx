import { useEffect, useState, useSyncExternalStore } from 'react';
import { identityApiRef, useApi } from '@backstage/core-plugin-api';
import Button from '@material-ui/core/Button';
import { makeStyles } from '@material-ui/core/styles';
import { coderTokenStoreApiRef } from '../../auth/coderTokenStoreApiRef';
import { useCoderSession } from '../../hooks/useCoderSession';
import { CoderAuthDialog } from '../CoderAuthForm/LazyCoderAuthForm';
import { getAuthFormRegistry } from './authFormRegistry';

const useStyles = makeStyles(theme => ({
  prompt: {
    position: 'fixed',
    right: theme.spacing(3),
    bottom: theme.spacing(3),
    zIndex: theme.zIndex.snackbar,
  },
}));

/**
 * For pages whose Coder components are hidden (collapsed tabs, custom UIs): a button to
 * link the account, shown only while nothing is linked and no link form is on screen,
 * and by only one provider. It unmounts the moment a token is stored anywhere. Nor does
 * it show before the user has signed in to Backstage: a provider around the whole app
 * also wraps the sign-in page, where linking cannot work (the proxy needs the Backstage
 * token) and would only be in the way.
 */
export function CoderFallbackAuthPrompt() {
  const classes = useStyles();
  const tokenStore = useApi(coderTokenStoreApiRef);
  const { snapshot } = useCoderSession();
  const registry = getAuthFormRegistry(tokenStore);
  const [identity] = useState(() => Symbol('CoderProvider'));
  const [open, setOpen] = useState(false);
  const signedIn = useSignedInToBackstage();
  useSyncExternalStore(registry.subscribe, registry.getVersion);
  useEffect(() => registry.addProvider(identity), [registry, identity]);

  const hidden =
    !signedIn ||
    Boolean(snapshot.token) ||
    !registry.isLeader(identity) ||
    (registry.formCount() > 0 && !open);
  if (hidden) return null;
  return (
    <>
      <Button
        className={classes.prompt}
        variant="contained"
        color="primary"
        onClick={() => setOpen(true)}
      >
        Link Coder account
      </Button>
      {open && <CoderAuthDialog open onClose={() => setOpen(false)} />}
    </>
  );
}

/** False until the app has a Backstage identity (the classic app's identity waits for sign-in). */
function useSignedInToBackstage(): boolean {
  const identityApi = useApi(identityApiRef);
  const [signedIn, setSignedIn] = useState(false);
  useEffect(() => {
    let mounted = true;
    identityApi.getBackstageIdentity().then(
      () => mounted && setSignedIn(true),
      () => {},
    );
    return () => {
      mounted = false;
    };
  }, [identityApi]);
  return signedIn;
}
