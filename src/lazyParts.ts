/*
 * What the plugin renders behind its lazy boundary, in one chunk: the new system's wrapper,
 * card and page, and the classic Coder page. They are needed together on the first Coder
 * screen anyway, and one chunk compresses better than several small ones. The dialogs
 * inside stay lazy on their own.
 */
export { CoderProvider } from './components/CoderProvider/CoderProvider';
export { CoderWorkspacesCard } from './components/CoderWorkspacesCard/CoderWorkspacesCard';
export { CoderPage, CoderPageRoutes } from './components/CoderPage/CoderPage';
export { openCreateWorkspaceDialog } from './alpha/coderDialogs';
