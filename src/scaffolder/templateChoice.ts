import type { CoderTemplate } from '../api/types';
import type {
  CoderWorkspaceTemplateUiOptions,
  CoderWorkspaceTemplateValue,
} from './CoderWorkspaceTemplateValue';

/**
 * The templates the field offers: not deprecated (Coder refuses to create from one),
 * and on the template's allow-list when it has one.
 */
export function allowedTemplates(
  templates: readonly CoderTemplate[],
  options: CoderWorkspaceTemplateUiOptions,
): CoderTemplate[] {
  const allowList = options.templates;
  return templates.filter(
    template =>
      !template.deprecated && (!allowList || allowList.includes(template.name)),
  );
}

/** Allowed names Coder does not offer the user (deprecated, missing or no access). */
export function missingTemplates(
  templates: readonly CoderTemplate[],
  options: CoderWorkspaceTemplateUiOptions,
): string[] {
  const offered = new Set(
    allowedTemplates(templates, options).map(t => t.name),
  );
  return (options.templates ?? []).filter(name => !offered.has(name));
}

/**
 * The template the value names (by name and, when given, organization); otherwise the
 * `defaultTemplate`, or the only allowed one.
 */
export function chosenTemplate(
  allowed: readonly CoderTemplate[],
  value: CoderWorkspaceTemplateValue | undefined,
  options: CoderWorkspaceTemplateUiOptions,
): CoderTemplate | undefined {
  if (value?.templateName) {
    return allowed.find(
      template =>
        template.name === value.templateName &&
        (!value.organization ||
          template.organization_name === value.organization),
    );
  }
  if (options.defaultTemplate) {
    return allowed.find(template => template.name === options.defaultTemplate);
  }
  return allowed.length === 1 ? allowed[0] : undefined;
}
