import { InputError } from '@backstage/errors';
import type { CoderTemplateParameter } from './wire';

/** The action inputs that become rich parameter values. */
export interface ParameterInputs {
  templateName: string;
  templateParameters: CoderTemplateParameter[];
  parameters: Record<string, string>;
  repoUrl?: string;
  repoUrlParameters: string[];
}

/** `rich_parameter_values` for the create, and which parameters took the repository URL. */
export interface ParameterValues {
  values: Array<{ name: string; value: string }>;
  repoUrlParameters: string[];
}

/**
 * Turns the inputs into `rich_parameter_values`, in the template's order. Coder
 * silently drops values for names the template does not define (coderd/wsbuilder), so a
 * typo would go unnoticed: such a name is an error here. `repoUrl` fills each of
 * `repoUrlParameters` that the template has; an explicit `parameters` entry wins.
 */
export function parameterValues(inputs: ParameterInputs): ParameterValues {
  const known = new Set(inputs.templateParameters.map(entry => entry.name));
  const unknown = Object.keys(inputs.parameters).filter(
    name => !known.has(name),
  );
  if (unknown.length > 0) {
    const names = [...known].map(name => `"${name}"`).join(', ');
    throw new InputError(
      `Coder template "${inputs.templateName}" has no parameter ${unknown.map(name => `"${name}"`).join(', ')}. ${known.size > 0 ? `Its parameters are ${names}.` : 'It has no parameters.'}`,
    );
  }
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
  return { values, repoUrlParameters };
}
