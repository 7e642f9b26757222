import type { ServerResponse } from 'node:http';

export const JSON_CONTENT_TYPE = 'application/json; charset=utf-8';

const HTML_SENSITIVE = /[<>&\u2028\u2029]/;
const HTML_SENSITIVE_ALL = /[<>&\u2028\u2029]/g;

/**
 * Go's json.Encoder with SetEscapeHTML(true), as coderd/httpapi.Write uses:
 * `<`, `>`, `&`, U+2028 and U+2029 are written as \u escapes, and Encode ends
 * the document with a newline.
 */
export function encodeGoJson(body: unknown): string {
  const text = JSON.stringify(body);
  const escaped = HTML_SENSITIVE.test(text)
    ? text.replace(
        HTML_SENSITIVE_ALL,
        character =>
          `\\u${character.charCodeAt(0).toString(16).padStart(4, '0')}`,
      )
    : text;
  return `${escaped}\n`;
}

export function writeRaw(
  response: ServerResponse,
  status: number,
  body: string | Buffer,
  headers: Record<string, string>,
): void {
  if (response.headersSent || response.destroyed) return;
  for (const [name, value] of Object.entries(headers))
    response.setHeader(name, value);
  response.statusCode = status;
  response.end(body);
}
