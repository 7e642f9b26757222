import { attachComponentData } from '@backstage/core-plugin-api';
import { makeStyles } from '@material-ui/core/styles';
import { coderPlugin } from '../../plugin';
import { ConfigIssues } from './ConfigIssues';
import { CreateWorkspaceButton } from './CreateWorkspaceButton';
import { CreateWorkspaceLink } from './CreateWorkspaceLink';
import { OpenWorkspaceMenu } from './OpenWorkspaceMenu';
import { WorkspaceActions } from './WorkspaceActions';
import { ExtraActionsButton } from './ExtraActionsButton';
import { HeaderActions } from './HeaderActions';
import { RefreshButton } from './RefreshButton';
import { Root, type WorkspacesCardRootProps } from './Root';
import { SearchBox } from './SearchBox';
import { WorkspacesList } from './WorkspacesList';
import { WorkspacesListItem } from './WorkspacesListItem';
import { useCoderAuth } from '../../hooks/useCoderAuth';
import { useWorkspacesCardState } from './WorkspacesCardContext';

const useStyles = makeStyles(theme => ({
  body: { display: 'flex', flexDirection: 'column', gap: theme.spacing(2) },
}));

/** Props of {@link CoderWorkspacesCard}. @public */
export type CoderWorkspacesCardProps = Omit<
  WorkspacesCardRootProps,
  'children' | 'headerActions'
>;

function DefaultBody() {
  const classes = useStyles();
  const auth = useCoderAuth();
  const { workspacesConfig } = useWorkspacesCardState();
  const showSearch =
    auth.hasToken &&
    (!workspacesConfig.readsEntityData || Boolean(workspacesConfig.repoUrl));
  return (
    <div className={classes.body}>
      <ConfigIssues />
      {showSearch && <SearchBox />}
      <WorkspacesList />
    </div>
  );
}

/**
 * The linked user's Coder workspaces. With `readEntityData` on an entity page, only
 * the workspaces of the entity's repository, with its template and parameters for
 * "create". Compose your own from `CoderWorkspacesCard.Root` and its parts.
 *
 * @public
 */
export function CoderWorkspacesCard(props: CoderWorkspacesCardProps) {
  return (
    <Root {...props} headerActions={<HeaderActions />}>
      <DefaultBody />
    </Root>
  );
}

CoderWorkspacesCard.Root = Root;
CoderWorkspacesCard.HeaderActions = HeaderActions;
CoderWorkspacesCard.SearchBox = SearchBox;
CoderWorkspacesCard.WorkspacesList = WorkspacesList;
CoderWorkspacesCard.WorkspacesListItem = WorkspacesListItem;
CoderWorkspacesCard.CreateWorkspaceLink = CreateWorkspaceLink;
CoderWorkspacesCard.CreateWorkspaceButton = CreateWorkspaceButton;
CoderWorkspacesCard.WorkspaceActions = WorkspaceActions;
CoderWorkspacesCard.OpenWorkspaceMenu = OpenWorkspaceMenu;
CoderWorkspacesCard.RefreshButton = RefreshButton;
CoderWorkspacesCard.ExtraActionsButton = ExtraActionsButton;
CoderWorkspacesCard.ConfigIssues = ConfigIssues;

// Found by a classic app's element-tree scan, so the plugin's APIs are registered even
// when this card is the only Coder piece in the app (see CoderProvider).
attachComponentData(CoderWorkspacesCard, 'core.plugin', coderPlugin);
