import { FormFieldBlueprint } from '@backstage/plugin-scaffolder-react/alpha';

/**
 * The `CoderWorkspaceTemplate` field (`ui:field: CoderWorkspaceTemplate`) for the
 * scaffolder's forms, loaded when a form first needs it. Without the scaffolder plugin
 * in the app it attaches to nothing and costs nothing.
 *
 * @alpha
 */
export const coderWorkspaceTemplateFormField = FormFieldBlueprint.make({
  name: 'workspace-template',
  params: {
    field: () =>
      import('../scaffolder/coderWorkspaceTemplateFormField').then(
        module => module.coderWorkspaceTemplateFormField,
      ),
  },
});
