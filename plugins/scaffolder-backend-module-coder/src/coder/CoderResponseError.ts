/** One entry of `codersdk.Response.validations`. */
export interface CoderValidation {
  field: string;
  detail: string;
}

/** Coder's error body, `codersdk.Response` (CONTRACT.md §10). */
export interface CoderErrorBody {
  message: string;
  detail?: string;
  validations: CoderValidation[];
}

/**
 * Coder's message, detail and field validations in one sentence, e.g.
 * `Validation failed. (name: Validation failed for tag "workspace_name" …)`.
 */
export function describeCoderErrorBody(body: CoderErrorBody): string {
  let text = body.message;
  // Coder's build errors repeat the message at the start of the detail (wsbuilder BuildError).
  if (body.detail && body.detail.trim() !== body.message.trim()) {
    text += /[.!?]$/.test(text) ? ' ' : ': ';
    text += body.detail;
  }
  if (body.validations.length > 0) {
    const fields = body.validations
      .map(validation => `${validation.field}: ${validation.detail}`)
      .join('; ');
    text += ` (${fields})`;
  }
  return text;
}

/**
 * A non-2xx answer from Coder. `message` is ready for the task log; `status` and `coder`
 * let callers say something more specific (a taken name, a refused token).
 */
export class CoderResponseError extends Error {
  readonly status: number;
  readonly coder: CoderErrorBody;

  constructor(status: number, coder: CoderErrorBody, message: string) {
    super(message);
    this.name = 'CoderResponseError';
    this.status = status;
    this.coder = coder;
  }
}

/** Reads Coder's error body; a proxy or gateway may answer with something else. */
export function parseCoderErrorBody(
  status: number,
  text: string,
): CoderErrorBody {
  try {
    const json = JSON.parse(text) as Record<string, unknown>;
    if (typeof json.message === 'string') {
      const validations = Array.isArray(json.validations)
        ? json.validations.filter(
            (entry): entry is CoderValidation =>
              typeof entry?.field === 'string' &&
              typeof entry?.detail === 'string',
          )
        : [];
      return {
        message: json.message,
        detail: typeof json.detail === 'string' ? json.detail : undefined,
        validations,
      };
    }
  } catch {
    // Not JSON: described below.
  }
  const excerpt = text.trim().slice(0, 200);
  return {
    message: `HTTP ${status}${excerpt ? `, not a Coder answer: ${excerpt}` : ''}`,
    validations: [],
  };
}
