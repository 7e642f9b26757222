import type { CoderWorkspaceCreationMode } from '../config/CoderAppConfig';

/** Inputs of {@link buildWorkspaceCreationUrl}. @public */
export interface WorkspaceCreationUrlInput {
  accessUrl: string;
  templateName: string;
  mode: CoderWorkspaceCreationMode;
  params: Record<string, string | undefined>;
  /** Filled into each of `repoUrlParamKeys`. */
  repoUrl?: string;
  repoUrlParamKeys: readonly string[];
}

/**
 * Coder's "create workspace" deep link:
 * `${accessUrl}/templates/<template>/workspace?mode=…&param.<name>=<value>`.
 *
 * @public
 */
export function buildWorkspaceCreationUrl(
  input: WorkspaceCreationUrlInput,
): string {
  // Coder's create page knows `form`, `auto` and `duplicate`; our `manual` is its form.
  const query = new URLSearchParams({
    mode: input.mode === 'auto' ? 'auto' : 'form',
  });
  const params: Record<string, string | undefined> = { ...input.params };
  if (input.repoUrl) {
    for (const key of input.repoUrlParamKeys) params[key] = input.repoUrl;
  }
  for (const [name, value] of Object.entries(params)) {
    if (value !== undefined) query.set(`param.${name}`, value);
  }
  return `${input.accessUrl}/templates/${encodeURIComponent(input.templateName)}/workspace?${query}`;
}
