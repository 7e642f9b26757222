import TextField from '@material-ui/core/TextField';
import type { ResolvedBoundParameter } from './boundParameters';

/** Props of {@link WorkspaceNameField}. */
export interface WorkspaceNameFieldProps {
  id: string;
  resolved: ResolvedBoundParameter;
  /** The titles of the fields the name comes from. */
  sourceTitles: string[];
  /** What is wrong with it (shape, or taken), if anything. */
  problem?: string;
  checking: boolean;
}

/**
 * The workspace's name as the template will give it: read-only, where it comes from,
 * and why Coder would refuse it (before the run publishes anything).
 */
export function WorkspaceNameField(props: WorkspaceNameFieldProps) {
  const { id, resolved, sourceTitles, problem, checking } = props;
  let help = `Comes from ${sourceTitles.join(' and ')}.`;
  if (resolved.runtime.length > 0) {
    help = `Set by the template when it runs (${resolved.runtime.join(', ')}).`;
  } else if (problem) help = problem;
  else if (checking) help = `${help} Checking with Coder…`;
  return (
    <TextField
      id={id}
      label="Workspace name"
      value={resolved.runtime.length > 0 ? '' : resolved.value}
      placeholder={
        resolved.runtime.length > 0 ? 'Set when the template runs' : undefined
      }
      InputLabelProps={{ shrink: true }}
      helperText={help}
      error={Boolean(problem)}
      variant="outlined"
      size="small"
      fullWidth
      InputProps={{ readOnly: true }}
    />
  );
}
