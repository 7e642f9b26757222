import FormControl from '@material-ui/core/FormControl';
import FormControlLabel from '@material-ui/core/FormControlLabel';
import FormLabel from '@material-ui/core/FormLabel';
import Radio from '@material-ui/core/Radio';
import RadioGroup from '@material-ui/core/RadioGroup';
import Typography from '@material-ui/core/Typography';
import { makeStyles } from '@material-ui/core/styles';
import type { CoderTemplate } from '../api/types';
import { TemplateIcon } from '../components/CoderWorkspacesCard/TemplateIcon';

const useStyles = makeStyles(theme => ({
  option: {
    display: 'flex',
    alignItems: 'flex-start',
    gap: theme.spacing(1),
    padding: theme.spacing(0.5, 0),
  },
  label: {
    display: 'flex',
    alignItems: 'center',
    gap: theme.spacing(1.5),
  },
  description: {
    marginLeft: theme.spacing(8.5),
    marginTop: theme.spacing(-0.5),
  },
}));

/** Props of {@link TemplatePicker}. */
export interface TemplatePickerProps {
  /** The templates to choose from, in Coder's order. */
  templates: readonly CoderTemplate[];
  chosenId?: string;
  onChoose: (template: CoderTemplate) => void;
  /** Prefix for element ids, unique on the page (the field's id). */
  idPrefix: string;
}

/**
 * The allowed templates as one radio group: icon, display name (else name) and
 * description, so the choice reads like Coder's own template list.
 */
export function TemplatePicker(props: TemplatePickerProps) {
  const { templates, chosenId, onChoose, idPrefix } = props;
  const classes = useStyles();
  const legendId = `${idPrefix}-template-legend`;
  return (
    <FormControl component="fieldset" required>
      <FormLabel component="legend" id={legendId}>
        Coder template
      </FormLabel>
      <RadioGroup
        aria-labelledby={legendId}
        name={`${idPrefix}-template`}
        value={chosenId ?? ''}
        onChange={event => {
          const template = templates.find(t => t.id === event.target.value);
          if (template) onChoose(template);
        }}
      >
        {templates.map(template => {
          const label = template.display_name || template.name;
          const descriptionId = `${idPrefix}-template-${template.id}-description`;
          return (
            <div key={template.id}>
              <FormControlLabel
                className={classes.option}
                value={template.id}
                control={
                  <Radio
                    inputProps={{
                      'aria-describedby': template.description
                        ? descriptionId
                        : undefined,
                    }}
                  />
                }
                label={
                  <span className={classes.label}>
                    <TemplateIcon icon={template.icon} name={label} />
                    <Typography component="span">{label}</Typography>
                  </span>
                }
              />
              {template.description && (
                <Typography
                  id={descriptionId}
                  className={classes.description}
                  variant="body2"
                  color="textSecondary"
                >
                  {template.description}
                </Typography>
              )}
            </div>
          );
        })}
      </RadioGroup>
    </FormControl>
  );
}
