import { createRouteRef } from '@backstage/core-plugin-api';

/** The Coder page's route. @public */
export const rootRouteRef = createRouteRef({ id: 'coder' });
