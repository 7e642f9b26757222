import TextField from '@material-ui/core/TextField';
import type { CoderTemplateParameter } from '../api/types';
import { parameterHelp } from '../components/CreateWorkspaceDialog/parameterHelp';
import { parameterLabel } from './parameterProblems';

/** Props of {@link BoundParameterField}. */
export interface BoundParameterFieldProps {
  parameter: CoderTemplateParameter;
  value: string;
  /** The titles of the form fields the value comes from. */
  sources: string[];
  /** Those still empty. */
  missing: string[];
  /** Expressions the task fills when it runs. */
  runtime: string[];
  error?: string;
}

/**
 * A parameter the template fills from other fields of the form: read-only, its
 * resolved value shown, and where it comes from said in the helper text (or which
 * field to fill in first), before the parameter's own help.
 */
export function BoundParameterField(props: BoundParameterFieldProps) {
  const { parameter, value, sources, missing, runtime, error } = props;
  let origin = `Comes from ${sources.join(' and ')}.`;
  let placeholder: string | undefined;
  if (runtime.length > 0) {
    origin = `Set by the template when it runs (${runtime.join(', ')}).`;
    placeholder = 'Set when the template runs';
  } else if (missing.length > 0) {
    origin = `Fill in ${missing.join(' and ')} first.`;
    placeholder = 'Not filled in yet';
  }
  const help = parameterHelp(parameter, error === origin ? undefined : error);
  return (
    <TextField
      id={`coder-parameter-${parameter.name}`}
      label={parameterLabel(parameter)}
      value={value}
      required={parameter.required}
      error={Boolean(error)}
      helperText={[origin, help].filter(Boolean).join(' ')}
      placeholder={placeholder}
      InputLabelProps={placeholder ? { shrink: true } : undefined}
      variant="outlined"
      size="small"
      fullWidth
      InputProps={{ readOnly: true }}
    />
  );
}
