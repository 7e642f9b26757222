/*
 * Coder's workspace_name rule (codersdk NameValid): letters, digits and single hyphens,
 * no leading or trailing hyphen, at most 32 characters.
 */
const NAME_PATTERN = /^[a-zA-Z0-9]+(?:-[a-zA-Z0-9]+)*$/;
const MAX_NAME_LENGTH = 32;

/** Why `name` is not a valid workspace name, or undefined if it is. @public */
export function workspaceNameProblem(name: string): string | undefined {
  if (!name) return 'Enter a name.';
  if (name.length > MAX_NAME_LENGTH)
    return `Use at most ${MAX_NAME_LENGTH} characters.`;
  if (!NAME_PATTERN.test(name)) {
    return 'Use letters, digits and single hyphens; no spaces, and no hyphen at either end.';
  }
  return undefined;
}

/**
 * A valid name derived from the repository (or template) plus a short random suffix,
 * so two quick creations don't collide: `web-app-x7k2`.
 *
 * @public
 */
export function suggestWorkspaceName(
  base: string | undefined,
  random: () => number = Math.random,
): string {
  const stem =
    (base ?? '')
      .split('/')
      .filter(Boolean)
      .pop()
      ?.toLowerCase()
      .replace(/\.git$/, '')
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-+|-+$/g, '')
      .slice(0, MAX_NAME_LENGTH - 5)
      .replace(/-+$/, '') || 'workspace';
  const alphabet = 'abcdefghijklmnopqrstuvwxyz0123456789';
  const suffix = Array.from(
    { length: 4 },
    () => alphabet[Math.floor(random() * alphabet.length)],
  ).join('');
  return `${stem}-${suffix}`;
}
