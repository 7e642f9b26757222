import type { ValidationError } from './errors';
import { goQuote, splitOutsideQuotes } from './goText';
import { addValue, QueryValues } from './queryParams';

/**
 * coderd/searchquery searchTerms: split on spaces outside double quotes, keep
 * `key:value` elements, join the bare words into one term (so
 * `my workspace` searches for "my workspace") and hand it to defaultKey.
 */
export function searchTerms(
  query: string,
  defaultKey: (term: string, values: QueryValues) => string | undefined,
): { values: QueryValues; errors: ValidationError[] } {
  const values: QueryValues = new Map();
  const tokens = splitOutsideQuotes(query, ' ', true);
  const elements = tokens.filter(token => token.includes(':'));
  const bare = tokens.filter(token => !token.includes(':'));
  if (bare.length > 0) elements.push(bare.join(' '));

  for (const element of elements) {
    if (element.startsWith(':') || element.endsWith(':')) {
      return {
        values,
        errors: [
          {
            field: 'q',
            detail: `Query element ${goQuote(element)} cannot start or end with ':'`,
          },
        ],
      };
    }
    const parts = splitOutsideQuotes(element, ':', false);
    if (parts.length === 1) {
      const problem = defaultKey(element, values);
      if (problem) return { values, errors: [{ field: 'q', detail: problem }] };
    } else if (parts.length === 2) {
      addValue(values, parts[0].toLowerCase(), parts[1]);
    } else {
      return {
        values,
        errors: [
          {
            field: 'q',
            detail: `Query element ${goQuote(element)} can only contain 1 ':'`,
          },
        ],
      };
    }
  }
  return { values, errors: [] };
}
