/**
 * The part of the Web Locks API the session uses (`navigator.locks`); injectable so
 * tests can stand in for it.
 */
export interface CrossTabLocks {
  request<T>(
    name: string,
    options: { signal?: AbortSignal },
    callback: () => Promise<T>,
  ): Promise<T>;
}

/** Give up waiting for another tab after this long (it may hang on a dead connection). */
const LOCK_WAIT_MS = 60_000;

/**
 * Runs `callback` while holding the lock `name` in every tab of this origin, so two tabs
 * never redeem one refresh token (Coder rotates it, and the loser's attempt fails).
 * Where the API is missing (older browsers, jsdom) it runs at once; the session then
 * falls back to adopting whatever pair another tab stored.
 */
export function runExclusively<T>(
  name: string,
  callback: () => Promise<T>,
  locks: CrossTabLocks | undefined = browserLocks(),
): Promise<T> {
  if (!locks) return callback();
  const signal =
    typeof AbortSignal !== 'undefined' && 'timeout' in AbortSignal
      ? AbortSignal.timeout(LOCK_WAIT_MS)
      : undefined;
  return locks.request(name, { signal }, () => callback());
}

function browserLocks(): CrossTabLocks | undefined {
  if (typeof navigator === 'undefined') return undefined;
  return (navigator as { locks?: CrossTabLocks }).locks;
}
