import { ResponseError } from '@backstage/errors';
import * as v from 'valibot';
import { coderErrorBodySchema } from './schemas';

/** One field-level problem reported by Coder (`validations[]`). @public */
export interface CoderValidation {
  field: string;
  detail: string;
}

/** What Coder (or the proxy in front of it) said about a failed request. @public */
export interface CoderErrorDetails {
  /** HTTP status of the response. */
  status: number;
  /** Coder's human-readable message, or the proxy's, or a status line. */
  message: string;
  detail?: string;
  validations: CoderValidation[];
  /**
   * True when the body came from Coder itself (`codersdk.Response` shape). A 401 counts
   * only with Coder's signature (see `authFailure`): anything else that refuses with 401
   * sits between Backstage and Coder.
   */
  fromCoder: boolean;
  /**
   * What Coder's own 401 says about the session: `signed-out` (token unknown, revoked or
   * expired) or `user-inactive` (the Coder account is suspended). Absent for any other
   * answer, including a 401 from something between Backstage and Coder.
   */
  authFailure?: 'signed-out' | 'user-inactive';
  /**
   * Seconds from a `Retry-After` header (429/503), when present; clamped to 1 s … 10 min
   * so a hostile or broken value can neither hammer Coder nor overflow a timer.
   */
  retryAfterSeconds?: number;
}

/**
 * A Backstage `ResponseError` for a non-OK response from Coder or the proxy, with
 * Coder's own `message`, `detail` and `validations` lifted into `coder`, because
 * Backstage's parser only understands Backstage-shaped bodies and would bury Coder's
 * text in raw JSON. `ResponseErrorPanel` renders it; `error.name` is `ResponseError`.
 *
 * @public
 */
export type CoderResponseError = ResponseError & { coder: CoderErrorDetails };

/** Narrows an unknown error to a {@link CoderResponseError}. @public */
export function isCoderResponseError(
  error: unknown,
): error is CoderResponseError {
  return (
    error instanceof ResponseError &&
    typeof (error as Partial<CoderResponseError>).coder === 'object'
  );
}

/** Reads (and consumes) the body of a failed response into a {@link CoderResponseError}. */
export async function toCoderResponseError(
  response: Response,
): Promise<CoderResponseError> {
  const text = await response.text().catch(() => '');
  const parsed = parseErrorBody(text);
  const statusLine = `${response.status} ${response.statusText}`.trim();
  const message = parsed.message ?? `Request failed with ${statusLine}`;
  const authFailure =
    response.status === 401
      ? recogniseCoderAuthFailure(parsed, response.headers)
      : undefined;
  const coder: CoderErrorDetails = {
    status: response.status,
    message,
    detail: parsed.detail,
    validations: parsed.validations ?? [],
    // Any JSON `{message}` parses as Coder's shape; for a 401 the shape is not enough.
    fromCoder:
      parsed.fromCoder &&
      (response.status !== 401 || authFailure !== undefined),
    authFailure,
    retryAfterSeconds: parseRetryAfter(response.headers),
  };
  // ResponseError's constructor is private; it is built from a Backstage-shaped body.
  const backstageShaped = new Response(
    JSON.stringify({
      error: {
        name: parsed.name ?? 'CoderError',
        message: [message, parsed.detail].filter(Boolean).join(' '),
      },
      response: { statusCode: response.status },
    }),
    {
      status: response.status,
      statusText: response.statusText,
      headers: { 'content-type': 'application/json' },
    },
  );
  const error = await ResponseError.fromResponse(backstageShaped);
  error.message = `${message} (${statusLine})`;
  return Object.assign(error, { coder });
}

/**
 * Coder answered 2xx but the body is not what Coder sends (malformed JSON, or a
 * shape the plugin cannot read). The message says which field was wrong.
 *
 * @public
 */
export class CoderParseError extends Error {
  constructor(endpoint: string, problem: string) {
    super(`Unexpected response from Coder for ${endpoint}: ${problem}`);
    this.name = 'CoderParseError';
  }
}

