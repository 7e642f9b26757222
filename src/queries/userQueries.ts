import { queryOptions } from '@tanstack/react-query';
import type { CoderApi } from '../api/CoderApi';
import { coderQueryKeys } from './coderQueryKeys';

/** The linked user (`GET /api/v2/users/me`); doubles as the token check. */
export function currentUserQueryOptions(api: CoderApi, sessionVersion: number) {
  return queryOptions({
    queryKey: coderQueryKeys.currentUser(sessionVersion),
    queryFn: ({ signal }) => api.getUser('me', { signal }),
    meta: { sessionVersion },
    staleTime: 5 * 60_000,
  });
}
