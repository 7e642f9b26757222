import { apiError } from './errors';

/**
 * Failure injection for `/api/v2` requests, driven through PUT /__fake/faults.
 * A `true` switch stays on until cleared; a number affects that many of the
 * next matching requests and then turns itself off.
 */
export interface FaultSettings {
  /** Delay before handling each matching request. */
  latencyMs?: number;
  /** Answer 500 with Coder's internal-error body. */
  status500?: boolean | number;
  /** Answer with a truncated JSON body (status 200). */
  malformedJson?: boolean | number;
  /** Answer 429 with Coder's rate-limit body and headers. */
  rateLimit?: boolean | { retryAfterSeconds: number; count?: number };
  /** Destroy the socket without any response. */
  dropConnections?: boolean | number;
  /** Make the next builds' jobs fail when they complete (not tied to pathPrefix). */
  failBuilds?: boolean | number;
  /** Only requests whose path starts with this (e.g. `/api/v2/workspaces`). */
  pathPrefix?: string;
}

export const INJECTED_BUILD_ERROR =
  'terraform apply: exit status 1: Error: fake-coder: injected build failure';

export type FaultAction =
  | { kind: 'drop' }
  | { kind: 'rateLimit'; retryAfterSeconds: number }
  | { kind: 'status500' }
  | { kind: 'malformedJson' };

const SWITCHES = [
  'dropConnections',
  'rateLimit',
  'status500',
  'malformedJson',
] as const;

export const DEFAULT_RETRY_AFTER_SECONDS = 60;

function invalid(detail: string) {
  return apiError(400, 'Invalid fault settings.', detail);
}

function isSwitch(value: unknown): value is boolean | number {
  return (
    typeof value === 'boolean' ||
    (typeof value === 'number' && Number.isInteger(value) && value >= 0)
  );
}

/** Validates a PUT body; unknown keys are rejected so typos do not go unnoticed. */
export function parseFaultSettings(body: unknown): FaultSettings {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) {
    throw invalid('The body must be a JSON object.');
  }
  const input = body as Record<string, unknown>;
  const settings: FaultSettings = {};
  for (const [key, value] of Object.entries(input)) {
    if (value === undefined || value === null) continue;
    switch (key) {
      case 'latencyMs':
        if (typeof value !== 'number' || value < 0)
          throw invalid('latencyMs must be a non-negative number.');
        settings.latencyMs = value;
        break;
      case 'pathPrefix':
        if (typeof value !== 'string')
          throw invalid('pathPrefix must be a string.');
        settings.pathPrefix = value;
        break;
      case 'rateLimit': {
        if (isSwitch(value)) {
          settings.rateLimit = Boolean(value);
          break;
        }
        const limit = value as Record<string, unknown>;
        if (
          typeof value !== 'object' ||
          typeof limit.retryAfterSeconds !== 'number'
        ) {
          throw invalid(
            'rateLimit must be a boolean or {retryAfterSeconds: number, count?: number}.',
          );
        }
        if (limit.count !== undefined && !isSwitch(limit.count))
          throw invalid('rateLimit.count must be a count.');
        settings.rateLimit = {
          retryAfterSeconds: limit.retryAfterSeconds,
          count: typeof limit.count === 'number' ? limit.count : undefined,
        };
        break;
      }
      case 'status500':
      case 'malformedJson':
      case 'dropConnections':
      case 'failBuilds':
        if (!isSwitch(value))
          throw invalid(`${key} must be a boolean or a request count.`);
        settings[key] = value;
        break;
      default:
        throw invalid(`Unknown fault ${JSON.stringify(key)}.`);
    }
  }
  return settings;
}

export class Faults {
  settings: FaultSettings = {};

  matches(path: string): boolean {
    if (!path.startsWith('/api/v2')) return false;
    return (
      !this.settings.pathPrefix || path.startsWith(this.settings.pathPrefix)
    );
  }

  latency(path: string): number {
    return this.matches(path) ? (this.settings.latencyMs ?? 0) : 0;
  }

  /** The fault to apply to this request, consuming one use of a counted switch. */
  take(path: string): FaultAction | undefined {
    if (!this.matches(path)) return undefined;
    for (const name of SWITCHES) {
      const setting = this.settings[name];
      if (!setting) continue;
      if (name === 'rateLimit' && typeof setting === 'object') {
        if (setting.count !== undefined) {
          if (setting.count <= 0) continue;
          setting.count -= 1;
          if (setting.count === 0) delete this.settings.rateLimit;
        }
        return {
          kind: 'rateLimit',
          retryAfterSeconds: setting.retryAfterSeconds,
        };
      }
      if (typeof setting === 'number' && name !== 'rateLimit') {
        const remaining = setting - 1;
        if (remaining <= 0) delete this.settings[name];
        else this.settings[name] = remaining;
      }
      switch (name) {
        case 'dropConnections':
          return { kind: 'drop' };
        case 'rateLimit':
          return {
            kind: 'rateLimit',
            retryAfterSeconds: DEFAULT_RETRY_AFTER_SECONDS,
          };
        case 'status500':
          return { kind: 'status500' };
        default:
          return { kind: 'malformedJson' };
      }
    }
    return undefined;
  }

  /** The error for a build created now, consuming one use of `failBuilds`. */
  takeBuildFailure(): string | undefined {
    const setting = this.settings.failBuilds;
    if (!setting) return undefined;
    if (typeof setting === 'number') {
      if (setting <= 1) delete this.settings.failBuilds;
      else this.settings.failBuilds = setting - 1;
    }
    return INJECTED_BUILD_ERROR;
  }

  clear(): void {
    this.settings = {};
  }
}

/** A JSON document cut short, as a dropped proxy or a crashed handler would leave it. */
export function truncateJson(body: string): string {
  const cut = Math.max(1, Math.floor(body.trimEnd().length / 2));
  return body.slice(0, cut);
}
