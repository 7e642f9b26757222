export { CoderPage } from './CoderPage';
export type { CoderPageProps } from './CoderPage';
