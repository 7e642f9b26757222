import { useEffect } from 'react';
import { useApi } from '@backstage/core-plugin-api';
import { coderTokenStoreApiRef } from '../../auth/coderTokenStoreApiRef';
import { getAuthFormRegistry } from '../CoderProvider/authFormRegistry';

/** Counts this form as on screen, so the fallback prompt stays away meanwhile. */
export function useRegisterAuthForm(): void {
  const tokenStore = useApi(coderTokenStoreApiRef);
  useEffect(() => getAuthFormRegistry(tokenStore).addForm(), [tokenStore]);
}
