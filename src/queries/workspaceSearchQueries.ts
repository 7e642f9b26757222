/** Quotes a value for Coder's query language (needed for `:` and spaces). */
export function quote(value: string): string {
  return `"${value.replace(/"/g, '')}"`;
}

/**
 * The Coder searches that make up one list: the user's filter alone, or, scoped to a
 * repository, one search per repository parameter, since a template stores the URL in
 * exactly one of them and Coder has no OR.
 */
export function workspaceSearchQueries(
  filter: string,
  scope: { repoUrl: string; repoUrlParamKeys: readonly string[] } | undefined,
): string[] {
  const base = filter.trim();
  if (!scope) return [base];
  return scope.repoUrlParamKeys.map(key =>
    [base, `param:${quote(`${key}=${scope.repoUrl}`)}`]
      .filter(Boolean)
      .join(' '),
  );
}
