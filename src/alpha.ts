/**
 * The Coder plugin for Backstage's new frontend system: the default export is the
 * plugin, which an app installs by adding the package (no code).
 *
 * @packageDocumentation
 */
import { coderPlugin } from './alpha/plugin';

export default coderPlugin;
export { coderPageRouteRef } from './alpha/routes';
export { coderAuthApi, coderClientApi, coderTokenStoreApi } from './alpha/apis';
export { coderPluginWrapper } from './alpha/pluginWrapper';
export { coderWorkspacesEntityCard } from './alpha/workspacesCard';
export { coderPage } from './alpha/coderPage';
export {
  coderCreateWorkspaceContextMenuItem,
  coderOpenEntityIconLink,
} from './alpha/entityLinks';
export { useOpenInCoderLink } from './alpha/useOpenInCoderLink';
export type { OpenInCoderLinkProps } from './alpha/useOpenInCoderLink';
export type { OptionalConfigValue } from './alpha/configSchema';
