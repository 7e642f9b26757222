import { useEffect, useRef, useState, type ReactNode } from 'react';
import { WarningPanel } from '@backstage/core-components';
import Button from '@material-ui/core/Button';
import List from '@material-ui/core/List';
import Typography from '@material-ui/core/Typography';
import { makeStyles } from '@material-ui/core/styles';
import { describeCoderError } from '../../api/describeCoderError';
import type { CoderWorkspace } from '../../api/types';
import { useCoderAuth } from '../../hooks/useCoderAuth';
import { CoderAuthForm } from '../CoderAuthForm/LazyCoderAuthForm';
import { CreateWorkspaceButton } from './CreateWorkspaceButton';
import { CreateWorkspaceLink } from './CreateWorkspaceLink';
import { useWorkspacesCardState } from './WorkspacesCardContext';
import { WorkspacesListItem } from './WorkspacesListItem';
import { LoadingRows } from './LoadingRows';
import { MissingRepository } from './MissingRepository';
import { useBuildOutcomes } from './useBuildOutcomes';
import { useStableRowOrder } from './useStableRowOrder';

const NONE: ReadonlySet<string> = new Set();

const useStyles = makeStyles(theme => ({
  empty: {
    padding: theme.spacing(3, 0),
    textAlign: 'center',
    display: 'flex',
    flexDirection: 'column',
    alignItems: 'center',
    gap: theme.spacing(2),
  },
  list: { padding: 0 },
  more: { marginTop: theme.spacing(1) },
  wrap: { overflowWrap: 'anywhere' },
}));

/** Props of {@link WorkspacesList}. @public */
export interface WorkspacesListProps {
  /** Renders one row; defaults to {@link WorkspacesListItem}. */
  renderListItem?: (workspace: CoderWorkspace) => ReactNode;
  /** Shown when nothing matches; defaults to a message with the create link. */
  emptyState?: ReactNode;
}

/**
 * The card's body, one branch per state: missing repository, not linked, loading,
 * failed, empty, list. A failed request is never shown as an empty list.
 *
 * @public
 */
export function WorkspacesList(props: WorkspacesListProps) {
  const { renderListItem, emptyState } = props;
  const classes = useStyles();
  const { workspacesConfig, result, headingId, showMore, heldRows } =
    useWorkspacesCardState();
  const ordered = useStableRowOrder(result?.workspaces ?? [], heldRows ?? NONE);
  useBuildOutcomes(result?.workspaces);
  // "Show more": rows are appended below; while the page loads the button says so, and
  // when it was the last page focus moves to the first new row instead of the page.
  const listRef = useRef<HTMLUListElement>(null);
  const [moreFrom, setMoreFrom] = useState<number>();
  const shownCount = result?.workspaces?.length ?? 0;
  const loadingMore = moreFrom !== undefined && shownCount <= moreFrom;
  const allShown = shownCount >= (result?.totalCount ?? 0);
  useEffect(() => {
    if (moreFrom === undefined || shownCount <= moreFrom) return;
    if (allShown) {
      // The button is gone; the first new row is where the user was heading.
      listRef.current?.children[moreFrom]?.querySelector('a')?.focus();
    }
    setMoreFrom(undefined);
  }, [moreFrom, shownCount, allShown]);
  const auth = useCoderAuth();

  if (workspacesConfig.readsEntityData && !workspacesConfig.repoUrl) {
    return <MissingRepository />;
  }
  if (!auth.hasToken) return <CoderAuthForm />;
  if (!result || (result.isPending && !result.error)) {
    return <LoadingRows />;
  }
  if (result.error) {
    const description = describeCoderError(result.error);
    if (description.kind === 'bad-request') {
      return (
        <Typography
          variant="body2"
          color="textSecondary"
          className={classes.empty}
        >
          Coder could not run this search; correct it above to see workspaces.
        </Typography>
      );
    }
    return (
      <WarningPanel
        defaultExpanded
        severity="error"
        title={description.title}
        // Proxy errors carry long URLs with no spaces: let them wrap inside the card.
        message={<span className={classes.wrap}>{description.message}</span>}
      >
        <Button
          variant="outlined"
          size="small"
          onClick={() => result.refetch()}
          disabled={result.isFetching}
        >
          Try again
        </Button>
      </WarningPanel>
    );
  }
  const workspaces = result.workspaces ?? [];
  if (workspaces.length === 0) {
    return (
      emptyState ?? (
        <div className={classes.empty}>
          <Typography variant="body1">
            {workspacesConfig.readsEntityData
              ? 'No workspaces for this repository match the search.'
              : 'No workspaces match the search.'}
          </Typography>
          <CreateWorkspaceButton variant="button" />
          <CreateWorkspaceLink variant="text" />
        </div>
      )
    );
  }
  const notShown = (result.totalCount ?? workspaces.length) - workspaces.length;
  return (
    <>
      <List
        className={classes.list}
        aria-labelledby={headingId}
        component="ul"
        ref={listRef}
      >
        {ordered.map(workspace =>
          renderListItem ? (
            renderListItem(workspace)
          ) : (
            <WorkspacesListItem key={workspace.id} workspace={workspace} />
          ),
        )}
      </List>
      {notShown > 0 && (
        // Never disabled: a disabled button drops keyboard focus to the page.
        <Button
          className={classes.more}
          size="small"
          aria-busy={loadingMore}
          onClick={() => {
            if (loadingMore) return;
            setMoreFrom(workspaces.length);
            showMore();
          }}
        >
          {loadingMore ? 'Loading more…' : `Show more (${notShown} not shown)`}
        </Button>
      )}
    </>
  );
}
