import { useState } from 'react';
import useAsyncRetry from 'react-use/esm/useAsyncRetry';
import { useApi } from '@backstage/core-plugin-api';
import {
  InfoCard,
  Progress,
  ResponseErrorPanel,
} from '@backstage/core-components';
import Button from '@material-ui/core/Button';
import List from '@material-ui/core/List';
import ListItem from '@material-ui/core/ListItem';
import ListItemText from '@material-ui/core/ListItemText';
import TextField from '@material-ui/core/TextField';
import Typography from '@material-ui/core/Typography';
import { coderApiRef } from '../src/api/CoderApi';
import { coderTokenStoreApiRef } from '../src/auth/coderTokenStoreApiRef';
import { useSyncExternalStore } from 'react';

/** Props of {@link DevWorkspacesList}. */
export interface DevWorkspacesListProps {
  /** Coder search query, e.g. `owner:me param:"repo_url=…"`. */
  query: string;
}

/**
 * A deliberately plain list that proves the chain dev app → Backstage proxy → Coder
 * before the real card exists: paste a token, see the workspaces the query returns.
 */
export function DevWorkspacesList(props: DevWorkspacesListProps) {
  const { query } = props;
  const coderApi = useApi(coderApiRef);
  const tokenStore = useApi(coderTokenStoreApiRef);
  const token = useSyncExternalStore(
    listener => tokenStore.subscribe(listener),
    () => tokenStore.getToken(),
  );
  const [draft, setDraft] = useState('');

  const state = useAsyncRetry(async () => {
    if (!token) return undefined;
    return coderApi.getWorkspaces({ q: query });
  }, [coderApi, token, query]);

  if (!token) {
    return (
      <InfoCard title="Coder workspaces (dev)">
        <form
          onSubmit={event => {
            event.preventDefault();
            tokenStore.setToken(draft);
          }}
        >
          <TextField
            label="Coder session token"
            type="password"
            value={draft}
            onChange={event => setDraft(event.target.value)}
            fullWidth
          />
          <Button type="submit" color="primary" variant="contained">
            Link
          </Button>
        </form>
      </InfoCard>
    );
  }

  return (
    <InfoCard
      title="Coder workspaces (dev)"
      subheader={`q=${query}`}
      action={<Button onClick={() => tokenStore.clearToken()}>Unlink</Button>}
    >
      {state.loading && <Progress />}
      {state.error && <ResponseErrorPanel error={state.error} />}
      {state.value && (
        <>
          <Typography variant="body2">
            {state.value.count} workspace(s)
          </Typography>
          <List aria-label="Workspaces">
            {state.value.workspaces.map(workspace => (
              <ListItem key={workspace.id}>
                <ListItemText
                  primary={`${workspace.owner_name}/${workspace.name}`}
                  secondary={`${workspace.latest_build.status} · ${workspace.template_display_name}`}
                />
              </ListItem>
            ))}
          </List>
        </>
      )}
    </InfoCard>
  );
}
