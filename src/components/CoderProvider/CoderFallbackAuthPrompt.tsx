import { useEffect, useState, useSyncExternalStore } from 'react';
import { useApi } from '@backstage/core-plugin-api';
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
 * and by only one provider. It unmounts the moment a token is stored anywhere.
 */
export function CoderFallbackAuthPrompt() {
  const classes = useStyles();
  const tokenStore = useApi(coderTokenStoreApiRef);
  const { snapshot } = useCoderSession();
  const registry = getAuthFormRegistry(tokenStore);
  const [identity] = useState(() => Symbol('CoderProvider'));
  const [open, setOpen] = useState(false);
  useSyncExternalStore(registry.subscribe, registry.getVersion);
  useEffect(() => registry.addProvider(identity), [registry, identity]);

  const hidden =
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
