import type { IncomingMessage } from 'node:http';
import { splitToken, tokenFromRequest } from '../auth';
import type { Micros } from '../clock';
import type { UserRecord } from '../records';
import { SEED_IDS, SEED_TOKENS } from '../seed';
import type { Store } from '../store';

/**
 * Whose data a dashboard page shows. Real Coder requires sign-in; the fake's
 * pages take a valid session when the browser has one (cookie, header or
 * query, as ExtractAPIKey finds it) and otherwise show the demo user's view,
 * so a first click from Backstage never lands on a login wall.
 */

/** The user a page is for, and the token that identifies them. */
export interface Viewer {
  user: UserRecord;
  /** The session token the request carried, or the demo user's seeded one. */
  token: string;
  /** True when the request carried a valid session for `user`. */
  signedIn: boolean;
}

/**
 * The request's session user, checked like ExtractAPIKey (format, secret,
 * expiry, suspended accounts) but without its side effects: looking at a page
 * must not wake a dormant account. Falls back to the demo user.
 */
export function pageViewer(
  store: Store,
  request: IncomingMessage,
  url: URL,
  now: Micros,
): Viewer {
  const token = tokenFromRequest(request, url);
  const split = splitToken(token);
  if (!('error' in split)) {
    const record = store.tokens.get(split.id);
    const user = record && store.users.get(record.userId);
    if (
      record &&
      user &&
      record.secret === split.secret &&
      record.expiresAt >= now &&
      user.status !== 'suspended'
    )
      return { user, token, signedIn: true };
  }
  const demo = store.users.get(SEED_IDS.users.demo);
  if (!demo) throw new Error('fake-coder: the seed has no demo user');
  return { user: demo, token: SEED_TOKENS.demo, signedIn: false };
}

/** True while the seeded demo token still authenticates (not revoked). */
export function demoTokenIsLive(store: Store): boolean {
  const [id, secret] = SEED_TOKENS.demo.split('-');
  return store.tokens.get(id)?.secret === secret;
}
