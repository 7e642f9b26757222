import { createFormField } from '@backstage/plugin-scaffolder-react/alpha';
import { CODER_WORKSPACE_TEMPLATE_FIELD } from './CoderWorkspaceTemplateValue';
import {
  CoderWorkspaceTemplateField,
  validateCoderWorkspaceTemplate,
} from './fieldParts';

/**
 * The field for the new frontend system's scaffolder. Its FormFieldBlueprint loads this
 * module on demand, so nothing here needs to be lazy on its own.
 */
export const coderWorkspaceTemplateFormField = createFormField({
  name: CODER_WORKSPACE_TEMPLATE_FIELD,
  component: CoderWorkspaceTemplateField,
  validation: validateCoderWorkspaceTemplate,
});
