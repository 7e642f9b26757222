import Typography from '@material-ui/core/Typography';
import { makeStyles } from '@material-ui/core/styles';
import { CODER_ANNOTATIONS } from '../../catalog/entityCoderConfig';

const useStyles = makeStyles(theme => ({
  root: {
    display: 'flex',
    flexDirection: 'column',
    gap: theme.spacing(1),
    padding: theme.spacing(1, 0),
  },
  yaml: {
    margin: 0,
    padding: theme.spacing(1, 1.5),
    borderRadius: theme.shape.borderRadius,
    background: theme.palette.action.hover,
    fontSize: '0.8125rem',
    overflowX: 'auto',
  },
}));

/**
 * A card-sized note for an entity that names no repository: the annotation to add, as
 * a YAML line that fits the card (Backstage's page-sized Missing Annotation panel does
 * not).
 */
export function MissingRepository() {
  const classes = useStyles();
  return (
    <div className={classes.root}>
      <Typography variant="subtitle1" component="h3">
        No repository for this entity
      </Typography>
      <Typography variant="body2">
        Its workspaces are found by repository URL. Add it to the entity's{' '}
        <code>catalog-info.yaml</code>:
      </Typography>
      <pre className={classes.yaml}>
        <code>
          {`metadata:\n  annotations:\n    ${CODER_ANNOTATIONS.repoUrl}: https://github.com/org/repo`}
        </code>
      </pre>
      <Typography variant="body2" color="textSecondary">
        <code>backstage.io/source-location</code> (<code>url:</code> and the
        repository) works too; <code>{CODER_ANNOTATIONS.repoUrl}</code> wins
        when both are set.
      </Typography>
    </div>
  );
}
