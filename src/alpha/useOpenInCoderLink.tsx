import { useCallback } from 'react';
import { dialogApiRef, useApi } from '@backstage/frontend-plugin-api';
import { describeCoderError } from '../api/describeCoderError';
import { planOpen } from '../components/CoderOpenButton/openPlan';
import { useCoderAuth } from '../hooks/useCoderAuth';
import { useCoderWorkspaces } from '../hooks/useCoderWorkspaces';
import { useWorkspacesConfigOrError } from '../hooks/useCoderWorkspacesConfig';
import { useWorkspaceAction } from '../hooks/useWorkspaceAction';
import { CODER_WORKSPACES_PAGE_SIZE } from '../queries/workspacesQueries';
import { openCoderDialog } from './coderDialogs';

/** What the About card's Coder link shows and does. @alpha */
export interface OpenInCoderLinkProps {
  label: string;
  title?: string;
  href?: string;
  disabled?: boolean;
  onClick?: () => void;
}

/**
 * The About card's "Open in Coder" link, with the same choice as `CoderOpenButton`:
 * open the most recently used running workspace of the repository, else start the newest,
 * else create one. The label says which; it never acts without the user's click.
 * Rendered by the catalog outside the plugin's wrapper, so it relies on the APIs alone.
 *
 * @alpha
 */
export function useOpenInCoderLink(): OpenInCoderLinkProps {
  const auth = useCoderAuth();
  const dialogApi = useApi(dialogApiRef);
  const { appConfig, workspacesConfig, configError } =
    useWorkspacesConfigOrError({ readEntityData: true });
  const repository = workspacesConfig?.repository;
  const result = useCoderWorkspaces({
    filter: 'owner:me',
    repository,
    enabled: auth.hasToken && Boolean(repository),
    // The card's first page: the same request, shared with it.
    limit: CODER_WORKSPACES_PAGE_SIZE,
  });
  const plan = result.workspaces ? planOpen(result.workspaces) : undefined;
  const target = plan && plan.kind !== 'create' ? plan.workspace : undefined;
  const action = useWorkspaceAction(
    plan?.kind === 'start' ? target : undefined,
  );
  const openDialog = useCallback(
    (kind: 'link' | 'create') =>
      workspacesConfig && openCoderDialog(dialogApi, kind, workspacesConfig),
    [dialogApi, workspacesConfig],
  );

  if (!appConfig || !workspacesConfig) {
    return {
      label: 'Coder not configured',
      title: configError?.message,
      disabled: true,
    };
  }
  if (!auth.hasToken) {
    return {
      label: 'Link Coder',
      title: 'Link your Coder account to open workspaces from here',
      onClick: () => openDialog('link'),
    };
  }
  if (!repository) {
    return {
      label: 'Open in Coder',
      title:
        'This entity names no repository (coder.com/repo-url or backstage.io/source-location).',
      disabled: true,
    };
  }
  if (result.error) {
    return {
      label: 'Coder unavailable',
      title: describeCoderError(result.error).message,
      disabled: true,
    };
  }
  if (!plan) return { label: 'Open in Coder', disabled: true };
  if (plan.kind === 'create') {
    return {
      label: 'Create workspace',
      title: 'Create a Coder workspace for this repository',
      onClick: () => openDialog('create'),
    };
  }
  const { workspace } = plan;
  if (plan.kind === 'start') {
    return action.pending
      ? {
          label: 'Starting…',
          title: `Starting ${workspace.name}`,
          disabled: true,
        }
      : {
          label: 'Start workspace',
          title: `Start ${workspace.name} in Coder`,
          onClick: () => action.run('start'),
        };
  }
  return {
    label: 'Open in Coder',
    title: `Open ${workspace.name} in Coder`,
    href: `${appConfig.deployment.accessUrl}/@${encodeURIComponent(workspace.owner_name)}/${encodeURIComponent(workspace.name)}`,
  };
}
