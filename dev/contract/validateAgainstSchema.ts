import Ajv, { type ErrorObject, type ValidateFunction } from 'ajv';
import addFormats from 'ajv-formats';
import {
  buildWireDefinitions,
  type WireSchemaMode,
} from './buildWireDefinitions';
import { loadSwaggerDocument, type SwaggerSchema } from './swaggerDocument';

/** The `$id` under which each side's corrected definitions are registered. */
const DEFINITIONS_ID: Record<WireSchemaMode, string> = {
  response: 'https://contract.coder.invalid/response-definitions.json',
  request: 'https://contract.coder.invalid/request-definitions.json',
};

const validators = new Map<WireSchemaMode, Ajv>();
const compiled = new Map<string, ValidateFunction>();

function collectFormats(value: unknown, formats: Set<string>): void {
  if (Array.isArray(value)) {
    value.forEach(item => collectFormats(item, formats));
  } else if (value && typeof value === 'object') {
    for (const [key, child] of Object.entries(value)) {
      if (key === 'format' && typeof child === 'string') {
        formats.add(child);
      } else {
        collectFormats(child, formats);
      }
    }
  }
}

function validatorFor(mode: WireSchemaMode): Ajv {
  const existing = validators.get(mode);
  if (existing) {
    return existing;
  }
  const document = loadSwaggerDocument();
  // strict: false because swagger carries keywords ajv does not know
  // (`example`, `x-enum-varnames`); verbose so errors carry the bad value.
  const ajv = new Ajv({
    strict: false,
    allErrors: true,
    verbose: true,
    logger: false,
    validateSchema: false,
  });
  addFormats(ajv);
  // swaggo writes Go type names as formats (`int64`, `float64`); they say
  // nothing JSON Schema can check, so they are accepted as-is.
  const formats = new Set<string>();
  collectFormats(document, formats);
  for (const format of formats) {
    if (!ajv.formats[format]) {
      ajv.addFormat(format, true);
    }
  }
  ajv.addSchema({
    $id: DEFINITIONS_ID[mode],
    definitions: buildWireDefinitions(document.definitions, mode),
  });
  validators.set(mode, ajv);
  return ajv;
}

/** Points swagger's local `#/definitions/…` refs at the registered definitions. */
function rebaseReferences(schema: unknown, base: string): unknown {
  if (Array.isArray(schema)) {
    return schema.map(item => rebaseReferences(item, base));
  }
  if (schema && typeof schema === 'object') {
    return Object.fromEntries(
      Object.entries(schema).map(([key, value]) => [
        key,
        key === '$ref' && typeof value === 'string' && value.startsWith('#/')
          ? `${base}${value}`
          : rebaseReferences(value, base),
      ]),
    );
  }
  return schema;
}

function compile(
  mode: WireSchemaMode,
  schema: SwaggerSchema,
): ValidateFunction {
  const key = `${mode}:${JSON.stringify(schema)}`;
  const cached = compiled.get(key);
  if (cached) {
    return cached;
  }
  const ajv = validatorFor(mode);
  const validate = ajv.compile(
    rebaseReferences(schema, DEFINITIONS_ID[mode]) as object,
  );
  compiled.set(key, validate);
  return validate;
}

function describeValue(value: unknown): string {
  if (value === undefined) {
    return 'nothing';
  }
  const text = JSON.stringify(value);
  const shown = text.length > 60 ? `${text.slice(0, 57)}...` : text;
  if (Array.isArray(value)) {
    return `array ${shown}`;
  }
  return value !== null && typeof value === 'object'
    ? `object ${shown}`
    : shown;
}

function describeError(error: ErrorObject, prefix: string): string | undefined {
  const at = (pointer: string) =>
    pointer === '' ? prefix || '/' : `${prefix}${pointer}`;
  const path = at(error.instancePath);
  switch (error.keyword) {
    case 'if':
      // The if/else wrapper of a nullable reference; the errors of its
      // `else` branch already say what is wrong.
      return undefined;
    case 'type': {
      const types = String(error.params.type).split(',').join(' or ');
      return `${path}: must be ${types} (got ${describeValue(error.data)})`;
    }
    case 'required':
      return `${at(
        `${error.instancePath}/${String(error.params.missingProperty)}`,
      )}: required property is missing`;
    case 'additionalProperties':
      return `${at(
        `${error.instancePath}/${String(error.params.additionalProperty)}`,
      )}: property is not in the contract`;
    case 'enum': {
      const allowed = (error.params.allowedValues as unknown[])
        .map(value => JSON.stringify(value))
        .join(', ');
      return `${path}: must be one of ${allowed} (got ${describeValue(
        error.data,
      )})`;
    }
    case 'format':
      return `${path}: must be a ${String(error.params.format)} string (got ${describeValue(
        error.data,
      )})`;
    default:
      return `${path}: ${error.message ?? error.keyword}`;
  }
}

/**
 * Validates a JSON value against a swagger schema (usually `{$ref}` or an
 * array of one) made wire-accurate for the given side. Validators are
 * compiled once per schema and reused. Each error names the JSON pointer of
 * the offending value, prefixed with `prefix`, and the problem, e.g.
 * `/workspaces/0/latest_build/deadline: must be string or null (got 5)`.
 */
export function validateAgainstSchema(
  mode: WireSchemaMode,
  schema: SwaggerSchema,
  value: unknown,
  prefix = '',
): string[] {
  const validate = compile(mode, schema);
  if (validate(value)) {
    return [];
  }
  const messages = (validate.errors ?? [])
    .map(error => describeError(error, prefix))
    .filter((message): message is string => message !== undefined);
  return [...new Set(messages)];
}

/** `codersdk.Workspace` for `{$ref: '#/definitions/codersdk.Workspace'}`, for messages. */
export function describeSchema(schema: SwaggerSchema | undefined): string {
  if (!schema) {
    return 'no body';
  }
  if (schema.$ref) {
    return schema.$ref.replace('#/definitions/', '');
  }
  if (schema.type === 'array' && schema.items) {
    return `${describeSchema(schema.items)}[]`;
  }
  return 'an inline schema';
}
