import type { CoderTemplateParameter } from '../api/types';
import { parameterProblem } from '../workspaces/parameterValues';

/** How a bound parameter stands, as far as checking it goes. */
export interface BindingState {
  /** The first source field still empty, by the name the user sees. */
  missing?: string;
  /** Set by the task's steps, so not checked here. */
  runtime?: boolean;
}

/**
 * What the create dialog would object to in `values`, by parameter name. A bound
 * parameter whose source is still empty names the field to fill in instead; one the
 * task's steps set is not checked.
 */
export function parameterProblems(
  parameters: readonly CoderTemplateParameter[],
  values: Record<string, string>,
  bindings: Record<string, BindingState> = {},
): Record<string, string> {
  const problems: Record<string, string> = {};
  for (const parameter of parameters) {
    const binding = bindings[parameter.name];
    if (binding?.runtime) continue;
    const problem = parameterProblem(parameter, values[parameter.name] ?? '');
    if (!problem) continue;
    problems[parameter.name] = binding?.missing
      ? `Fill in ${binding.missing} first.`
      : problem;
  }
  return problems;
}

/** The checking side of resolved bound parameters, by parameter name. */
export function bindingStates(
  bound: Record<string, { missing: string[]; runtime: string[] }>,
): Record<string, BindingState> {
  return Object.fromEntries(
    Object.entries(bound).map(([name, resolved]) => [
      name,
      { missing: resolved.missing[0], runtime: resolved.runtime.length > 0 },
    ]),
  );
}

/** How the form labels a parameter. */
export function parameterLabel(parameter: CoderTemplateParameter): string {
  return parameter.display_name || parameter.name;
}
