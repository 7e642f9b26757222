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
import { ListParameterField } from './ListParameterField';
import { parameterHelp } from './parameterHelp';

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

/**
 * One rich parameter as a form control chosen by its type, options and form type, with
 * its limits in the helper text before anything is wrong.
 *
 * @public
 */
export function ParameterField(props: ParameterFieldProps) {
  const { parameter, value, onChange, error, locked, onUnlock } = props;
  const label = parameter.display_name || parameter.name;
  const helper = parameterHelp(parameter, error);
  const id = `coder-parameter-${parameter.name}`;
  const helperId = `${id}-helper-text`;

  if (parameter.type === 'list(string)') {
    return (
      <ListParameterField
        parameter={parameter}
        value={value}
        onChange={onChange}
        id={id}
        label={label}
        helperText={helper}
        error={Boolean(error)}
      />
    );
  }

  if (parameter.type === 'bool') {
    return (
      <FormControl error={Boolean(error)}>
        <FormControlLabel
          control={
            <Checkbox
              id={id}
              checked={value === 'true'}
              onChange={event => onChange(String(event.target.checked))}
              inputProps={{ 'aria-describedby': helper ? helperId : undefined }}
            />
          }
          label={label}
        />
        {helper && <FormHelperText id={helperId}>{helper}</FormHelperText>}
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
          aria-describedby={helper ? helperId : undefined}
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
        {helper && <FormHelperText id={helperId}>{helper}</FormHelperText>}
      </FormControl>
    );
  }
  const select = parameter.options.length > 0;
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
      helperText={helper}
      variant="outlined"
      size="small"
      fullWidth
      inputProps={{
        min: parameter.validation_min ?? undefined,
        max: parameter.validation_max ?? undefined,
        readOnly: locked,
      }}
      // MUI links the helper text to a hidden input; the button users reach is this one.
      SelectProps={{
        SelectDisplayProps: {
          'aria-describedby': helper ? helperId : undefined,
        },
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
