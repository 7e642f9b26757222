/*
 * How often a session may refresh. Without limits, a 401 that no new token fixes (a
 * suspended user: Coder's refresh grant ignores the user's status; a clock-skewed expiry;
 * a gateway's own 401) makes the page refresh as fast as Coder answers.
 */

/** A token younger than this is never refreshed: if Coder refuses it, a newer one will not help yet. */
export const CODER_OAUTH_MIN_TOKEN_AGE_MS = 30_000;
/** First wait between refreshes that Coder's 401s triggered; doubles each time. */
export const CODER_OAUTH_BACKOFF_BASE_MS = 30_000;
/** Longest wait between refresh attempts (401s or an unreachable Coder). */
export const CODER_OAUTH_BACKOFF_MAX_MS = 10 * 60_000;
/** Refreshed tokens Coder may reject in a row before the session gives up and unlinks. */
export const CODER_OAUTH_MAX_REJECTED_REFRESHES = 3;
/** Refresh this long before expiry (a quarter of the lifetime for short-lived tokens). */
export const CODER_OAUTH_REFRESH_MARGIN_MS = 60_000;

/** `expires_in` outside this range is clamped: a minute … a day (then refreshed daily). */
export const CODER_OAUTH_MIN_EXPIRES_IN_SECONDS = 60;
export const CODER_OAUTH_MAX_EXPIRES_IN_SECONDS = 24 * 60 * 60;
/** When Coder sends no `expires_in`: assume an hour; a 401 refreshes sooner if needed. */
export const CODER_OAUTH_DEFAULT_EXPIRES_IN_SECONDS = 60 * 60;

/** The wait after `attempts` consecutive attempts: 0, then 30 s, 60 s, 120 s … 10 min. */
export function refreshBackoffMs(attempts: number): number {
  if (attempts <= 0) return 0;
  return Math.min(
    CODER_OAUTH_BACKOFF_BASE_MS * 2 ** (attempts - 1),
    CODER_OAUTH_BACKOFF_MAX_MS,
  );
}

/** `expires_in` (seconds, as Coder sends it) clamped to a sane range, in seconds. */
export function clampExpiresIn(expiresIn: unknown): number {
  if (typeof expiresIn !== 'number' || !Number.isFinite(expiresIn)) {
    return CODER_OAUTH_DEFAULT_EXPIRES_IN_SECONDS;
  }
  return Math.min(
    CODER_OAUTH_MAX_EXPIRES_IN_SECONDS,
    Math.max(CODER_OAUTH_MIN_EXPIRES_IN_SECONDS, expiresIn),
  );
}
