import { quote } from '../queries/workspaceSearchQueries';

/**
 * Coder's own workspaces page, filtered to the linked user's workspaces of one
 * repository. One `param:` term per repository parameter: Coder matches a workspace
 * that has any of them.
 *
 * @public
 */
export function repositoryWorkspacesUrl(
  accessUrl: string,
  repository: { repoUrl: string; repoUrlParamKeys: readonly string[] },
): string {
  const terms = repository.repoUrlParamKeys.map(
    key => `param:${quote(`${key}=${repository.repoUrl}`)}`,
  );
  const filter = ['owner:me', ...terms].join(' ');
  return `${accessUrl.replace(/\/+$/, '')}/workspaces?filter=${encodeURIComponent(filter)}`;
}
