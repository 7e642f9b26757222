/**
 * A scaffolder backend module with the `coder:workspace:create` action, which creates
 * a Coder workspace as the user who runs the Backstage template.
 *
 * @packageDocumentation
 */

export { scaffolderModuleCoder as default } from './module';
export {
  CODER_SESSION_TOKEN_SECRET,
  CODER_WORKSPACE_CREATE_ACTION_ID,
  createCoderWorkspaceAction,
} from './actions/createCoderWorkspaceAction';
export type { CreateCoderWorkspaceActionOptions } from './actions/createCoderWorkspaceAction';
