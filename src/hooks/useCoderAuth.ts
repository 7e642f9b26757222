import { useCallback } from 'react';
import { useQuery } from '@tanstack/react-query';
import type { CoderUser } from '../api/types';
import {
  CoderLinkError,
  describeCoderError,
  type CoderErrorDescription,
} from '../api/describeCoderError';
import { checkSessionToken } from '../auth/checkSessionToken';
import type { CoderUnlinkReason } from '../auth/CoderTokenStore';
import { coderQueryKeys } from '../queries/coderQueryKeys';
import { currentUserQueryOptions } from '../queries/userQueries';
import { useCoderApi } from './useCoderApi';
import { useCoderSession } from './useCoderSession';

/** Where account linking stands. @public */
export type CoderAuthStatus =
  'unlinked' | 'checking' | 'linked' | 'unreachable' | 'offline';

/** Account-linking state and actions. @public */
export interface CoderAuth {
  status: CoderAuthStatus;
  /** True whenever a token is stored (also while it is being checked). */
  hasToken: boolean;
  /** The linked user, once Coder has confirmed the token. */
  user?: CoderUser;
  /** Why the check failed, when status is `unreachable` or `offline`. */
  error?: CoderErrorDescription;
  /**
   * Why the last token went away; `rejected` means Coder refused it, `inactive` that
   * Coder says the account is not active (suspended).
   */
  unlinkReason?: CoderUnlinkReason;
  /** Coder's own words for the unlinking, when it gave any (shown as they are). */
  unlinkDetail?: string;
  /** Changes whenever the token does; part of every Coder query key. */
  sessionVersion: number;
  /**
   * Checks `token` against `GET /api/v2/users/me` and stores it only if Coder accepts
   * it. Rejects with a {@link CoderLinkError} otherwise, without any request when the
   * value cannot be a token (empty, over 1,024 characters, or holding anything but
   * visible ASCII once surrounding whitespace is trimmed).
   */
  linkToken: (token: string) => Promise<CoderUser>;
  /** Forgets the token. */
  unlink: () => void;
}

/**
 * Account-linking state. The token check runs in parallel with any other Coder query:
 * nothing waits for it.
 *
 * @public
 */
export function useCoderAuth(): CoderAuth {
  const api = useCoderApi();
  const { tokenStore, snapshot, queryClient } = useCoderSession();
  // A stored token waiting to be confirmed as this Backstage user's counts as stored
  // (status `checking`), so the page does not flash the link form on every load.
  const hasToken = Boolean(snapshot.token) || Boolean(snapshot.resolvingOwner);
  const userQuery = useQuery(
    {
      ...currentUserQueryOptions(api, snapshot.version),
      enabled: Boolean(snapshot.token),
    },
    queryClient,
  );

  const linkToken = useCallback(
    async (token: string) => {
      // Refused here, before any request: a value no HTTP header can carry would fail
      // in fetch() and read as "Coder is unreachable".
      const check = checkSessionToken(token);
      if (!check.ok) {
        throw new CoderLinkError(
          check.empty
            ? {
                kind: 'bad-request',
                title: 'No token entered',
                message: 'Paste the session token Coder showed you.',
              }
            : {
                kind: 'bad-request',
                title: 'That is not a Coder session token',
                message: check.reason,
              },
        );
      }
      const trimmed = check.token;
      let user: CoderUser;
      try {
        user = await api.getUser('me', { sessionToken: trimmed });
      } catch (error) {
        throw new CoderLinkError(describeCoderError(error));
      }
      tokenStore.setToken(trimmed);
      // The check already fetched the user: seed the cache so nothing asks again.
      queryClient.setQueryData(
        coderQueryKeys.currentUser(tokenStore.getSnapshot().version),
        user,
      );
      return user;
    },
    [api, tokenStore, queryClient],
  );

  const unlink = useCallback(() => tokenStore.clearToken(), [tokenStore]);

  let status: CoderAuthStatus = 'unlinked';
  let error: CoderErrorDescription | undefined;
  if (hasToken) {
    if (userQuery.data) {
      status = 'linked';
    } else if (userQuery.error) {
      error = describeCoderError(userQuery.error);
      status = error.kind === 'offline' ? 'offline' : 'unreachable';
    } else {
      status = 'checking';
    }
  }
  return {
    status,
    hasToken,
    user: userQuery.data,
    error,
    unlinkReason: hasToken ? undefined : snapshot.unlinkReason,
    unlinkDetail: hasToken ? undefined : snapshot.unlinkDetail,
    sessionVersion: snapshot.version,
    linkToken,
    unlink,
  };
}
