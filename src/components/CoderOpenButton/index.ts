export { CoderOpenButton } from './CoderOpenButton';
export type { CoderOpenButtonProps } from './CoderOpenButton';
export { planOpen } from './openPlan';
export type { CoderOpenPlan } from './openPlan';
