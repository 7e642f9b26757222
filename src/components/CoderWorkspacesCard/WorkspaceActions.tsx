import { useContext, useEffect, useId, useState } from 'react';
import Button from '@material-ui/core/Button';
import CircularProgress from '@material-ui/core/CircularProgress';
import IconButton from '@material-ui/core/IconButton';
import Menu from '@material-ui/core/Menu';
import MenuItem from '@material-ui/core/MenuItem';
import MoreVertIcon from '@material-ui/icons/MoreVert';
import { makeStyles } from '@material-ui/core/styles';
import type { CoderWorkspace } from '../../api/types';
import { useCoderAuth } from '../../hooks/useCoderAuth';
import { useWorkspaceAction } from '../../hooks/useWorkspaceAction';
import {
  availableWorkspaceActions,
  WORKSPACE_ACTION_TEXT,
  type CoderWorkspaceAction,
} from '../../workspaces/workspaceActions';
import { lazyComponent } from '../lazyComponent';
import type { DeleteWorkspaceDialogProps } from './DeleteWorkspaceDialog';
import { OpenWorkspaceMenu } from './OpenWorkspaceMenu';
import { WorkspacesCardContext } from './WorkspacesCardContext';

// Only a delete needs it.
const DeleteWorkspaceDialog = lazyComponent<DeleteWorkspaceDialogProps>(() =>
  import('./DeleteWorkspaceDialog').then(
    module => module.DeleteWorkspaceDialog,
  ),
);

const useStyles = makeStyles(theme => ({
  actions: {
    display: 'flex',
    alignItems: 'center',
    gap: theme.spacing(0.5),
    flexShrink: 0,
  },
}));

/** Props of {@link WorkspaceActions}. @public */
export interface WorkspaceActionsProps {
  workspace: CoderWorkspace;
}

/**
 * A workspace's actions, only those valid for its state: "Open" when running, "Start"
 * when stopped, the rest in a menu; delete asks first. The button of a running action
 * shows progress and stays disabled.
 *
 * @public
 */
export function WorkspaceActions(props: WorkspaceActionsProps) {
  const { workspace } = props;
  const classes = useStyles();
  const menuId = useId();
  const [anchor, setAnchor] = useState<HTMLElement>();
  const [confirmingDelete, setConfirmingDelete] = useState(false);
  const { run, pending } = useWorkspaceAction(workspace);
  const { user } = useCoderAuth();
  const actions = availableWorkspaceActions(workspace, {
    isSiteOwner: user?.roles.some(role => role.name === 'owner'),
  });
  const primary: CoderWorkspaceAction | undefined = actions.includes('start')
    ? 'start'
    : undefined;
  const secondary = actions.filter(action => action !== primary);
  const running = workspace.latest_build.status === 'running';

  // Inside a card, the row keeps its place while the user is acting on it.
  const holdRow = useContext(WorkspacesCardContext)?.holdRow;
  const busy = Boolean(anchor) || Boolean(pending) || confirmingDelete;
  useEffect(() => {
    if (!holdRow) return undefined;
    holdRow(workspace.id, busy);
    return () => holdRow(workspace.id, false);
  }, [holdRow, workspace.id, busy]);

  const choose = (action: CoderWorkspaceAction) => {
    setAnchor(undefined);
    if (action === 'delete') setConfirmingDelete(true);
    else run(action);
  };

  return (
    <div className={classes.actions}>
      {pending && (
        <CircularProgress
          size={16}
          aria-label={`${WORKSPACE_ACTION_TEXT[pending].progressive} ${workspace.name}`}
        />
      )}
      {running && <OpenWorkspaceMenu workspace={workspace} />}
      {primary && (
        <Button
          size="small"
          variant="outlined"
          color="primary"
          disabled={Boolean(pending)}
          onClick={() => run(primary)}
          aria-label={`${WORKSPACE_ACTION_TEXT[primary].label} ${workspace.name}`}
        >
          {WORKSPACE_ACTION_TEXT[primary].label}
        </Button>
      )}
      {secondary.length > 0 && (
        <>
          <IconButton
            size="small"
            aria-label={`More actions for ${workspace.name}`}
            aria-controls={menuId}
            aria-haspopup="true"
            disabled={Boolean(pending)}
            onClick={event => setAnchor(event.currentTarget)}
          >
            <MoreVertIcon fontSize="small" />
          </IconButton>
          {/* Mounted only while open: a list of closed menus is costly to render. */}
          {anchor && (
            <Menu
              id={menuId}
              anchorEl={anchor}
              open
              onClose={() => setAnchor(undefined)}
            >
              {secondary.map(action => (
                <MenuItem key={action} onClick={() => choose(action)}>
                  {WORKSPACE_ACTION_TEXT[action].label}
                </MenuItem>
              ))}
            </Menu>
          )}
        </>
      )}
      {confirmingDelete && (
        <DeleteWorkspaceDialog
          open
          workspaceName={workspace.name}
          onClose={() => setConfirmingDelete(false)}
          onConfirm={() => run('delete')}
        />
      )}
    </div>
  );
}
