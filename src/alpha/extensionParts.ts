/*
 * Everything the new-system extensions render, behind one dynamic import: the wrapper,
 * the card and the page are needed together on the first Coder screen anyway, and one
 * chunk compresses better than four small ones. The dialogs inside stay lazy on their own.
 */
export { CoderProvider } from '../components/CoderProvider/CoderProvider';
export { CoderWorkspacesCard } from '../components/CoderWorkspacesCard/CoderWorkspacesCard';
export { CoderPageRoutes } from '../components/CoderPage/CoderPage';
export { openCoderDialog } from './coderDialogs';
