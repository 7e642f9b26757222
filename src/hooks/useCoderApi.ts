import { useApi } from '@backstage/core-plugin-api';
import { coderApiRef, type CoderApi } from '../api/CoderApi';

/** The Coder API client, authenticated as the linked user. @public */
export function useCoderApi(): CoderApi {
  return useApi(coderApiRef);
}
