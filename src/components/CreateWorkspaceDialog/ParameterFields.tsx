import { makeStyles } from '@material-ui/core/styles';
import Alert from '@material-ui/lab/Alert';
import type { CoderTemplateParameter } from '../../api/types';
import { ParameterField } from './ParameterField';
import { isOtherRepository } from './repositoryScope';

const useStyles = makeStyles(theme => ({
  field: {
    display: 'flex',
    flexDirection: 'column',
    gap: theme.spacing(1),
  },
}));

/** Props of {@link ParameterFields}. @public */
export interface ParameterFieldsProps {
  parameters: CoderTemplateParameter[];
  values: Record<string, string>;
  onChange: (name: string, value: string) => void;
  errors: Record<string, string>;
  /** Repository parameters: read-only until unlocked. */
  repoKeys: ReadonlySet<string>;
  unlocked: ReadonlySet<string>;
  onUnlock: (name: string) => void;
  /** Goes on each field's wrapper, so the dialog can focus the field. */
  fieldRef: (name: string) => (element: HTMLElement | null) => void;
  /**
   * The card's repository, when every repository parameter points elsewhere: each one
   * that does is then warned about.
   */
  otherThan?: string;
}

/**
 * The template's rich parameters in Coder's order, each in a wrapper the dialog can
 * focus, with a warning under a repository URL that takes the workspace off the card.
 *
 * @public
 */
export function ParameterFields(props: ParameterFieldsProps) {
  const { parameters, values, onChange, errors, repoKeys, unlocked } = props;
  const { onUnlock, fieldRef, otherThan } = props;
  const classes = useStyles();
  return (
    <>
      {parameters.map(parameter => {
        const value = values[parameter.name] ?? '';
        const repository = repoKeys.has(parameter.name);
        return (
          <div
            key={parameter.name}
            ref={fieldRef(parameter.name)}
            className={classes.field}
          >
            <ParameterField
              parameter={parameter}
              value={value}
              onChange={next => onChange(parameter.name, next)}
              error={errors[parameter.name]}
              locked={repository && !unlocked.has(parameter.name)}
              onUnlock={() => onUnlock(parameter.name)}
            />
            {repository && otherThan && isOtherRepository(value, otherThan) && (
              <Alert severity="warning" role="status">
                Workspaces are listed by repository; with this URL it will not
                appear on this card.
              </Alert>
            )}
          </div>
        );
      })}
    </>
  );
}
