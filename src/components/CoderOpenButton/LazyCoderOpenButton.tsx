import { lazyComponent } from '../lazyComponent';
import type { CoderOpenButtonProps } from './CoderOpenButton';

/**
 * "Open in Coder" for an entity: opens the most recently used running workspace of the
 * repository, else starts the newest one, else offers to create one; its label says
 * which. Loaded on first render.
 *
 * @public
 */
export const CoderOpenButton = lazyComponent<CoderOpenButtonProps>(() =>
  import('./CoderOpenButton').then(module => module.CoderOpenButton),
);
