import { useState } from 'react';
import Button from '@material-ui/core/Button';
import IconButton from '@material-ui/core/IconButton';
import Tooltip from '@material-ui/core/Tooltip';
import AddIcon from '@material-ui/icons/Add';
import { useCoderAuth } from '../../hooks/useCoderAuth';
import { CreateWorkspaceDialog } from '../CreateWorkspaceDialog/LazyCreateWorkspaceDialog';
import { CreateWorkspaceLink } from './CreateWorkspaceLink';
import { useWorkspacesCardState } from './WorkspacesCardContext';

/** Props of {@link CreateWorkspaceButton}. @public */
export interface CreateWorkspaceButtonProps {
  /** `icon` for the header, `button` for the empty state. */
  variant?: 'icon' | 'button';
}

/**
 * Creates a workspace in Backstage. In `manual` mode it opens the form; in `auto` mode
 * it lists the configured values for one confirming click (Coder's meaning of
 * `mode=auto`, with the confirmation Coder's own dashboard also asks for).
 * Before an account is linked it falls back to Coder's own create page.
 *
 * @public
 */
export function CreateWorkspaceButton(props: CreateWorkspaceButtonProps) {
  const { variant = 'icon' } = props;
  const { workspacesConfig } = useWorkspacesCardState();
  const auth = useCoderAuth();
  const [open, setOpen] = useState(false);
  if (!auth.hasToken) return <CreateWorkspaceLink variant={variant} />;
  const auto =
    workspacesConfig.mode === 'auto' && Boolean(workspacesConfig.templateName);
  const label = auto
    ? `Create a workspace from ${workspacesConfig.templateName} with defaults`
    : 'Create workspace';
  return (
    <>
      {variant === 'button' ? (
        <Button
          color="primary"
          variant="contained"
          onClick={() => setOpen(true)}
        >
          Create workspace
        </Button>
      ) : (
        <Tooltip title={label}>
          <IconButton aria-label={label} onClick={() => setOpen(true)}>
            <AddIcon />
          </IconButton>
        </Tooltip>
      )}
      {open && (
        <CreateWorkspaceDialog
          open
          onClose={() => setOpen(false)}
          workspacesConfig={workspacesConfig}
          autoSubmit={auto}
        />
      )}
    </>
  );
}
