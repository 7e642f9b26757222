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
  /** True when the body came from Coder itself (`codersdk.Response` shape). */
  fromCoder: boolean;
  /** Seconds from a `Retry-After` header (429/503), when present. */
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
  const retryAfter = Number(response.headers.get('retry-after') ?? NaN);
  const coder: CoderErrorDetails = {
    status: response.status,
    message,
    detail: parsed.detail,
    validations: parsed.validations ?? [],
    fromCoder: parsed.fromCoder,
    retryAfterSeconds:
      Number.isFinite(retryAfter) && retryAfter >= 0 ? retryAfter : undefined,
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
