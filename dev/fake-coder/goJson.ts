import { apiError, ApiError } from './errors';
import { parseRfc3339Nano, RFC3339_LAYOUT } from './goTime';
import { parseUuid } from './uuid';

/**
 * Decoding a parsed JSON body into one of Coder's request structs the way
 * Go's encoding/json does: keys match field names exactly or else
 * case-insensitively, unknown keys are ignored, `null` leaves a field alone,
 * and the first wrongly typed value in document order becomes the error,
 * with Go's own text (`json: cannot unmarshal <kind> into Go struct field
 * <Struct>.<key path> of type <type>`).
 */

/** The Go type of one struct field, as far as decoding it goes. */
export type FieldKind =
  | { kind: 'string'; goType?: string }
  | { kind: 'uuid' }
  | { kind: 'int64' }
  /**
   * time.Duration (an int64 of nanoseconds), decoded to a bigint: exact when
   * the body went through withExactNumbers, which keeps the literal.
   */
  | { kind: 'duration' }
  | { kind: 'bool' }
  /** A slice of a string type, e.g. []codersdk.APIKeyScope. */
  | { kind: 'stringList'; goType: string }
  /** time.Time, which decodes itself from an RFC 3339 string. */
  | { kind: 'time' }
  /** []byte: base64 in a string, or an array of numbers. */
  | { kind: 'bytes' }
  /** []codersdk.WorkspaceBuildParameter. */
  | { kind: 'parameters' }
  | { kind: 'object'; goType: string; fields: Record<string, FieldKind> };

/** Decoded fields by JSON name; absent and `null` fields are left out. */
export type Decoded = Record<string, unknown>;

function invalidJson(detail: string): ApiError {
  return apiError(400, 'Request body must be valid JSON.', detail);
}

/**
 * An error that stops Go's decoder at once, unlike a type error, which it
 * saves while it carries on: what a value's own decoder returns (uuid.UUID's
 * UnmarshalText, time.Time's UnmarshalJSON). It wins over a saved type error.
 */
class AbortDecode extends Error {
  constructor(readonly response: ApiError) {
    super(response.message);
  }
}

const abort = (detail: string) => new AbortDecode(invalidJson(detail));

/** Keeps the first saved error while decoding goes on; aborts pass through. */
function collecting<T>(run: (keep: (work: () => T) => T | undefined) => void) {
  let first: ApiError | undefined;
  run(work => {
    try {
      return work();
    } catch (error) {
      if (!(error instanceof ApiError)) throw error;
      first ??= error;
      return undefined;
    }
  });
  if (first) throw first;
}

/**
 * A JSON number with the text it was written as, so an int64 field can be
 * decoded exactly (JSON.parse rounds integers above 2^53) and rejected with
 * Go's `number <literal>` when it is not an integer (`1.5`, `1e9`).
 */
export class GoNumberLiteral {
  constructor(readonly literal: string) {}
}

/**
 * The parsed body with each top-level number replaced by its literal (see
 * GoNumberLiteral). `text` must be the JSON that `parsed` came from.
 */
export function withExactNumbers(parsed: unknown, text: string): unknown {
  if (parsed === null || typeof parsed !== 'object' || Array.isArray(parsed))
    return parsed;
  const copy: Record<string, unknown> = { ...(parsed as object) };
  for (const [key, literal] of topLevelNumberLiterals(text)) {
    if (typeof copy[key] === 'number') copy[key] = new GoNumberLiteral(literal);
  }
  return copy;
}

const NUMBER_LITERAL = /-?(?:0|[1-9][0-9]*)(?:\.[0-9]+)?(?:[eE][+-]?[0-9]+)?/y;

/** Index just past the JSON value (already known to be valid) starting at `start`. */
function skipJsonValue(text: string, start: number): number {
  let depth = 0;
  let index = start;
  do {
    const character = text[index];
    if (character === '"') {
      index++;
      while (text[index] !== '"') index += text[index] === '\\' ? 2 : 1;
      index++;
    } else if (character === '{' || character === '[') {
      depth++;
      index++;
    } else if (character === '}' || character === ']') {
      depth--;
      index++;
    } else if (/\s|,|:/.test(character)) {
      index++;
    } else {
      const word = /-?[0-9A-Za-z.+]+/y;
      word.lastIndex = index;
      word.exec(text);
      index = word.lastIndex;
    }
  } while (depth > 0);
  return index;
}

