import { Link, LinkButton } from '@backstage/core-components';
import IconButton from '@material-ui/core/IconButton';
import Tooltip from '@material-ui/core/Tooltip';
import AddIcon from '@material-ui/icons/Add';
import { useWorkspacesCardState } from './WorkspacesCardContext';

/** Props of {@link CreateWorkspaceLink}. @public */
export interface CreateWorkspaceLinkProps {
  /** `icon` for a header, `button` for an empty state, `text` for a secondary link. */
  variant?: 'icon' | 'button' | 'text';
}

/**
 * Opens Coder's create-workspace page with the template, mode and parameters (the
 * repository URL included) filled in. Renders nothing when no template is configured.
 *
 * @public
 */
export function CreateWorkspaceLink(props: CreateWorkspaceLinkProps) {
  const { variant = 'icon' } = props;
  const { workspacesConfig } = useWorkspacesCardState();
  const { creationUrl, templateName } = workspacesConfig;
  if (!creationUrl) return null;
  const label = `Create workspace from template ${templateName}`;
  if (variant === 'text') {
    return (
      <Link to={creationUrl} target="_blank" rel="noopener noreferrer">
        or open Coder's create page
      </Link>
    );
  }
  if (variant === 'button') {
    return (
      <LinkButton
        to={creationUrl}
        target="_blank"
        rel="noopener noreferrer"
        color="primary"
        variant="contained"
      >
        Create workspace
      </LinkButton>
    );
  }
  return (
    <Tooltip title={label}>
      <IconButton
        component="a"
        href={creationUrl}
        target="_blank"
        rel="noopener noreferrer"
        aria-label={label}
      >
        <AddIcon />
      </IconButton>
    </Tooltip>
  );
}
