export { CoderAuthWrapper } from './CoderAuthWrapper';
export type { CoderAuthWrapperProps } from './CoderAuthWrapper';
