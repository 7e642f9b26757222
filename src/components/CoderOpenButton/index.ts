export { CoderOpenButton } from './LazyCoderOpenButton';
export type { CoderOpenButtonProps } from './CoderOpenButton';
export type { CoderOpenPlan } from './openPlan';
