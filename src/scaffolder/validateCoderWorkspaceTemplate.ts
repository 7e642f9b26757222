import type { CustomFieldValidator } from '@backstage/plugin-scaffolder-react';
import { coderApiRef } from '../api/CoderApi';
import { describeCoderError } from '../api/describeCoderError';
import { coderTokenStoreApiRef } from '../auth/coderTokenStoreApiRef';
import { getCoderQueryClient } from '../queries/coderQueryClient';
import { resolveBoundParameter } from './boundParameters';
import type {
  CoderWorkspaceTemplateUiOptions,
  CoderWorkspaceTemplateValue,
} from './CoderWorkspaceTemplateValue';
import {
  bindingStates,
  parameterLabel,
  parameterProblems,
} from './parameterProblems';
import { allowedTemplates, chosenTemplate } from './templateChoice';
import {
  resolveWorkspaceName,
  workspaceNameShapeProblem,
  workspaceNameTaken,
  workspaceNameTakenQueryOptions,
} from './workspaceNameCheck';
import {
  templateParametersQueryOptions,
  templatesQueryOptions,
} from './templateQueries';

/** What the field says when nothing is linked. */
export const LINK_FIRST = 'Link your Coder account to continue.';

/**
 * Refuses the step while the field's value could not create a workspace: no linked
 * account, no template or one Coder does not offer (or the form does not allow), or a
 * parameter the create dialog would object to, with the dialog's own words. Templates
 * and parameters come from the plugin's cache, which the field has just filled.
 */
export const validateCoderWorkspaceTemplate: CustomFieldValidator<
  CoderWorkspaceTemplateValue,
  CoderWorkspaceTemplateUiOptions
> = async (value, validation, context) => {
  const tokenStore = context.apiHolder.get(coderTokenStoreApiRef);
  const api = context.apiHolder.get(coderApiRef);
  if (!tokenStore || !api) {
    validation.addError('The Coder plugin is not installed in this app.');
    return;
  }
  const { token, version } = tokenStore.getSnapshot();
  if (!token) {
    validation.addError(LINK_FIRST);
    return;
  }
  if (!value?.templateName) {
    validation.addError('Choose a Coder template.');
    return;
  }
  const options: CoderWorkspaceTemplateUiOptions =
    context.uiSchema?.['ui:options'] ?? {};
  const queryClient = getCoderQueryClient(tokenStore);
  try {
    const templates = await queryClient.fetchQuery(
      templatesQueryOptions(api, version),
    );
    const template = chosenTemplate(
      allowedTemplates(templates, options),
      value,
      options,
    );
    if (!template) {
      validation.addError(
        `Coder does not offer the template "${value.templateName}" here. Choose another template.`,
      );
      return;
    }
    const parameters = await queryClient.fetchQuery(
      templateParametersQueryOptions(api, version, template.active_version_id),
    );
    const bound = Object.fromEntries(
      Object.entries(options.boundParameters ?? {}).map(
        ([name, expression]) => [
          name,
          resolveBoundParameter(String(expression), context.formData),
        ],
      ),
    );
    const problems = parameterProblems(
      parameters,
      value.parameters ?? {},
      bindingStates(bound),
    );
    for (const parameter of parameters) {
      const problem = problems[parameter.name];
      if (problem)
        validation.addError(`${parameterLabel(parameter)}: ${problem}`);
    }
    const name = resolveWorkspaceName(options.workspaceName, context.formData);
    const nameProblem = name && workspaceNameShapeProblem(name);
    if (nameProblem) validation.addError(nameProblem);
    else if (name && name.runtime.length === 0) {
      // Asked afresh: the user may have created one since the field looked.
      const taken = await queryClient.fetchQuery({
        ...workspaceNameTakenQueryOptions(api, version, name.value),
        staleTime: 0,
      });
      if (taken) validation.addError(workspaceNameTaken(name.value));
    }
  } catch (error) {
    validation.addError(
      `Could not check the template with Coder: ${describeCoderError(error).message}`,
    );
  }
};
