import { repoUrlForms } from '../catalog/repoUrlForms';

/** Quotes a value for Coder's query language (needed for `:` and spaces). */
export function quote(value: string): string {
  return `"${value.replace(/"/g, '')}"`;
}

/** A repository scope: its normalised URL and the parameters templates keep it in. */
export interface RepositoryScope {
  repoUrl: string;
  repoUrlParamKeys: readonly string[];
}

/**
 * The `param:` terms that find a repository's workspaces: every repository parameter
 * with every form of the URL users type. Coder matches a workspace that has ANY of the
 * pairs (coderd/database/queries/workspaces.sql, one EXISTS over all of them), so this
 * is one search however many there are.
 */
export function repositorySearchTerms(scope: RepositoryScope): string[] {
  const forms = repoUrlForms(scope.repoUrl);
  return scope.repoUrlParamKeys.flatMap(key =>
    forms.map(form => `param:${quote(`${key}=${form}`)}`),
  );
}

/** Splits search text into Coder's elements: spaces outside double quotes. */
function searchElements(filter: string): string[] {
  return filter.match(/(?:[^\s"]+|"[^"]*"?)+/g) ?? [];
}

/** True for a `param:name=value` element (`param:name` alone is a separate AND). */
function isParamPair(element: string): boolean {
  const colon = element.indexOf(':');
  return (
    colon > 0 &&
    element.slice(0, colon).toLowerCase() === 'param' &&
    element.slice(colon + 1).includes('=')
  );
}

/**
 * How to ask Coder for one list. `searches` has one entry unless `intersect` is true:
 * then a workspace is listed only when every search returned it.
 */
export interface WorkspaceSearchPlan {
  searches: string[];
  intersect: boolean;
}

/**
 * One search for the user's filter, scoped to the repository by adding its `param:`
 * pairs. That fails only when the user typed `param:name=value` pairs of their own:
 * Coder would OR them with ours and list other repositories' workspaces. Then the list
 * is the intersection of two searches: the user's text as typed, and the user's text
 * without its pairs plus ours.
 */
export function planWorkspaceSearch(
  filter: string,
  scope: RepositoryScope | undefined,
): WorkspaceSearchPlan {
  const base = filter.trim();
  if (!scope) return { searches: [base], intersect: false };
  const repoTerms = repositorySearchTerms(scope);
  const elements = searchElements(base);
  const ownPairs = elements.filter(isParamPair);
  // The repository's terms go first: an unclosed quote in the user's text then runs
  // to the end of their own text only, and Coder's complaint names nothing of ours.
  if (ownPairs.length === 0) {
    return {
      searches: [[...repoTerms, base].filter(Boolean).join(' ')],
      intersect: false,
    };
  }
  const rest = elements.filter(element => !isParamPair(element));
  return {
    searches: [[...repoTerms, ...rest].join(' '), base],
    intersect: true,
  };
}
