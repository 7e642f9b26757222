import { goQuote } from './goText';

/**
 * codersdk's name validators (codersdk/name.go), with their error texts,
 * which reach clients inside search-query validations.
 */

const NAME_PATTERN = /^[a-zA-Z0-9]+(?:-[a-zA-Z0-9]+)*$/;

/** codersdk.NameValid: users, workspaces, templates, organizations. */
export function nameProblem(name: string): string | undefined {
  // Go's len counts bytes.
  const bytes = Buffer.byteLength(name, 'utf8');
  if (bytes > 32) return 'must be <= 32 characters';
  if (bytes < 1) return 'must be >= 1 character';
  if (name === 'new' || name === 'create')
    return `cannot use ${goQuote(name)} as a name`;
  if (!NAME_PATTERN.test(name)) return 'must be alphanumeric with hyphens';
  return undefined;
}

/** The `workspace_name` (and `username`, …) validator tag. */
export function isValidName(name: string): boolean {
  return nameProblem(name) === undefined;
}

/** codersdk.GroupNameValid: longer names, and no lower bound of its own. */
export function groupNameProblem(name: string): string | undefined {
  if (Buffer.byteLength(name, 'utf8') > 255) return 'must be <= 255 characters';
  if (name === 'new' || name === 'create')
    return `cannot use ${goQuote(name)} as a name`;
  if (!NAME_PATTERN.test(name)) return 'must be alphanumeric with hyphens';
  return undefined;
}
