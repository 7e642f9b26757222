export { CoderProviderSettings } from './CoderProviderSettings';
