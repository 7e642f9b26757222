/**
 * The forms a repository URL is typed in when someone creates a workspace in Coder's
 * own dashboard: the web URL, the clone URL with `.git`, and the SSH remote with and
 * without `.git`. Coder compares `param:` values exactly (ignoring case only), so a
 * search must name each form to find all of a repository's workspaces.
 *
 * `repoUrl` is a normalised URL (see normaliseRepoUrl); the SSH forms exist only for
 * https URLs on the default port, since an SCP-like remote cannot carry a port.
 */
export function repoUrlForms(repoUrl: string): string[] {
  const forms = [repoUrl, `${repoUrl}.git`];
  const https = /^https:\/\/([^/:]+)\/(.+)$/.exec(repoUrl);
  if (https) {
    const [, host, path] = https;
    forms.push(`git@${host}:${path}.git`, `git@${host}:${path}`);
  }
  return forms;
}
