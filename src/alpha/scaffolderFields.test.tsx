import { createExtensionTester } from '@backstage/frontend-test-utils';
import { FormFieldBlueprint } from '@backstage/plugin-scaffolder-react/alpha';
import coderPlugin from '../alpha';
import { CoderWorkspaceTemplateField } from '../scaffolder/CoderWorkspaceTemplateField';
import { validateCoderWorkspaceTemplate } from '../scaffolder/validateCoderWorkspaceTemplate';
import { coderWorkspaceTemplateFormField } from './scaffolderFields';

describe('the scaffolder form field (new frontend system)', () => {
  it("is one of the plugin's extensions, attached to the scaffolder's form fields", () => {
    const extension = coderPlugin.getExtension(
      'scaffolder-form-field:coder/workspace-template',
    );
    expect(extension).toMatchObject({
      kind: 'scaffolder-form-field',
      name: 'workspace-template',
      attachTo: { id: 'api:scaffolder/form-fields', input: 'formFields' },
    });
  });

  it('loads the CoderWorkspaceTemplate field with its component and validation', async () => {
    const load = createExtensionTester(coderWorkspaceTemplateFormField).get(
      FormFieldBlueprint.dataRefs.formFieldLoader,
    );
    // A FormField is opaque; its properties are those given to createFormField.
    const field = (await load()) as unknown as Record<string, unknown>;
    expect(field.name).toBe('CoderWorkspaceTemplate');
    expect(field.component).toBe(CoderWorkspaceTemplateField);
    expect(field.validation).toBe(validateCoderWorkspaceTemplate);
  });
});
