import type { CoderWorkspace } from '../api/types';

/**
 * A workspace's page in Coder's dashboard, `/@owner/name`.
 *
 * @public
 */
export function workspacePageUrl(
  accessUrl: string,
  workspace: Pick<CoderWorkspace, 'owner_name' | 'name'>,
): string {
  return `${accessUrl.replace(/\/+$/, '')}/@${encodeURIComponent(
    workspace.owner_name,
  )}/${encodeURIComponent(workspace.name)}`;
}

/**
 * The logs of the workspace's latest build in Coder's dashboard,
 * `/@owner/name/builds/<number>`.
 *
 * @public
 */
export function buildLogsUrl(
  accessUrl: string,
  workspace: Pick<CoderWorkspace, 'owner_name' | 'name' | 'latest_build'>,
): string {
  return `${workspacePageUrl(accessUrl, workspace)}/builds/${
    workspace.latest_build.build_number
  }`;
}
