import { normaliseRepoUrl } from '../../catalog/normaliseRepoUrl';
import { repoUrlForms } from '../../catalog/repoUrlForms';
import type { CoderWorkspacesConfig } from '../../hooks/useCoderWorkspacesConfig';

/** Why a new workspace will not be listed on the card the dialog was opened from. @public */
export type CardOmission = 'no repository parameter' | 'another repository';

/**
 * True when a workspace whose repository parameter holds `value` is not found by the
 * card's search for `repoUrl`: another repository, or the same one written in a form
 * Coder's exact `param:` match does not try (e.g. with `/tree/main`).
 *
 * @public
 */
export function isOtherRepository(value: string, repoUrl: string): boolean {
  const normalised = normaliseRepoUrl(value);
  if (normalised?.toLowerCase() !== repoUrl.toLowerCase()) return true;
  return !repoUrlForms(repoUrl).some(
    form => form.toLowerCase() === value.toLowerCase(),
  );
}

/**
 * Whether a workspace created with these parameters and values will be missing from the
 * repository's card, and why; `undefined` when it will be listed, or when the dialog
 * was not opened for a repository. Coder lists a workspace when ANY repository
 * parameter matches, so only all of them pointing elsewhere hides it.
 *
 * @public
 */
export function cardOmission(
  config: Pick<CoderWorkspacesConfig, 'repoUrl' | 'repoUrlParamKeys'>,
  parameterNames: readonly string[],
  values: Record<string, string>,
): CardOmission | undefined {
  const { repoUrl } = config;
  if (!repoUrl) return undefined;
  const keys = config.repoUrlParamKeys.filter(key =>
    parameterNames.includes(key),
  );
  if (keys.length === 0) return 'no repository parameter';
  return keys.every(key => isOtherRepository(values[key] ?? '', repoUrl))
    ? 'another repository'
    : undefined;
}
