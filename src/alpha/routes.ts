import { createRouteRef } from '@backstage/frontend-plugin-api';

/** The Coder page's route in the new frontend system. @alpha */
export const coderPageRouteRef = createRouteRef();
