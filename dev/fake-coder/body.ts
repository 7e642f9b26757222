import type { IncomingMessage } from 'node:http';
import { apiError, ApiError } from './errors';

/** coderd/httpapi caps request bodies at 4 MiB. */
export const MAX_BODY_BYTES = 4 * 1024 * 1024;

export function readBody(
  request: IncomingMessage,
  limit = MAX_BODY_BYTES,
): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    let done = false;
    request.on('data', (chunk: Buffer) => {
      if (done) return;
      size += chunk.length;
      if (size > limit) {
        done = true;
        // httpapi.ReadLimit names the limit that refused the body.
        reject(
          apiError(
            413,
            'Request body too large.',
            `Maximum request body size is ${limit} bytes.`,
          ),
        );
        return;
      }
      chunks.push(chunk);
    });
    request.on('end', () => {
      if (done) return;
      done = true;
      resolve(Buffer.concat(chunks));
    });
    request.on('error', error => {
      if (done) return;
      done = true;
      reject(error);
    });
  });
}

function invalidJson(detail: string): ApiError {
  return apiError(400, 'Request body must be valid JSON.', detail);
}

/** JSON.parse with Go encoding/json-like error texts for the usual mistakes. */
export function parseJsonBody(text: string): unknown {
  const trimmed = text.trim();
  if (trimmed === '') throw invalidJson('EOF');
  try {
    return JSON.parse(trimmed);
  } catch (error) {
    const first = trimmed[0];
    if (!/[{["tfn0-9-]/.test(first)) {
      throw invalidJson(
        `invalid character '${first}' looking for beginning of value`,
      );
    }
    const message = error instanceof Error ? error.message : '';
    if (/end of JSON input|Unterminated/i.test(message))
      throw invalidJson('unexpected EOF');
    const position = /position (\d+)/.exec(message);
    const character = position ? trimmed[Number(position[1])] : undefined;
    if (character === undefined) throw invalidJson('unexpected EOF');
    throw invalidJson(
      `invalid character '${character}' looking for beginning of value`,
    );
  }
}
