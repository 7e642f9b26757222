/**
 * Coder's create-workspace page for a template chosen in the field, with `mode=auto`:
 * Coder shows the user the template and values and asks them to confirm before it
 * creates anything (site/src/pages/CreateWorkspacePage: auto mode waits for consent).
 * The organization is part of the path when known, as Coder's own links have it. A
 * template without the scaffolder backend module links here, appending what only the
 * run knows (`&param.repo_url=…`, and `&name=…` unless the field knew the name).
 */
export function coderCreatePageUrl(options: {
  accessUrl: string;
  organization?: string;
  templateName: string;
  parameters: Record<string, string>;
  /** The workspace's name, when the form knows it. */
  workspaceName?: string;
}): string {
  const { accessUrl, organization, templateName, parameters } = options;
  const query = new URLSearchParams({ mode: 'auto' });
  if (options.workspaceName) query.set('name', options.workspaceName);
  for (const [name, value] of Object.entries(parameters)) {
    query.set(`param.${name}`, value);
  }
  const path = [organization, templateName]
    .filter((part): part is string => Boolean(part))
    .map(encodeURIComponent)
    .join('/');
  return `${accessUrl.replace(/\/+$/, '')}/templates/${path}/workspace?${query}`;
}
