import { Progress } from '@backstage/core-components';
import { lazyComponent } from '../components/lazyComponent';
import type { CoderWorkspaceTemplateFieldProps } from './CoderWorkspaceTemplateField';
import type { CustomFieldValidator } from '@backstage/plugin-scaffolder-react';
import type {
  CoderWorkspaceTemplateUiOptions,
  CoderWorkspaceTemplateValue,
} from './CoderWorkspaceTemplateValue';

/**
 * The field's component, loaded when a template's form first shows it: apps whose
 * users never open the scaffolder do not download it.
 */
export const LazyCoderWorkspaceTemplateField =
  lazyComponent<CoderWorkspaceTemplateFieldProps>(
    () =>
      import('./fieldParts').then(module => module.CoderWorkspaceTemplateField),
    <Progress />,
  );

/** The field's validation, loaded on the first check for the same reason. */
export const lazyValidateCoderWorkspaceTemplate: CustomFieldValidator<
  CoderWorkspaceTemplateValue,
  CoderWorkspaceTemplateUiOptions
> = (value, validation, context) =>
  import('./fieldParts').then(module =>
    module.validateCoderWorkspaceTemplate(value, validation, context),
  );
