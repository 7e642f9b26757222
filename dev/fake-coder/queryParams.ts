import { goQuote, parseGoBool, parseGoInt } from './goText';
import { parseRfc3339Nano, RFC3339_NANO_LAYOUT } from './goTime';
import { parseUuid } from './uuid';
import type { Micros } from './clock';
import type { ValidationError } from './errors';

/** Go's url.Values: keys keep insertion order, each key holds its values. */
export type QueryValues = Map<string, string[]>;

export function addValue(
  values: QueryValues,
  key: string,
  value: string,
): void {
  const existing = values.get(key);
  if (existing) existing.push(value);
  else values.set(key, [value]);
}

export function fromSearchParams(params: URLSearchParams): QueryValues {
  const values: QueryValues = new Map();
  params.forEach((value, key) => addValue(values, key, value));
  return values;
}

type Parse<T> = (
  text: string,
) => { ok: true; value: T } | { ok: false; error: string };

/**
 * A port of coderd/httpapi QueryParamParser: it gathers every problem in one
 * pass, with Coder's exact detail texts, and remembers which keys it read so
 * the rest can be reported as unknown.
 */
export class QueryParamParser {
  readonly errors: ValidationError[] = [];
  private readonly parsed = new Set<string>();

  constructor(private readonly values: QueryValues) {}

  private present(key: string): string[] | undefined {
    this.parsed.add(key);
    const set = this.values.get(key);
    // Go's url.Values.Get returns the first value; an empty first value counts as absent.
    if (!set || set.length === 0 || set[0] === '') return undefined;
    return set;
  }

  /** parseSingle: more than one value is its own validation error. */
  private single(key: string): string | undefined {
    const set = this.present(key);
    if (!set) return undefined;
    if (set.length > 1) {
      this.errors.push({
        field: key,
        detail: `Query param ${goQuote(key)} provided more than once, found ${set.length} times. Only provide 1 instance of this query param.`,
      });
      return undefined;
    }
    return set[0];
  }

  has(key: string): boolean {
    return this.values.has(key);
  }

  string(key: string): string {
    return this.single(key) ?? '';
  }

  boolean(key: string, fallback: boolean): boolean {
    const text = this.single(key);
    if (text === undefined) return fallback;
    const parsed = parseGoBool(text);
    if (!parsed.ok) {
      this.errors.push({
        field: key,
        detail: `Query param ${goQuote(key)} must be a valid boolean: ${parsed.error}`,
      });
      return fallback;
    }
    return parsed.value;
  }

  nullableBoolean(key: string): boolean | undefined {
    const text = this.single(key);
    if (text === undefined) return undefined;
    const parsed = parseGoBool(text);
    if (!parsed.ok) {
      this.errors.push({
        field: key,
        detail: `Query param ${goQuote(key)} must be a valid boolean: ${parsed.error}`,
      });
      return undefined;
    }
    return parsed.value;
  }

  uuid(key: string): string | undefined {
    const text = this.single(key);
    if (text === undefined) return undefined;
    const parsed = parseUuid(text);
    if (!parsed.ok) {
      this.errors.push({
        field: key,
        detail: `Query param ${goQuote(key)} must be a valid uuid`,
      });
      return undefined;
    }
    return parsed.value;
  }

  positiveInt32(key: string): number {
    const text = this.single(key);
    if (text === undefined) return 0;
    const parsed = parseGoInt(text, 32);
    let error: string | undefined;
    if (!parsed.ok) error = parsed.error;
    else if (parsed.value < 0) error = 'value is negative';
    if (error !== undefined) {
      this.errors.push({
        field: key,
        detail: `Query param ${goQuote(key)} must be a valid 32-bit positive integer: ${error}`,
      });
      return 0;
    }
    return parsed.ok ? parsed.value : 0;
  }

  time3339Nano(key: string): Micros | undefined {
    const text = this.single(key);
    if (text === undefined) return undefined;
    // Search queries are lowercased; Coder uppercases again for the RFC3339 letters.
    const parsed = parseRfc3339Nano(text.toUpperCase());
    if (!parsed.ok) {
      this.errors.push({
        field: key,
        detail: `Query param ${goQuote(key)} must be a valid date format (${RFC3339_NANO_LAYOUT}): ${parsed.error}`,
      });
      return undefined;
    }
    return parsed.value;
  }

  /** httpapi.ParseCustom: one value, custom parse, wrapped error. */
  custom<T>(key: string, parse: Parse<T>): T | undefined {
    const text = this.single(key);
    if (text === undefined) return undefined;
    const parsed = parse(text);
    if (!parsed.ok) {
      this.errors.push({
        field: key,
        detail: `Query param ${goQuote(key)} has invalid value: ${parsed.error}`,
      });
      return undefined;
    }
    return parsed.value;
  }

  /** httpapi.ParseCustomList: repeats and comma-separated values. */
  list<T>(key: string, parse: Parse<T>): T[] {
    const set = this.present(key);
    if (!set) return [];
    const terms = set.flatMap(value => value.split(','));
    const output: T[] = [];
    const problems: string[] = [];
    for (const term of terms) {
      const parsed = parse(term);
      if (parsed.ok) output.push(parsed.value);
      else problems.push(parsed.error);
    }
    if (problems.length > 0) {
      // errors.Join separates the joined errors with newlines.
      this.errors.push({
        field: key,
        detail: `Query param ${goQuote(key)} has invalid values: ${problems.join('\n')}`,
      });
      return [];
    }
    return output;
  }

  strings(key: string): string[] {
    return this.list(key, text => ({ ok: true, value: text }));
  }

  uuids(key: string): string[] {
    return this.list(key, text => {
      const parsed = parseUuid(text.trim());
      return parsed.ok ? parsed : { ok: false, error: parsed.error };
    });
  }

  /** ErrorExcessParams: every key nobody asked for. */
  rejectUnknown(): void {
    for (const key of this.values.keys()) {
      if (!this.parsed.has(key)) {
        this.errors.push({
          field: key,
          detail: `${goQuote(key)} is not a valid query param`,
        });
      }
    }
  }
}