/** For a JSON object, each key whose last value is a number, with its literal. */
function topLevelNumberLiterals(text: string): Map<string, string> {
  const literals = new Map<string, string>();
  const skipSpace = (from: number) => {
    let next = from;
    while (/\s/.test(text[next] ?? '')) next++;
    return next;
  };
  let index = skipSpace(0);
  if (text[index] !== '{') return literals;
  index = skipSpace(index + 1);
  while (text[index] === '"') {
    const keyEnd = skipJsonValue(text, index);
    const key = JSON.parse(text.slice(index, keyEnd)) as string;
    index = skipSpace(skipSpace(keyEnd) + 1); // past the colon
    NUMBER_LITERAL.lastIndex = index;
    const number = NUMBER_LITERAL.exec(text);
    if (number) {
      literals.set(key, number[0]);
      index = NUMBER_LITERAL.lastIndex;
    } else {
      literals.delete(key);
      index = skipJsonValue(text, index);
    }
    index = skipSpace(index);
    if (text[index] === ',') index = skipSpace(index + 1);
  }
  return literals;
}

/** The kind of JSON value Go names in an UnmarshalTypeError. */
function jsonKind(value: unknown): string {
  if (value instanceof GoNumberLiteral) return 'number';
  if (Array.isArray(value)) return 'array';
  if (value === null) return 'null';
  if (typeof value === 'boolean') return 'bool';
  return typeof value;
}

/** Where a value sits: the innermost struct being decoded and the key path. */
interface Place {
  struct: string;
  path: string;
}

function typeError(described: string, place: Place, goType: string): ApiError {
  return invalidJson(
    `json: cannot unmarshal ${described} into Go struct field ${place.struct}.${place.path} of type ${goType}`,
  );
}

const BASE64 =
  /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/;

function decodeBytes(value: unknown, place: Place): unknown {
  if (typeof value === 'string') {
    if (!BASE64.test(value)) {
      const bad = [...value].findIndex(
        character => !/[A-Za-z0-9+/=]/.test(character),
      );
      throw invalidJson(
        `illegal base64 data at input byte ${bad >= 0 ? bad : value.length}`,
      );
    }
    return value;
  }
  if (!Array.isArray(value)) throw typeError(jsonKind(value), place, '[]uint8');
  for (const item of value) {
    if (item === null) continue;
    if (typeof item !== 'number')
      throw typeError(jsonKind(item), place, 'uint8');
    if (!Number.isInteger(item) || item < 0 || item > 255)
      throw typeError(`number ${item}`, place, 'uint8');
  }
  return value;
}

function decodeParameters(value: unknown, place: Place): unknown {
  if (!Array.isArray(value)) {
    throw typeError(
      jsonKind(value),
      place,
      '[]codersdk.WorkspaceBuildParameter',
    );
  }
  const parameters: Array<{ name: string; value: string }> = [];
  collecting(keep => {
    for (const item of value) {
      keep(() => {
        if (item === null) {
          parameters.push({ name: '', value: '' });
          return;
        }
        if (typeof item !== 'object' || Array.isArray(item)) {
          throw typeError(
            jsonKind(item),
            place,
            'codersdk.WorkspaceBuildParameter',
          );
        }
        const decoded = decodeFields(
          item as Record<string, unknown>,
          { name: { kind: 'string' }, value: { kind: 'string' } },
          { struct: 'WorkspaceBuildParameter', path: place.path },
        );
        parameters.push({
          name: (decoded.name as string | undefined) ?? '',
          value: (decoded.value as string | undefined) ?? '',
        });
      });
    }
  });
  return parameters;
}

