import {
  repositorySearchTerms,
  type RepositoryScope,
} from '../queries/workspaceSearchQueries';

/**
 * Coder's own workspaces page, filtered to the linked user's workspaces of one
 * repository: the same `param:` terms the card searches with (every repository
 * parameter, every URL form; Coder matches a workspace that has any of them).
 *
 * @public
 */
export function repositoryWorkspacesUrl(
  accessUrl: string,
  repository: RepositoryScope,
): string {
  const filter = ['owner:me', ...repositorySearchTerms(repository)].join(' ');
  return `${accessUrl.replace(/\/+$/, '')}/workspaces?filter=${encodeURIComponent(filter)}`;
}
