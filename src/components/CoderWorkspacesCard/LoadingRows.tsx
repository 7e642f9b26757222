import Skeleton from '@material-ui/lab/Skeleton';
import { makeStyles } from '@material-ui/core/styles';

const useStyles = makeStyles(theme => ({
  row: {
    display: 'flex',
    gap: theme.spacing(2),
    alignItems: 'flex-start',
    padding: theme.spacing(1, 0),
  },
  body: { flex: 1 },
}));

/**
 * Placeholder rows the size of real ones, so the card keeps its shape while the first
 * answer is on its way (a slow Coder shows a card, not a thin bar).
 */
export function LoadingRows(props: { rows?: number }) {
  const { rows = 3 } = props;
  const classes = useStyles();
  return (
    <div role="progressbar" aria-label="Loading workspaces" aria-busy="true">
      {Array.from({ length: rows }, (_, index) => (
        <div key={index} className={classes.row} aria-hidden>
          <Skeleton variant="circle" width={32} height={32} />
          <div className={classes.body}>
            <Skeleton variant="text" width="45%" height={24} />
            <Skeleton variant="text" width="80%" />
          </div>
          <Skeleton variant="rect" width={64} height={30} />
        </div>
      ))}
    </div>
  );
}
