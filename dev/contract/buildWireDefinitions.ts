import type { SwaggerSchema } from './swaggerDocument';
import { WIRE_DIFFERENCES, type WireDifference } from './wireDifferences';

/**
 * Which side of the wire a schema describes.
 *
 * - `response`: what Coder sends. Every declared property is required unless a
 *   wire difference says Go omits it, because swagger's `required` lists are
 *   sparse (§11) and a missing field is exactly the bug a fake server makes.
 * - `request`: what a client sends. Swagger's own `required` lists apply; Coder
 *   fills defaults for the rest.
 *
 * Both sides reject undeclared properties.
 */
export type WireSchemaMode = 'response' | 'request';

type Definitions = Record<string, SwaggerSchema>;

function differencesOfKind<K extends WireDifference['kind']>(
  kind: K,
): Extract<WireDifference, { kind: K }>[] {
  return WIRE_DIFFERENCES.filter(
    (difference): difference is Extract<WireDifference, { kind: K }> =>
      difference.kind === kind,
  );
}

function requireDefinition(
  definitions: Definitions,
  name: string,
  difference: WireDifference,
): SwaggerSchema {
  const definition = definitions[name];
  if (!definition) {
    throw new Error(
      `Wire difference (${difference.kind}) names definition "${name}", which swagger does not have; update dev/contract/wireDifferences.ts`,
    );
  }
  return definition;
}

function requireProperties(
  definitions: Definitions,
  name: string,
  difference: WireDifference,
): Record<string, SwaggerSchema> {
  const properties = requireDefinition(
    definitions,
    name,
    difference,
  ).properties;
  if (!properties) {
    throw new Error(
      `Wire difference (${difference.kind}) expects "${name}" to declare properties`,
    );
  }
  return properties;
}

function requireProperty(
  definitions: Definitions,
  name: string,
  property: string,
  difference: WireDifference,
): Record<string, SwaggerSchema> {
  const properties = requireProperties(definitions, name, difference);
  if (!(property in properties)) {
    throw new Error(
      `Wire difference (${difference.kind}) names "${name}.${property}", which swagger does not declare; update dev/contract/wireDifferences.ts`,
    );
  }
  return properties;
}

/**
 * Makes a property schema also accept `null`. A plain typed schema gets a type
 * union so ajv reports "must be string or null"; a `$ref`/`allOf` schema is
 * wrapped in if/else so errors inside the referenced object stay readable.
 */
function acceptNull(schema: SwaggerSchema): SwaggerSchema {
  if (typeof schema.type === 'string' && !schema.$ref && !schema.allOf) {
    return {
      ...schema,
      type: [schema.type, 'null'],
      ...(schema.enum ? { enum: [...schema.enum, null] } : {}),
    };
  }
  if (Array.isArray(schema.type)) {
    return schema.type.includes('null')
      ? schema
      : { ...schema, type: [...schema.type, 'null'] };
  }
  return { if: { type: 'null' }, else: schema };
}

const SUBSCHEMA_KEYWORDS = ['items', 'if', 'then', 'else', 'not'] as const;
const SUBSCHEMA_LIST_KEYWORDS = ['allOf', 'anyOf', 'oneOf'] as const;

/**
 * Closes every object that declares `properties`: undeclared keys fail, and in
 * response mode every property is required except the optional ones. Objects
 * swagger declares as maps (`additionalProperties: {...}`) stay open.
 */
function closeObjects(
  schema: SwaggerSchema,
  mode: WireSchemaMode,
  optionalProperties: ReadonlySet<string>,
): void {
  if (schema.properties) {
    if (schema.additionalProperties === undefined) {
      schema.additionalProperties = false;
    }
    if (mode === 'response') {
      schema.required = Object.keys(schema.properties).filter(
        property => !optionalProperties.has(property),
      );
    }
    for (const property of Object.values(schema.properties)) {
      closeObjects(property, mode, new Set());
    }
  }
  if (
    typeof schema.additionalProperties === 'object' &&
    schema.additionalProperties !== null
  ) {
    closeObjects(schema.additionalProperties, mode, new Set());
  }
  for (const keyword of SUBSCHEMA_KEYWORDS) {
    const subschema = schema[keyword];
    if (subschema && typeof subschema === 'object') {
      closeObjects(subschema as SwaggerSchema, mode, new Set());
    }
  }
  for (const keyword of SUBSCHEMA_LIST_KEYWORDS) {
    const list = schema[keyword];
    if (Array.isArray(list)) {
      for (const subschema of list as SwaggerSchema[]) {
        closeObjects(subschema, mode, new Set());
      }
    }
  }
}

