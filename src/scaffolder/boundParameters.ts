/** A bound parameter's value, resolved from the form's other fields. */
export interface ResolvedBoundParameter {
  /** The text with every placeholder filled; empty while a source is missing. */
  value: string;
  /** The form fields it reads (their names, as written in the placeholders). */
  sources: string[];
  /** The sources that are still empty. */
  missing: string[];
  /**
   * Expressions only the task can fill (`${{ steps.publish.output.remoteUrl }}`): the
   * parameter is then left out of the value for the task's steps to set.
   */
  runtime: string[];
}

// The scaffolder's own templating syntax, so a template reads the same everywhere.
const PLACEHOLDER = /\$\{\{\s*(.*?)\s*\}\}/g;
const FORM_FIELD = /^parameters\.([\w-]+(?:\.[\w-]+)*)$/;

/**
 * Fills the `${{ parameters.<field> }}` placeholders of `expression` from the form's
 * data (`formContext.formData`: every step's values so far). Any other placeholder is
 * known only when the task runs, and is reported as `runtime`.
 */
export function resolveBoundParameter(
  expression: string,
  formData: Record<string, unknown> | undefined,
): ResolvedBoundParameter {
  const sources: string[] = [];
  const missing: string[] = [];
  const runtime: string[] = [];
  const value = expression.replace(PLACEHOLDER, (match, inner: string) => {
    const path = FORM_FIELD.exec(inner)?.[1];
    if (!path) {
      runtime.push(inner);
      return match;
    }
    if (!sources.includes(path)) sources.push(path);
    const text = asText(lookUp(formData, path.split('.')));
    if (text === undefined) {
      if (!missing.includes(path)) missing.push(path);
      return '';
    }
    return repoUrlPickerUrl(text) ?? text;
  });
  const complete = missing.length === 0 && runtime.length === 0;
  return { value: complete ? value : '', sources, missing, runtime };
}

function lookUp(data: unknown, path: string[]): unknown {
  let current = data;
  for (const key of path) {
    if (!current || typeof current !== 'object' || Array.isArray(current)) {
      return undefined;
    }
    current = (current as Record<string, unknown>)[key];
  }
  return current;
}

function asText(value: unknown): string | undefined {
  if (typeof value === 'string') return value.trim() === '' ? undefined : value;
  if (typeof value === 'number' || typeof value === 'boolean') {
    return String(value);
  }
  return undefined;
}

/**
 * The web URL of a repository in Backstage's RepoUrlPicker form, `host?owner=o&repo=r`
 * (see `parseRepoUrl` in `@backstage/plugin-scaffolder-node`): GitHub, GitLab, Gitea
 * and the like use `owner`, Bitbucket Cloud `workspace`, Azure DevOps `organization`
 * and `project`. `undefined` for anything else, which is then used as it is.
 */
export function repoUrlPickerUrl(value: string): string | undefined {
  const match = /^([a-z0-9.-]+(?::\d+)?)\?(.+)$/i.exec(value.trim());
  if (!match) return undefined;
  const [, host, query] = match;
  const params = new URLSearchParams(query);
  const repo = params.get('repo');
  if (!repo) return undefined;
  const organization = params.get('organization');
  const project = params.get('project');
  const owner = params.get('owner');
  const workspace = params.get('workspace');
  const path = (...segments: string[]) =>
    `https://${host.toLowerCase()}/${segments.map(encodePath).join('/')}`;
  if (organization && project) return path(organization, project, '_git', repo);
  if (workspace) return path(workspace, repo);
  if (owner) return path(owner, repo);
  return undefined;
}

/** Keeps GitLab's nested groups (`group/subgroup`) as path segments. */
function encodePath(segment: string): string {
  return segment.split('/').map(encodeURIComponent).join('/');
}
