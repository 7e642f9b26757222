import { useState } from 'react';
import { attachComponentData } from '@backstage/core-plugin-api';
import Button from '@material-ui/core/Button';
import Tooltip from '@material-ui/core/Tooltip';
import { describeCoderError } from '../../api/describeCoderError';
import { useCoderAppConfig } from '../../hooks/useCoderAppConfig';
import { useCoderAuth } from '../../hooks/useCoderAuth';
import { CODER_WORKSPACES_PAGE_SIZE } from '../../queries/workspacesQueries';
import { useCoderWorkspaces } from '../../hooks/useCoderWorkspaces';
import { useCoderWorkspacesConfig } from '../../hooks/useCoderWorkspacesConfig';
import { useWorkspaceAction } from '../../hooks/useWorkspaceAction';
import type { CoderWorkspace } from '../../api/types';
import { CoderAuthDialog } from '../CoderAuthForm/LazyCoderAuthForm';
import { CreateWorkspaceDialog } from '../CreateWorkspaceDialog/LazyCreateWorkspaceDialog';
import { planOpen } from './openPlan';
import { coderPlugin } from '../../plugin';

/** Props of {@link CoderOpenButton}. @public */
export interface CoderOpenButtonProps {
  /** Use the current catalog entity's repository and settings (default true). */
  readEntityData?: boolean;
}

/**
 * "Open in Coder" for an entity: opens the most recently used running workspace of the
 * repository, else starts the newest one, else offers to create one. Its label always
 * says which of these a click will do.
 *
 * @public
 */
export function CoderOpenButton(props: CoderOpenButtonProps) {
  const { readEntityData = true } = props;
  const auth = useCoderAuth();
  const config = useCoderWorkspacesConfig({ readEntityData });
  const { repository } = config;
  const result = useCoderWorkspaces({
    filter: 'owner:me',
    repository,
    enabled: !config.readsEntityData || Boolean(repository),
    // The card's first page: the same request, shared. Coder lists running workspaces
    // first, which is what this button looks for.
    limit: CODER_WORKSPACES_PAGE_SIZE,
  });
  const [linking, setLinking] = useState(false);
  const [creating, setCreating] = useState(false);

  if (!auth.hasToken) {
    return (
      <>
        <Button
          variant="contained"
          color="primary"
          onClick={() => setLinking(true)}
        >
          Link Coder account
        </Button>
        {linking && <CoderAuthDialog open onClose={() => setLinking(false)} />}
      </>
    );
  }
  if (config.readsEntityData && !repository) {
    return (
      <Tooltip title="This entity names no repository (coder.com/repo-url or backstage.io/source-location).">
        <span>
          <Button variant="contained" disabled>
            Open in Coder
          </Button>
        </span>
      </Tooltip>
    );
  }
  if (result.error) {
    return (
      <Tooltip title={describeCoderError(result.error).message}>
        <span>
          <Button variant="contained" disabled>
            Coder unavailable
          </Button>
        </span>
      </Tooltip>
    );
  }
  if (!result.workspaces) {
    return (
      <Button variant="contained" disabled>
        Open in Coder
      </Button>
    );
  }
  const plan = planOpen(result.workspaces);
  if (plan.kind === 'create') {
    return (
      <>
        <Button
          variant="contained"
          color="primary"
          onClick={() => setCreating(true)}
        >
          Create a workspace
        </Button>
        {creating && (
          <CreateWorkspaceDialog
            open
            onClose={() => setCreating(false)}
            workspacesConfig={config}
            autoSubmit={config.mode === 'auto' && Boolean(config.templateName)}
          />
        )}
      </>
    );
  }
  return plan.kind === 'start' ? (
    <StartButton workspace={plan.workspace} />
  ) : (
    <OpenLink workspace={plan.workspace} />
  );
}

function OpenLink(props: { workspace: CoderWorkspace }) {
  const { workspace } = props;
  const { deployment } = useCoderAppConfig();
  const href = `${deployment.accessUrl}/@${encodeURIComponent(workspace.owner_name)}/${encodeURIComponent(workspace.name)}`;
  return (
    <Button
      variant="contained"
      color="primary"
      href={href}
      target="_blank"
      rel="noopener noreferrer"
    >
      Open {workspace.name} in Coder
    </Button>
  );
}

function StartButton(props: { workspace: CoderWorkspace }) {
  const { workspace } = props;
  const { run, pending } = useWorkspaceAction(workspace);
  return (
    <Button
      variant="contained"
      color="primary"
      disabled={Boolean(pending)}
      onClick={() => run('start')}
    >
      {pending ? `Starting ${workspace.name}…` : `Start ${workspace.name}`}
    </Button>
  );
}

// Registers the plugin's APIs in a classic app that has only this button (see CoderProvider).
attachComponentData(CoderOpenButton, 'core.plugin', coderPlugin);