function decodeField(value: unknown, field: FieldKind, place: Place): unknown {
  // A JSON null leaves a Go value untouched (and sets pointers to nil).
  if (value === null) return undefined;
  // Only durations read the literal; everything else sees the plain number.
  if (value instanceof GoNumberLiteral && field.kind !== 'duration')
    return decodeField(Number(value.literal), field, place);
  switch (field.kind) {
    case 'string':
      if (typeof value !== 'string')
        throw typeError(jsonKind(value), place, field.goType ?? 'string');
      return value;
    case 'uuid': {
      // uuid.UUID decodes itself from text, so anything else is a type error.
      if (typeof value !== 'string')
        throw typeError(jsonKind(value), place, 'uuid.UUID');
      const parsed = parseUuid(value);
      if (!parsed.ok) throw abort(parsed.error);
      return parsed.value;
    }
    case 'int64':
      if (typeof value !== 'number')
        throw typeError(jsonKind(value), place, 'int64');
      // Go names the literal when it is a number but not an int64.
      if (!Number.isSafeInteger(value))
        throw typeError(`number ${value}`, place, 'int64');
      return value;
    case 'duration': {
      // encoding/json parses an int64 with strconv.ParseInt on the literal.
      let literal: string | undefined;
      if (value instanceof GoNumberLiteral) literal = value.literal;
      else if (typeof value === 'number') literal = String(value);
      if (literal === undefined)
        throw typeError(jsonKind(value), place, 'time.Duration');
      const integer = /^-?[0-9]+$/.test(literal) ? BigInt(literal) : undefined;
      if (
        integer === undefined ||
        integer >= 2n ** 63n ||
        integer < -(2n ** 63n)
      )
        throw typeError(`number ${literal}`, place, 'time.Duration');
      return integer;
    }
    case 'bool':
      if (typeof value !== 'boolean')
        throw typeError(jsonKind(value), place, 'bool');
      return value;
    case 'stringList': {
      if (!Array.isArray(value))
        throw typeError(jsonKind(value), place, `[]${field.goType}`);
      const strings: string[] = [];
      collecting(keep => {
        for (const item of value) {
          keep(() => {
            // null leaves the element at its zero value.
            if (item === null) strings.push('');
            else if (typeof item !== 'string')
              throw typeError(jsonKind(item), place, field.goType);
            else strings.push(item);
          });
        }
      });
      return strings;
    }
    case 'time': {
      if (typeof value !== 'string')
        throw abort('Time.UnmarshalJSON: input is not a JSON string');
      const parsed = parseRfc3339Nano(value, RFC3339_LAYOUT);
      if (!parsed.ok) throw abort(parsed.error);
      return parsed.value;
    }
    case 'bytes':
      return decodeBytes(value, place);
    case 'parameters':
      return decodeParameters(value, place);
    default:
      if (typeof value !== 'object' || Array.isArray(value))
        throw typeError(jsonKind(value), place, field.goType);
      return decodeFields(value as Record<string, unknown>, field.fields, {
        struct: field.goType.replace(/^codersdk\./, ''),
        path: place.path,
      });
  }
}

/** Go's field lookup: the exact name, or else any case-insensitive match. */
function fieldFor(
  key: string,
  fields: Record<string, FieldKind>,
): string | undefined {
  if (Object.prototype.hasOwnProperty.call(fields, key)) return key;
  const lowered = key.toLowerCase();
  return Object.keys(fields).find(name => name.toLowerCase() === lowered);
}

function decodeFields(
  body: Record<string, unknown>,
  fields: Record<string, FieldKind>,
  within: Place,
): Decoded {
  const decoded: Decoded = {};
  // Go keeps decoding after a type error and reports the first one it met.
  collecting(keep => {
    for (const [key, raw] of Object.entries(body)) {
      const name = fieldFor(key, fields);
      if (name === undefined) continue;
      const path = within.path ? `${within.path}.${name}` : name;
      const value = keep(() =>
        decodeField(raw, fields[name], { struct: within.struct, path }),
      );
      if (value !== undefined) decoded[name] = value;
    }
  });
  return decoded;
}

/** Decodes a request body into the named codersdk struct. */
export function decodeStruct(
  body: unknown,
  structName: string,
  fields: Record<string, FieldKind>,
): Decoded {
  if (body === null) return {};
  if (typeof body !== 'object' || Array.isArray(body)) {
    throw invalidJson(
      `json: cannot unmarshal ${jsonKind(body)} into Go value of type codersdk.${structName}`,
    );
  }
  try {
    return decodeFields(body as Record<string, unknown>, fields, {
      struct: structName,
      path: '',
    });
  } catch (error) {
    throw error instanceof AbortDecode ? error.response : error;
  }
}
