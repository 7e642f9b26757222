/*
 * What the field loads on demand, in one module: the component and its validation are
 * needed together (the scaffolder validates the step the field is on), so they travel
 * as one download in both frontend systems.
 */
export { CoderWorkspaceTemplateField } from './CoderWorkspaceTemplateField';
export { validateCoderWorkspaceTemplate } from './validateCoderWorkspaceTemplate';
