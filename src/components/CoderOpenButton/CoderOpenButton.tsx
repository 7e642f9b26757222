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
import { planFor, planOpen } from './openPlan';
import { coderPlugin } from '../../plugin';

/** Props of {@link CoderOpenButton}. @public */
export interface CoderOpenButtonProps {
  /** Use the current catalog entity's repository and settings (default true). */
  readEntityData?: boolean;
}

/**
 * "Open in Coder" for an entity: opens the most recently used workspace of the
 * repository that runs with its agent connected, else waits for one on its way there,
 * else starts the most recently used stopped one (never a dormant one), else offers to
 * create one. Its label always says which of these a click will do, and after a click
 * it stays on the workspace it started ("Starting X…", then "Open X").
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
  return (
    <PlannedButton
      key={repository?.repoUrl ?? ''}
      workspaces={result.workspaces}
      config={config}
    />
  );
}

/**
 * The button for the list as it is now. Once the user starts a workspace the button
 * stays on that one ("Starting X…", then "Open X"), however the list changes meanwhile.
 */
function PlannedButton(props: {
  workspaces: CoderWorkspace[];
  config: ReturnType<typeof useCoderWorkspacesConfig>;
}) {
  const { workspaces, config } = props;
  const [chosenId, setChosenId] = useState<string>();
  const [creating, setCreating] = useState(false);
  const chosen = workspaces.find(workspace => workspace.id === chosenId);
  const plan = chosen ? planFor(chosen) : planOpen(workspaces);
  const target = plan.kind === 'create' ? undefined : plan.workspace;
  const { run, pending } = useWorkspaceAction(target);

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
  const { name } = plan.workspace;
  if (plan.kind === 'open') return <OpenLink workspace={plan.workspace} />;
  if (plan.kind === 'unreachable') {
    return (
      <Tooltip title="Its agent is not connected; Coder cannot open it until the agent is back.">
        <span>
          <Button variant="contained" disabled>
            {name}: agent disconnected
          </Button>
        </span>
      </Tooltip>
    );
  }
  if (plan.kind === 'wait' || pending) {
    return (
      <Button variant="contained" color="primary" disabled>
        Starting {name}…
      </Button>
    );
  }
  return (
    <Button
      variant="contained"
      color="primary"
      onClick={() => {
        setChosenId(plan.workspace.id);
        run('start');
      }}
    >
      Start {name}
    </Button>
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

// Registers the plugin's APIs in a classic app that has only this button (see CoderProvider).
attachComponentData(CoderOpenButton, 'core.plugin', coderPlugin);
