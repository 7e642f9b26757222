import { forwardRef } from 'react';
import Link from '@material-ui/core/Link';
import { makeStyles } from '@material-ui/core/styles';
import Alert from '@material-ui/lab/Alert';
import AlertTitle from '@material-ui/lab/AlertTitle';

const useStyles = makeStyles(theme => ({
  list: {
    display: 'flex',
    flexWrap: 'wrap',
    gap: theme.spacing(0, 2),
    listStyle: 'none',
    margin: 0,
    padding: 0,
  },
  general: {
    margin: 0,
  },
}));

/** A field that needs attention, as the summary names it. @public */
export interface ProblemField {
  key: string;
  label: string;
}

/** Props of {@link ProblemsSummary}. @public */
export interface ProblemsSummaryProps {
  /** The fields that need attention, in form order. */
  fields: ProblemField[];
  /** What Coder objected to that belongs to no field. */
  general?: string;
  /** Called with a field's key when the user picks its name. */
  onPick: (key: string) => void;
  className?: string;
}

/**
 * What stops the form from being sent, next to the buttons that send it: Coder's
 * objection that concerns no field, and how many fields need attention, each name a
 * button to that field.
 *
 * @public
 */
export const ProblemsSummary = forwardRef<HTMLDivElement, ProblemsSummaryProps>(
  function ProblemsSummaryAlert(props, ref) {
    const { fields, general, onPick, className } = props;
    const classes = useStyles();
    const count = fields.length;
    return (
      <Alert ref={ref} className={className} severity="error" role="alert">
        {general && <p className={classes.general}>{general}</p>}
        {count > 0 && (
          <>
            <AlertTitle>
              {count} {count === 1 ? 'field needs' : 'fields need'} attention
            </AlertTitle>
            <ul className={classes.list}>
              {fields.map(field => (
                <li key={field.key}>
                  <Link
                    component="button"
                    type="button"
                    variant="body2"
                    onClick={() => onPick(field.key)}
                  >
                    {field.label}
                  </Link>
                </li>
              ))}
            </ul>
          </>
        )}
      </Alert>
    );
  },
);
