import { readFileSync } from 'node:fs';
import path from 'node:path';

/**
 * A JSON Schema fragment as swaggo writes it (Swagger 2.0 schema objects).
 * Kept loose on purpose: the contract code reads only a few keywords and hands
 * the rest to ajv unchanged.
 */
export interface SwaggerSchema {
  type?: string | string[];
  format?: string;
  enum?: unknown[];
  $ref?: string;
  allOf?: SwaggerSchema[];
  items?: SwaggerSchema;
  properties?: Record<string, SwaggerSchema>;
  additionalProperties?: boolean | SwaggerSchema;
  required?: string[];
  description?: string;
  [keyword: string]: unknown;
}

/** One entry of an operation's `parameters` list (Swagger 2.0). */
export interface SwaggerParameter {
  name: string;
  in: 'query' | 'path' | 'body' | 'header' | 'formData';
  required?: boolean;
  type?: string;
  format?: string;
  enum?: unknown[];
  items?: SwaggerSchema;
  schema?: SwaggerSchema;
  description?: string;
}

/** One declared response of an operation; `schema` is absent for bodiless responses. */
export interface SwaggerResponse {
  description?: string;
  schema?: SwaggerSchema;
}

/** One HTTP method of a path item. */
export interface SwaggerOperation {
  operationId?: string;
  summary?: string;
  deprecated?: boolean;
  consumes?: string[];
  produces?: string[];
  parameters?: SwaggerParameter[];
  responses: Record<string, SwaggerResponse>;
  security?: unknown[];
}

/** The parts of Coder's Swagger 2.0 document the contract validator reads. */
export interface SwaggerDocument {
  swagger: string;
  basePath: string;
  paths: Record<string, Record<string, SwaggerOperation>>;
  definitions: Record<string, SwaggerSchema>;
}

/**
 * Where Coder's generated swagger lives. It is shared between the projects in
 * this workspace (`/work/shared/coder-api`, a sibling of the repository) and is
 * deliberately not copied into the repository; `CODER_SWAGGER_PATH` points
 * elsewhere, e.g. at a newer Coder's `coderd/apidoc/swagger.json`.
 */
export function swaggerDocumentPath(): string {
  return (
    process.env.CODER_SWAGGER_PATH ??
    path.resolve(__dirname, '../../../shared/coder-api/swagger.json')
  );
}

let cachedDocument: SwaggerDocument | undefined;

/**
 * Loads and parses Coder's swagger once per process. The result is shared and
 * must be treated as read-only; the schema builders copy before they change
 * anything.
 */
export function loadSwaggerDocument(): SwaggerDocument {
  if (cachedDocument) {
    return cachedDocument;
  }
  const file = swaggerDocumentPath();
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    throw new Error(
      `Cannot read Coder's swagger at ${file} (set CODER_SWAGGER_PATH to override): ${String(
        error,
      )}`,
    );
  }
  const document = JSON.parse(text) as SwaggerDocument;
  // Paths are matched as absolute request paths; a document from before
  // coder/coder#24779 (basePath `/api/v2`) would silently match nothing.
  if (document.swagger !== '2.0' || document.basePath !== '/') {
    throw new Error(
      `Expected a Swagger 2.0 document with basePath "/" at ${file}, got swagger ${document.swagger} and basePath ${document.basePath}`,
    );
  }
  cachedDocument = document;
  return document;
}
