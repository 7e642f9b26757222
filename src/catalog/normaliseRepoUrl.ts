/*
 * Templates store a repository as its plain web URL (`https://github.com/acme/web-app`),
 * while catalogs hold every form a Git host shows: `/tree/<branch>`, GitLab's `/-/tree/…`,
 * Bitbucket's `/src/…`, `.git` clone URLs, `git@host:org/repo` SSH remotes. Coder's
 * `param:` filter compares values exactly (case-insensitively), so each form must be
 * reduced to the one the template stores.
 */

/** Path segments after which a host shows a view of the repository, not the repository. */
const VIEW_MARKERS = new Set([
  '-', // GitLab: /-/tree/main, /-/blob/…, /-/merge_requests
  'tree',
  'blob',
  'src', // Bitbucket Cloud
  'browse', // Bitbucket Server
  'commits',
  'commit',
  'pulls',
  'pull',
  'issues',
  'branches',
  'tags',
  'releases',
  'actions',
  'wiki',
]);

/** Hosts whose repositories are always exactly `<owner>/<repo>`. */
const TWO_SEGMENT_HOSTS = new Set(['github.com', 'bitbucket.org']);

/**
 * Reduces a repository URL in any common form to `https://host/owner/repo`: no `url:`
 * prefix, `www.`, credentials, `.git`, view path (`/tree/main`), query, fragment or
 * trailing slash; SSH remotes become https. Returns `undefined` for text that is not a
 * repository URL.
 *
 * @public
 */
export function normaliseRepoUrl(input: string): string | undefined {
  let text = input.trim().replace(/^url:/i, '');
  // scp-like SSH remote: git@github.com:acme/web-app.git
  const scp = /^[\w.-]+@([\w.-]+):(?!\/\/)(.+)$/.exec(text);
  if (scp) text = `https://${scp[1]}/${scp[2]}`;

  let url: URL;
  try {
    url = new URL(text);
  } catch {
    return undefined;
  }
  if (!['http:', 'https:', 'ssh:', 'git:', 'git+ssh:'].includes(url.protocol)) {
    return undefined;
  }
  const scheme = url.protocol === 'http:' ? 'http' : 'https';
  const host = url.hostname.toLowerCase().replace(/^www\./, '');
  const port =
    url.port && scheme === url.protocol.slice(0, -1) ? `:${url.port}` : '';

  const segments = url.pathname.split('/').filter(Boolean);
  const markerIndex = segments.findIndex(
    (segment, index) => index > 0 && VIEW_MARKERS.has(segment),
  );
  let repoSegments =
    markerIndex === -1 ? segments : segments.slice(0, markerIndex);
  if (TWO_SEGMENT_HOSTS.has(host)) repoSegments = repoSegments.slice(0, 2);
  if (repoSegments.length === 0) return undefined;

  const last = repoSegments.length - 1;
  repoSegments[last] = repoSegments[last].replace(/\.git$/i, '');
  if (!repoSegments[last]) return undefined;
  return `${scheme}://${host}${port}/${repoSegments.join('/')}`;
}
