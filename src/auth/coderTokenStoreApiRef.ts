import { createApiRef } from '@backstage/core-plugin-api';
import type { CoderTokenStore } from './CoderTokenStore';

/** The app-wide store of the linked Coder session token. @public */
export const coderTokenStoreApiRef = createApiRef<CoderTokenStore>({
  id: 'plugin.coder.token-store',
});
