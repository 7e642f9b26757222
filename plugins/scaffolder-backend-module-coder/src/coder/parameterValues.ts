import type { CoderTemplateParameter } from './wire';

/** The action inputs that become rich parameter values. */
export interface ParameterInputs {
  templateParameters: CoderTemplateParameter[];
  parameters: Record<string, string>;
  repoUrl?: string;
  repoUrlParameters: string[];
}

/** `rich_parameter_values` for the create, and what the caller should mention. */
export interface ParameterValues {
  values: Array<{ name: string; value: string }>;
  /** The parameters that took `repoUrl`. */
  repoUrlParameters: string[];
  /** Given names the template version does not list. */
  unknownNames: string[];
}

/**
 * Turns the inputs into `rich_parameter_values`, the template's parameters first in its
 * order. `repoUrl` fills each of `repoUrlParameters` that the template has; an explicit
 * `parameters` entry wins. Names the template version does not list are still sent and
 * reported: a classic template's build drops them (coderd/wsbuilder), while a
 * dynamic-parameter template may define parameters that only appear for some inputs,
 * so refusing them here could refuse a valid workspace.
 */
export function parameterValues(inputs: ParameterInputs): ParameterValues {
  const known = new Set(inputs.templateParameters.map(entry => entry.name));
  const repoUrlParameters =
    inputs.repoUrl === undefined
      ? []
      : inputs.repoUrlParameters.filter(
          name => known.has(name) && !(name in inputs.parameters),
        );
  const values: Array<{ name: string; value: string }> = [];
  for (const { name } of inputs.templateParameters) {
    if (name in inputs.parameters) {
      values.push({ name, value: inputs.parameters[name] });
    } else if (repoUrlParameters.includes(name)) {
      values.push({ name, value: inputs.repoUrl as string });
    }
  }
  const unknownNames = Object.keys(inputs.parameters).filter(
    name => !known.has(name),
  );
  for (const name of unknownNames)
    values.push({ name, value: inputs.parameters[name] });
  return { values, repoUrlParameters, unknownNames };
}
