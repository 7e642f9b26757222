/**
 * Coder's rule for workspace names: the `workspace_name` validator tag on
 * `CreateWorkspaceRequest.name` runs `codersdk.NameValid` (coderd/httpapi/httpapi.go:52,
 * codersdk/name.go:44-60). Checking it here turns Coder's generic "Validation failed for
 * tag" answer into a sentence the template user can act on, before any request.
 */
const NAME_PATTERN = /^[a-zA-Z0-9]+(?:-[a-zA-Z0-9]+)*$/;

/** Why Coder would refuse `name` as a workspace name, or undefined if it would not. */
export function workspaceNameProblem(name: string): string | undefined {
  // Go's len() counts bytes, not characters.
  const bytes = Buffer.byteLength(name, 'utf8');
  if (bytes > 32) return 'must be at most 32 characters';
  if (bytes < 1) return 'must not be empty';
  // Coder reserves these to keep routes like /templates/new unambiguous.
  if (name === 'new' || name === 'create') return `cannot be "${name}"`;
  if (!NAME_PATTERN.test(name))
    return 'may contain only letters, digits and single hyphens between them (no leading, trailing or double hyphens)';
  return undefined;
}