/** Bounds for a server-given wait: never hammer Coder, never overflow setTimeout. */
const RETRY_AFTER_MIN_SECONDS = 1;
const RETRY_AFTER_MAX_SECONDS = 600;

/**
 * `Retry-After` in seconds, either form (RFC 9110 §10.2.3: delay-seconds or an HTTP
 * date), clamped to 1 s … 10 min. A date is measured against the response's own `Date`
 * (the server's clock) when there is one, so a skewed browser clock cannot stretch it.
 */
function parseRetryAfter(headers: Headers): number | undefined {
  const value = headers.get('retry-after')?.trim();
  if (!value) return undefined;
  let seconds: number;
  if (/^\d+$/.test(value)) {
    seconds = Number(value);
  } else {
    const at = Date.parse(value);
    if (!Number.isFinite(at) || /^[-+]?\d/.test(value)) return undefined;
    const sent = Date.parse(headers.get('date') ?? '');
    seconds = Math.ceil(
      (at - (Number.isFinite(sent) ? sent : Date.now())) / 1000,
    );
  }
  return Math.min(
    RETRY_AFTER_MAX_SECONDS,
    Math.max(RETRY_AFTER_MIN_SECONDS, seconds),
  );
}

/*
 * Coder's 401 texts (coderd/httpmw/apikey.go @ c9a1e2b): SignedOutErrorMessage for a
 * missing, unknown, revoked or expired key; "Could not refresh expired <provider> token"
 * for a login whose OIDC/GitHub link died; "User is not active (status = …)" for a
 * suspended account. Prefixes, so a shortened message still counts.
 */
const CODER_SIGNED_OUT =
  /^(You are signed out or your session has expired|Could not refresh expired .+ token\.)/;
const CODER_USER_INACTIVE = /^User is not active \(status = "[^"]*"\)/;
/** Coder's RFC 6750 challenge; the Backstage proxy forwards it only if allowedHeaders lists it. */
const CODER_CHALLENGE = /^Bearer\s.*\brealm="coder"/i;

/**
 * Whether a 401 is Coder's own, and what it says. A gateway or auth proxy between
 * Backstage and Coder may answer 401 with a JSON `message` too; treating that as Coder's
 * would unlink (or refresh, in a loop) for a refusal no new token can fix.
 */
function recogniseCoderAuthFailure(
  parsed: ParsedErrorBody,
  headers: Headers,
): CoderErrorDetails['authFailure'] {
  const message = parsed.fromCoder ? (parsed.message ?? '') : '';
  if (CODER_USER_INACTIVE.test(message)) return 'user-inactive';
  if (CODER_SIGNED_OUT.test(message)) return 'signed-out';
  if (
    parsed.fromCoder &&
    CODER_CHALLENGE.test(headers.get('www-authenticate') ?? '')
  ) {
    return 'signed-out';
  }
  return undefined;
}

interface ParsedErrorBody {
  message?: string;
  detail?: string;
  validations?: CoderValidation[];
  name?: string;
  fromCoder: boolean;
}

function parseErrorBody(text: string): ParsedErrorBody {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    // Plain-text errors come from proxies (e.g. "Error occurred while trying to proxy:
    // host/api/proxy/coder/api/v2/workspaces?q=owner%3Ame…"): show the URL readable.
    const message = decodePercents(text.trim()).slice(0, 300);
    return { message: message || undefined, fromCoder: false };
  }
  const coder = v.safeParse(coderErrorBodySchema, json);
  if (coder.success) {
    return { ...coder.output, fromCoder: true };
  }
  // A Backstage-shaped error: the proxy itself refused (e.g. missing credentials).
  const backstage = v.safeParse(
    v.object({ error: v.object({ name: v.string(), message: v.string() }) }),
    json,
  );
  if (backstage.success) {
    return {
      message: backstage.output.error.message,
      name: backstage.output.error.name,
      fromCoder: false,
    };
  }
  return { fromCoder: false };
}

/** `text` with its %-escapes decoded where they form valid UTF-8; as it was otherwise. */
function decodePercents(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}
