import { memo } from 'react';
import { Link } from '@backstage/core-components';
import Chip from '@material-ui/core/Chip';
import StarIcon from '@material-ui/icons/Star';
import ListItem from '@material-ui/core/ListItem';
import Typography from '@material-ui/core/Typography';
import { makeStyles } from '@material-ui/core/styles';
import type { CoderWorkspace } from '../../api/types';
import { useCoderAppConfig } from '../../hooks/useCoderAppConfig';
import { formatLastUsed } from './formatLastUsed';
import { TemplateIcon } from './TemplateIcon';
import { WorkspaceActions } from './WorkspaceActions';
import {
  buildLogsUrl,
  workspacePageUrl,
} from '../../workspaces/workspacePages';
import { WorkspaceStatus } from './WorkspaceStatus';

const useStyles = makeStyles(theme => ({
  item: {
    display: 'flex',
    gap: theme.spacing(2),
    alignItems: 'flex-start',
    paddingLeft: 0,
    paddingRight: 0,
  },
  body: { flex: 1, minWidth: 0 },
  name: {
    fontWeight: theme.typography.fontWeightBold as number,
    overflowWrap: 'anywhere',
  },
  meta: {
    display: 'flex',
    flexWrap: 'wrap',
    alignItems: 'center',
    gap: theme.spacing(1),
    color: theme.palette.text.secondary,
  },
  star: {
    color: theme.palette.warning.main,
    verticalAlign: 'text-bottom',
    marginRight: theme.spacing(0.5),
  },
  failure: {
    marginTop: theme.spacing(0.5),
    color: theme.palette.error.main,
    overflowWrap: 'anywhere',
  },
  visuallyHidden: {
    position: 'absolute',
    width: 1,
    height: 1,
    overflow: 'hidden',
    clip: 'rect(0 0 0 0)',
    whiteSpace: 'nowrap',
  },
}));

/** Props of {@link WorkspacesListItem}. @public */
export interface WorkspacesListItemProps {
  workspace: CoderWorkspace;
}

/**
 * One workspace: template icon, name (opens it in Coder), status, outdated and dormant
 * marks, and when it was last used. Names from Coder render as text, never as markup.
 * Memoised: a new answer usually changes a few rows, and typing changes none.
 *
 * @public
 */
export const WorkspacesListItem = memo(function WorkspaceRow(
  props: WorkspacesListItemProps,
) {
  const { workspace } = props;
  const classes = useStyles();
  const { deployment } = useCoderAppConfig();
  const href = workspacePageUrl(deployment.accessUrl, workspace);
  const build = workspace.latest_build;
  return (
    <ListItem className={classes.item} component="li">
      <TemplateIcon
        icon={workspace.template_icon}
        name={workspace.template_display_name || workspace.template_name}
      />
      <div className={classes.body}>
        <Typography component="div" className={classes.name}>
          {workspace.favorite && (
            <StarIcon
              className={classes.star}
              titleAccess="Favourite"
              fontSize="inherit"
            />
          )}
          <Link to={href} target="_blank" rel="noopener noreferrer">
            {workspace.name}
            <span className={classes.visuallyHidden}> (opens in Coder)</span>
          </Link>
        </Typography>
        <div className={classes.meta}>
          <WorkspaceStatus workspace={workspace} />
          <Typography variant="body2" component="span">
            {workspace.template_display_name || workspace.template_name}
          </Typography>
          {workspace.outdated && (
            <Chip
              size="small"
              variant="outlined"
              label="Outdated"
              title="A newer template version is available"
            />
          )}
          {workspace.dormant_at && (
            <Chip
              size="small"
              variant="outlined"
              label="Dormant"
              title="Dormant workspaces must be started to be used"
            />
          )}
          <Typography variant="body2" component="span">
            Last used {formatLastUsed(workspace.last_used_at)}
          </Typography>
        </div>
        {build.status === 'failed' && (
          <Typography variant="body2" className={classes.failure}>
            {build.job.error || `The ${build.transition} build failed.`}{' '}
            <Link
              to={buildLogsUrl(deployment.accessUrl, workspace)}
              target="_blank"
              rel="noopener noreferrer"
              aria-label={`Build logs of ${workspace.name} (opens in Coder)`}
            >
              Build logs
            </Link>
          </Typography>
        )}
      </div>
      <WorkspaceActions workspace={workspace} />
    </ListItem>
  );
});
