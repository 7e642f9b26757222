import Checkbox from '@material-ui/core/Checkbox';
import FormControl from '@material-ui/core/FormControl';
import FormControlLabel from '@material-ui/core/FormControlLabel';
import FormHelperText from '@material-ui/core/FormHelperText';
import FormLabel from '@material-ui/core/FormLabel';
import IconButton from '@material-ui/core/IconButton';
import InputAdornment from '@material-ui/core/InputAdornment';
import MenuItem from '@material-ui/core/MenuItem';
import Radio from '@material-ui/core/Radio';
import RadioGroup from '@material-ui/core/RadioGroup';
import TextField from '@material-ui/core/TextField';
import EditIcon from '@material-ui/icons/Edit';
import type { CoderTemplateParameter } from '../../api/types';

/** Props of {@link ParameterField}. @public */
export interface ParameterFieldProps {
  parameter: CoderTemplateParameter;
  value: string;
  onChange: (value: string) => void;
  error?: string;
  /** Shown read-only until the user chooses to edit it (the repository URL). */
  locked?: boolean;
  onUnlock?: () => void;
}

function notes(parameter: CoderTemplateParameter): string {
  const parts = [parameter.description];
  if (!parameter.mutable)
    parts.push('Cannot be changed after the workspace is created.');
  if (parameter.ephemeral) parts.push('Applies to this build only.');
  if (parameter.validation_monotonic)
    parts.push(
      `Can only ${parameter.validation_monotonic === 'increasing' ? 'grow' : 'shrink'} later.`,
    );
  return parts.filter(Boolean).join(' ');
}

/** One rich parameter as a form control chosen by its type, options and form type. @public */
export function ParameterField(props: ParameterFieldProps) {
  const { parameter, value, onChange, error, locked, onUnlock } = props;
  const label = parameter.display_name || parameter.name;
  const helper = error ?? notes(parameter);
  const id = `coder-parameter-${parameter.name}`;

  if (parameter.type === 'bool') {
    return (
      <FormControl error={Boolean(error)}>
        <FormControlLabel
          control={
            <Checkbox
              id={id}
              checked={value === 'true'}
              onChange={event => onChange(String(event.target.checked))}
            />
          }
          label={label}
        />
        {helper && <FormHelperText>{helper}</FormHelperText>}
      </FormControl>
    );
  }
  if (parameter.options.length > 0 && parameter.form_type === 'radio') {
    return (
      <FormControl component="fieldset" error={Boolean(error)}>
        <FormLabel component="legend" required={parameter.required}>
          {label}
        </FormLabel>
        <RadioGroup
          name={id}
          value={value}
          onChange={event => onChange(event.target.value)}
        >
          {parameter.options.map(option => (
            <FormControlLabel
              key={option.value}
              value={option.value}
              control={<Radio />}
              label={option.name}
            />
          ))}
        </RadioGroup>
        {helper && <FormHelperText>{helper}</FormHelperText>}
      </FormControl>
    );
  }
  const select =
    parameter.options.length > 0 && parameter.type !== 'list(string)';
  return (
    <TextField
      id={id}
      label={label}
      value={value}
      onChange={event => onChange(event.target.value)}
      required={parameter.required}
      select={select}
      type={parameter.type === 'number' ? 'number' : 'text'}
      multiline={parameter.form_type === 'textarea'}
      error={Boolean(error)}
      helperText={
        parameter.type === 'list(string)' && !error
          ? `${helper} A JSON list, e.g. ["a","b"].`.trim()
          : helper
      }
      variant="outlined"
      size="small"
      fullWidth
      inputProps={{
        min: parameter.validation_min ?? undefined,
        max: parameter.validation_max ?? undefined,
        readOnly: locked,
      }}
      InputProps={
        locked
          ? {
              endAdornment: (
                <InputAdornment position="end">
                  <IconButton
                    size="small"
                    aria-label={`Edit ${label}`}
                    onClick={onUnlock}
                  >
                    <EditIcon fontSize="small" />
                  </IconButton>
                </InputAdornment>
              ),
            }
          : undefined
      }
    >
      {select &&
        parameter.options.map(option => (
          <MenuItem key={option.value} value={option.value}>
            {option.name}
          </MenuItem>
        ))}
    </TextField>
  );
}
