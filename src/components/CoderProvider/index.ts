export { CoderProvider } from './CoderProvider';
export type { CoderProviderProps } from './CoderProvider';
