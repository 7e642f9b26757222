import { goEncodeQuery } from './http';

/**
 * validatedCallbackURL.withQuery (authorize.go): the registered callback with
 * its own query kept, minus the response parameters RFC 6749 reserves, plus
 * this response's parameters and the client's `state` when it sent one.
 * Go's url.Values.Encode sorts the keys.
 */

const RESERVED = new Set(['code', 'error', 'error_description', 'state']);

/** The callback with `parameters` (and `state`) in its query. */
export function callbackWith(
  callback: string,
  parameters: Array<[string, string]>,
  state: string,
): string {
  const hashAt = callback.indexOf('#');
  const withoutFragment = hashAt < 0 ? callback : callback.slice(0, hashAt);
  const queryAt = withoutFragment.indexOf('?');
  const base =
    queryAt < 0 ? withoutFragment : withoutFragment.slice(0, queryAt);
  const kept: Array<[string, string]> = [];
  if (queryAt >= 0) {
    for (const [key, value] of new URLSearchParams(
      withoutFragment.slice(queryAt + 1),
    ))
      if (!RESERVED.has(key)) kept.push([key, value]);
  }
  const values = [...kept, ...parameters];
  if (state !== '') values.push(['state', state]);
  const query = goEncodeQuery(values);
  return query === '' ? base : `${base}?${query}`;
}

/**
 * sanitizeErrorDescription: RFC 6749 Appendix A allows only printable ASCII
 * minus `"` and `\` in error_description.
 */
export function sanitizeErrorDescription(description: string): string {
  return [...description]
    .map(character => {
      if (character === '"') return "'";
      if (character === '\\') return '';
      const code = character.codePointAt(0)!;
      return code < 0x20 || code > 0x7e ? ' ' : character;
    })
    .join('');
}

/** The callback carrying an RFC 6749 §4.1.2.1 error. */
export function callbackError(
  callback: string,
  state: string,
  error: string,
  description: string,
): string {
  return callbackWith(
    callback,
    [
      ['error', error],
      ['error_description', sanitizeErrorDescription(description)],
    ],
    state,
  );
}
