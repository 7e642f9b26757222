import type { ContractResult } from './contractResult';
import { validateRequest, type RequestToValidate } from './validateRequest';
import { validateResponse } from './validateResponse';

function failure(subject: string, result: ContractResult): Error | undefined {
  if (result.ok) {
    return undefined;
  }
  return new Error(
    `${subject} breaks Coder's API contract (dev/contract/wireDifferences.ts lists the known departures from swagger):\n${result.errors
      .map(error => `  - ${error}`)
      .join('\n')}`,
  );
}

/**
 * Reads a fetch `Response` (through a clone, so the caller can still consume
 * it) and throws one error listing every way it departs from Coder's
 * contract. `path` is Coder's request path (query ignored) and defaults to
 * the response's own URL, which must then point at Coder, not a proxy. Does not depend on
 * jest, so the fake server's own checks can use it too.
 */
export async function expectValidResponse(
  response: Response,
  method: string,
  path?: string,
): Promise<void> {
  if (path === undefined && !response.url) {
    throw new Error(
      'expectValidResponse needs the request path: this Response has no url',
    );
  }
  const requestPath = path ?? new URL(response.url).pathname;
  const text = await response.clone().text();
  let body: unknown = undefined;
  if (text !== '') {
    try {
      body = JSON.parse(text);
    } catch {
      // Left as text: the schema check then reports "must be object (got …)".
      body = text;
    }
  }
  const error = failure(
    `${method.toUpperCase()} ${requestPath} → ${response.status}`,
    validateResponse({
      method,
      path: requestPath,
      status: response.status,
      body,
      headers: response.headers,
    }),
  );
  if (error) {
    throw error;
  }
}

/**
 * Throws one error listing every way a request of the plugin's client
 * departs from Coder's contract.
 */
export function expectValidRequest(request: RequestToValidate): void {
  const error = failure(
    `${request.method.toUpperCase()} ${request.url}`,
    validateRequest(request),
  );
  if (error) {
    throw error;
  }
}