/**
 * Builds the wire-accurate copy of swagger's `definitions` for one side of the
 * wire: applies every schema-level entry of {@link WIRE_DIFFERENCES}, then
 * closes all objects. Throws if an entry names a definition or property that
 * swagger no longer has, so a swagger update cannot silently void an entry.
 */
export function buildWireDefinitions(
  swaggerDefinitions: Readonly<Definitions>,
  mode: WireSchemaMode,
): Definitions {
  const definitions = structuredClone(swaggerDefinitions) as Definitions;

  for (const difference of differencesOfKind('replacedDefinition')) {
    requireDefinition(definitions, difference.definition, difference);
    definitions[difference.definition] = structuredClone(difference.schema);
  }

  for (const difference of differencesOfKind('propertySchema')) {
    const properties = requireProperty(
      definitions,
      difference.definition,
      difference.property,
      difference,
    );
    properties[difference.property] = structuredClone(difference.schema);
  }

  for (const difference of differencesOfKind('widenedEnum')) {
    const properties = requireProperty(
      definitions,
      difference.definition,
      difference.property,
      difference,
    );
    const property = properties[difference.property];
    if (!property.enum || !property.allOf) {
      throw new Error(
        `Wire difference (widenedEnum) expects "${difference.definition}.${difference.property}" to narrow a referenced enum`,
      );
    }
    const widened = { ...property };
    delete widened.enum;
    properties[difference.property] = widened;
  }

  // Extra properties are never required: the wire may or may not carry them.
  const optionalByDefinition = new Map<string, Set<string>>();
  const markOptional = (definition: string, property: string) => {
    const optional = optionalByDefinition.get(definition) ?? new Set<string>();
    optional.add(property);
    optionalByDefinition.set(definition, optional);
  };

  for (const difference of differencesOfKind('extraProperty')) {
    const properties = requireProperties(
      definitions,
      difference.definition,
      difference,
    );
    if (difference.property in properties) {
      throw new Error(
        `Wire difference (extraProperty) adds "${difference.definition}.${difference.property}", which swagger now declares; remove the entry`,
      );
    }
    properties[difference.property] = structuredClone(difference.schema);
    markOptional(difference.definition, difference.property);
  }

  for (const difference of differencesOfKind('renamedProperties')) {
    const definition = requireDefinition(
      definitions,
      difference.definition,
      difference,
    );
    const properties = requireProperties(
      definitions,
      difference.definition,
      difference,
    );
    const renamed: Record<string, SwaggerSchema> = {};
    for (const [name, schema] of Object.entries(properties)) {
      renamed[difference.renames[name] ?? name] = schema;
    }
    for (const swaggerName of Object.keys(difference.renames)) {
      if (!(swaggerName in properties)) {
        throw new Error(
          `Wire difference (renamedProperties) renames "${difference.definition}.${swaggerName}", which swagger does not declare`,
        );
      }
    }
    definition.properties = renamed;
    if (definition.required) {
      definition.required = definition.required.map(
        name => difference.renames[name] ?? name,
      );
    }
  }

  for (const difference of differencesOfKind('nullable')) {
    for (const property of difference.properties) {
      const properties = requireProperty(
        definitions,
        difference.definition,
        property,
        difference,
      );
      properties[property] = acceptNull(properties[property]);
    }
  }

  for (const difference of differencesOfKind('omittedWhenEmpty')) {
    for (const property of difference.properties) {
      requireProperty(definitions, difference.definition, property, difference);
      markOptional(difference.definition, property);
    }
  }

  for (const [name, definition] of Object.entries(definitions)) {
    closeObjects(definition, mode, optionalByDefinition.get(name) ?? new Set());
  }
  return definitions;
}
