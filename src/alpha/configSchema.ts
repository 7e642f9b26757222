/*
 * Extension config takes Standard Schema values that can also describe themselves as
 * JSON Schema (for app-config validation). Our knobs are a few optional scalars, so we
 * describe them directly instead of shipping a schema library's JSON Schema converter.
 */

type JsonType = 'boolean' | 'string';
type JsonValue<T extends JsonType> = T extends 'boolean' ? boolean : string;

/**
 * A Standard Schema (v1) value with JSON Schema support, as extension `configSchema`
 * takes; written out so the package needs no schema library at run time.
 */
export interface OptionalConfigValue<T> {
  readonly '~standard': {
    readonly version: 1;
    readonly vendor: string;
    readonly validate: (
      value: unknown,
    ) =>
      | { readonly value: T | undefined; readonly issues?: undefined }
      | { readonly issues: ReadonlyArray<{ readonly message: string }> };
    readonly types?: {
      readonly input: T | undefined;
      readonly output: T | undefined;
    };
    readonly jsonSchema: {
      readonly input: (options?: unknown) => Record<string, unknown>;
      readonly output: (options?: unknown) => Record<string, unknown>;
    };
  };
}

function optional<T extends JsonType>(
  type: T,
  description: string,
): OptionalConfigValue<JsonValue<T>> {
  const jsonSchema = () => ({ type, description });
  return {
    '~standard': {
      version: 1,
      vendor: 'coder',
      validate(value: unknown) {
        // eslint-disable-next-line valid-typeof
        if (value === undefined || typeof value === type) {
          return { value: value as JsonValue<T> | undefined };
        }
        const received = value === null ? 'null' : typeof value;
        return {
          issues: [{ message: `Expected a ${type}, but received ${received}` }],
        };
      },
      jsonSchema: { input: jsonSchema, output: jsonSchema },
    },
  };
}

/** An optional boolean setting of one extension. */
export const optionalBoolean = (description: string) =>
  optional('boolean', description);

/** An optional string setting of one extension. */
export const optionalString = (description: string) =>
  optional('string', description);
