import { isCoderResponseError } from '../api/errors';
import { CoderParseError } from '../api/errors';

const MAX_QUERY_RETRIES = 2;

/**
 * Reads are retried only where a retry can help: network failures and 5xx/429. A 4xx is
 * an answer (bad query, revoked token), and retrying it only delays the message and
 * loads Coder.
 */
export function shouldRetryQuery(
  failureCount: number,
  error: unknown,
): boolean {
  if (failureCount >= MAX_QUERY_RETRIES) return false;
  if (error instanceof CoderParseError) return false;
  if (isCoderResponseError(error)) {
    const { status } = error.coder;
    return status === 429 || status >= 500;
  }
  return true;
}

/** Honours `Retry-After`; otherwise backs off 1 s, 2 s, 4 s… up to 10 s. */
export function queryRetryDelay(failureCount: number, error: unknown): number {
  if (
    isCoderResponseError(error) &&
    error.coder.retryAfterSeconds !== undefined
  ) {
    return error.coder.retryAfterSeconds * 1000;
  }
  return Math.min(1000 * 2 ** failureCount, 10_000);
}
