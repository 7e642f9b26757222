import type { UserRecord, WorkspaceRecord } from '../records';
import { markup, notFoundPage, PageResult } from './html';
import type { PageRequest } from './request';

/**
 * `/@{owner}/{workspace}` resolution shared by the workspace and build pages.
 * Any user's workspace is shown, whoever the viewer is: a dev tool's links
 * should open even when Backstage was linked as someone other than the
 * browser's session (real Coder would answer "not found" to another member).
 */

/** The workspace a page is about and its owner. */
export interface FoundWorkspace {
  owner: UserRecord;
  workspace: WorkspaceRecord;
}

/** The workspace a page is about, or the 404 page to send instead. */
export function findWorkspace(page: PageRequest): FoundWorkspace | PageResult {
  const { store } = page.deployment;
  const ownerName = page.params.owner;
  const workspaceName = page.params.workspace;
  // As in the dashboard, `me` is whoever is signed in.
  const owner =
    ownerName.toLowerCase() === 'me'
      ? page.viewer.user
      : store.findUser(ownerName);
  const workspace =
    owner && store.findWorkspaceByOwnerAndName(owner.id, workspaceName);
  if (!owner || !workspace) {
    return notFoundPage(
      page.banner,
      'Workspace not found',
      markup`There is no workspace <code>${workspaceName}</code> owned by <code>${ownerName}</code> in this fake Coder (it may have been deleted, or the fake was reset).`,
    );
  }
  return { owner, workspace };
}

/** True when {@link findWorkspace} answered with a page. */
export function isPage(
  value: FoundWorkspace | PageResult,
): value is PageResult {
  return 'html' in value;
}
