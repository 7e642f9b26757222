/**
 * Coder's API rate limit (coderd/httpmw/ratelimit.go, go-chi/httprate): N
 * requests per minute per user-or-IP and endpoint. Off by default in the fake
 * (limit 0), so tests and benchmarks never trip it; enable it with
 * PUT /__fake/config {"apiRateLimit": 512}.
 */
export const RATE_LIMIT_WINDOW_MS = 60_000;

export interface RateLimitDecision {
  allowed: boolean;
  headers: Record<string, string>;
}

export class RateLimiter {
  private readonly windows = new Map<
    string,
    { start: number; count: number }
  >();

  constructor(public limit = 0) {}

  check(key: string, nowMs: number): RateLimitDecision | undefined {
    if (this.limit <= 0) return undefined;
    const windowStart =
      Math.floor(nowMs / RATE_LIMIT_WINDOW_MS) * RATE_LIMIT_WINDOW_MS;
    let window = this.windows.get(key);
    if (!window || window.start !== windowStart) {
      window = { start: windowStart, count: 0 };
      this.windows.set(key, window);
    }
    window.count += 1;
    const reset = windowStart + RATE_LIMIT_WINDOW_MS;
    const allowed = window.count <= this.limit;
    const headers: Record<string, string> = {
      'X-RateLimit-Limit': String(this.limit),
      'X-RateLimit-Remaining': String(Math.max(0, this.limit - window.count)),
      'X-RateLimit-Reset': String(Math.ceil(reset / 1000)),
    };
    if (!allowed)
      headers['Retry-After'] = String(
        Math.max(1, Math.ceil((reset - nowMs) / 1000)),
      );
    return { allowed, headers };
  }

  clear(): void {
    this.windows.clear();
  }
}

/** httpmw.RateLimit's 429 message; Go prints a minute as `1m0s`. */
export function rateLimitMessage(limit: number): string {
  return `You've been rate limited for sending more than ${limit} requests in 1m0s.`;
}
