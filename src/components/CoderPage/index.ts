export { CoderPage, CoderPageRoutes } from './CoderPage';
export type { CoderPageProps } from './CoderPage';
