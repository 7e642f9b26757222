/**
 * Coder workspaces in Backstage: link a Coder account, then see, create, start, stop and
 * open the workspaces of a catalog entity's repository.
 *
 * @packageDocumentation
 */
export {
  coderPlugin,
  CoderOAuthCallbackPage,
  CoderPage,
  CoderWorkspaceTemplateFieldExtension,
} from './plugin';
export { rootRouteRef } from './routes';

export { coderApiRef } from './api/CoderApi';
export type { CoderApi, CoderRequestOptions } from './api/CoderApi';
export { CoderClient } from './api/CoderClient';
export type { CoderClientOptions } from './api/CoderClient';
export { CoderParseError, isCoderResponseError } from './api/errors';
export type {
  CoderErrorDetails,
  CoderResponseError,
  CoderValidation,
} from './api/errors';
export { describeCoderError } from './api/describeCoderError';
export type {
  CoderErrorDescription,
  CoderErrorKind,
} from './api/describeCoderError';
export type * from './api/types';

export { CoderTokenStore } from './auth/CoderTokenStore';
export type {
  CoderTokenSnapshot,
  CoderTokenStorage,
  CoderTokenStoreOptions,
  CoderUnlinkReason,
} from './auth/CoderTokenStore';
export { coderTokenStoreApiRef } from './auth/coderTokenStoreApiRef';
export { coderAuthApiRef } from './auth/oauth/coderAuthApiRef';
export type { CoderAuthApi } from './auth/oauth/coderAuthApiRef';
export { CoderAuthClient } from './auth/oauth/CoderAuthClient';
export type { CoderAuthClientOptions } from './auth/oauth/CoderAuthClient';
export { CoderOAuthError } from './auth/oauth/CoderOAuthError';
export type { CoderOAuthErrorKind } from './auth/oauth/CoderOAuthError';
export { readCoderOAuthSettings } from './auth/oauth/oauthSettings';
export type { CoderOAuthSettings } from './auth/oauth/oauthSettings';
export type { CoderOAuthTokens } from './auth/oauth/oauthTokenClient';

export type {
  CoderAppConfig,
  CoderWorkspaceCreationMode,
} from './config/CoderAppConfig';
export { CoderConfigError } from './config/resolveCoderConfig';
export type { ResolvedCoderAppConfig } from './config/resolveCoderConfig';

export {
  CODER_ANNOTATIONS,
  readEntityCoderConfig,
} from './catalog/entityCoderConfig';
export type {
  CoderEntityConfig,
  CoderEntityConfigIssue,
} from './catalog/entityCoderConfig';
export { isCoderAvailable } from './catalog/isCoderAvailable';
export { normaliseRepoUrl } from './catalog/normaliseRepoUrl';
export { buildWorkspaceCreationUrl } from './catalog/workspaceCreationUrl';
export type { WorkspaceCreationUrlInput } from './catalog/workspaceCreationUrl';

export { coderQueryKeys } from './queries/coderQueryKeys';

export { useCoderApi } from './hooks/useCoderApi';
export { useCoderAuth } from './hooks/useCoderAuth';
export type { CoderAuth, CoderAuthStatus } from './hooks/useCoderAuth';
export { useCoderAppConfig } from './hooks/useCoderAppConfig';
export { useCoderQuery } from './hooks/useCoderQuery';
export type { UseCoderQueryOptions } from './hooks/useCoderQuery';
export { useCoderMutation } from './hooks/useCoderMutation';
export type { UseCoderMutationOptions } from './hooks/useCoderMutation';
export { useCoderWorkspaces } from './hooks/useCoderWorkspaces';
export type {
  CoderWorkspacesResult,
  UseCoderWorkspacesOptions,
} from './hooks/useCoderWorkspaces';
export {
  mergeWorkspacesConfig,
  useCoderWorkspacesConfig,
} from './hooks/useCoderWorkspacesConfig';
export type { CoderWorkspacesConfig } from './hooks/useCoderWorkspacesConfig';
export { useWorkspaceAction } from './hooks/useWorkspaceAction';
export type { WorkspaceActionRunner } from './hooks/useWorkspaceAction';

export {
  availableWorkspaceActions,
  workspaceBuildRequest,
  WORKSPACE_ACTION_TEXT,
} from './workspaces/workspaceActions';
export type { CoderWorkspaceAction } from './workspaces/workspaceActions';
export {
  suggestWorkspaceName,
  workspaceNameProblem,
} from './workspaces/workspaceName';

export * from './components/CoderProvider';
export * from './components/CoderAuthForm';
export * from './components/CoderAuthWrapper';
export * from './components/CoderWorkspacesCard';
export * from './components/CreateWorkspaceDialog';
export * from './components/CoderOpenButton';
export * from './components/CoderProviderSettings';
export type { CoderPageProps } from './components/CoderPage';

export {
  CODER_SESSION_TOKEN_SECRET,
  CODER_WORKSPACE_TEMPLATE_FIELD,
} from './scaffolder/CoderWorkspaceTemplateValue';
export type {
  CoderWorkspaceTemplateUiOptions,
  CoderWorkspaceTemplateValue,
} from './scaffolder/CoderWorkspaceTemplateValue';
