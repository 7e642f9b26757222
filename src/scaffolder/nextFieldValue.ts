import type { CoderTemplate, CoderTemplateParameter } from '../api/types';
import { coderCreatePageUrl } from './createPageUrl';
import { initialParameterValues } from '../workspaces/parameterValues';
import type {
  CoderWorkspaceTemplateUiOptions,
  CoderWorkspaceTemplateValue,
} from './CoderWorkspaceTemplateValue';

/** What the field knows when it works out its value. */
export interface FieldValueInput {
  current?: CoderWorkspaceTemplateValue;
  options: CoderWorkspaceTemplateUiOptions;
  template?: CoderTemplate;
  /** The template's parameters, once loaded. */
  parameters?: readonly CoderTemplateParameter[];
  /**
   * Resolved values of bound parameters, by parameter name; `undefined` for those the
   * task's steps set, which are left out.
   */
  bound: Record<string, string | undefined>;
  /** The Coder deployment's access URL, for `createUrl`. */
  accessUrl?: string;
  /** The workspace's name, once the form's fields give one. */
  workspaceName?: string;
}

/**
 * The field's value for what is on screen: the chosen template, and its parameters
 * started as the create dialog starts them (template defaults, then the presets of
 * `ui:options.parameters`), keeping what the user typed (also across a change of
 * template, for parameters of the same name) and with bound parameters always from
 * their source. Parameters of another template are dropped.
 */
export function nextFieldValue(
  input: FieldValueInput,
): CoderWorkspaceTemplateValue {
  const { current, options, template, parameters, bound, accessUrl } = input;
  const named = input.workspaceName
    ? { workspaceName: input.workspaceName }
    : {};
  if (!template) {
    return {
      templateName: current?.templateName || options.defaultTemplate || '',
      ...(current?.organization && { organization: current.organization }),
      parameters: current?.parameters ?? {},
      ...named,
    };
  }
  const chosen = {
    templateName: template.name,
    organization: template.organization_name,
    ...named,
  };
  if (!parameters) {
    return { ...chosen, parameters: current?.parameters ?? {} };
  }
  const initial = initialParameterValues(
    [...parameters],
    options.parameters ?? {},
  );
  const typed = current?.parameters ?? {};
  const values: Record<string, string> = {};
  for (const parameter of parameters) {
    const { name } = parameter;
    if (name in bound) {
      const boundValue = bound[name];
      if (boundValue !== undefined) values[name] = boundValue;
    } else if (name in typed) values[name] = typed[name];
    else values[name] = initial[name];
  }
  return {
    ...chosen,
    parameters: values,
    // Only a template that links to Coder instead of acting there needs the link; others
    // would show it on their review page for nothing.
    ...(accessUrl &&
      options.shareSession === false && {
        createUrl: coderCreatePageUrl({
          accessUrl,
          organization: template.organization_name,
          templateName: template.name,
          parameters: values,
          workspaceName: input.workspaceName,
        }),
      }),
  };
}

/** Whether two values say the same, whatever the order of their keys. */
export function sameFieldValue(
  a: CoderWorkspaceTemplateValue | undefined,
  b: CoderWorkspaceTemplateValue | undefined,
): boolean {
  if (!a || !b) return a === b;
  if (a.templateName !== b.templateName) return false;
  if ((a.organization ?? '') !== (b.organization ?? '')) return false;
  if ((a.createUrl ?? '') !== (b.createUrl ?? '')) return false;
  if ((a.workspaceName ?? '') !== (b.workspaceName ?? '')) return false;
  const keys = Object.keys(a.parameters ?? {});
  if (keys.length !== Object.keys(b.parameters ?? {}).length) return false;
  return keys.every(key => b.parameters?.[key] === a.parameters[key]);
}
