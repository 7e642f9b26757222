import { queryOptions } from '@tanstack/react-query';
import type { CoderApi } from '../api/CoderApi';
import { coderQueryKeys } from '../queries/coderQueryKeys';
import { workspaceNameProblem } from '../workspaces/workspaceName';
import {
  resolveBoundParameter,
  type ResolvedBoundParameter,
} from './boundParameters';

/*
 * A template's run publishes a repository and registers it before it asks Coder for the
 * workspace; a name Coder refuses there leaves the first steps done and the workspace
 * missing. So the field checks the name the template will use (`ui:options.workspaceName`,
 * e.g. `${{ parameters.name }}`) while the user can still change it.
 */

/** The name the template will give the workspace, from the form's other fields. */
export function resolveWorkspaceName(
  expression: string | undefined,
  formData: Record<string, unknown> | undefined,
): ResolvedBoundParameter | undefined {
  return expression === undefined
    ? undefined
    : resolveBoundParameter(String(expression), formData);
}

/**
 * Whether the linked user already has a workspace of that name. Coder's `name:` filter
 * matches parts of names, and names are unique per owner regardless of case, so the
 * answer compares whole names without case.
 */
export function workspaceNameTakenQueryOptions(
  api: CoderApi,
  sessionVersion: number,
  name: string,
) {
  return queryOptions({
    queryKey: [
      ...coderQueryKeys.session(sessionVersion),
      'custom',
      'workspace-name-taken',
      name.toLowerCase(),
    ],
    queryFn: async ({ signal }) => {
      const { workspaces } = await api.getWorkspaces(
        { q: `owner:me name:${name}` },
        { signal },
      );
      return workspaces.some(
        workspace => workspace.name.toLowerCase() === name.toLowerCase(),
      );
    },
    meta: { sessionVersion },
    staleTime: 10_000,
  });
}

/** What is wrong with the name before Coder is asked, if anything. */
export function workspaceNameShapeProblem(
  resolved: ResolvedBoundParameter,
): string | undefined {
  if (resolved.runtime.length > 0) return undefined;
  if (resolved.missing.length > 0) {
    return `Fill in ${resolved.missing.join(' and ')} first: it names the workspace.`;
  }
  const problem = workspaceNameProblem(resolved.value);
  return problem && `Workspace name "${resolved.value}": ${problem}`;
}

/** The sentence for a name the user already has. */
export function workspaceNameTaken(name: string): string {
  return `You already have a Coder workspace named "${name}". Choose another name.`;
}
