import type { IncomingMessage } from 'node:http';
import { apiError, ApiError } from './errors';
import { parseUuid } from './uuid';

/** coderd/httpapi caps request bodies at 4 MiB. */
export const MAX_BODY_BYTES = 4 * 1024 * 1024;

export function readBody(
  request: IncomingMessage,
  limit = MAX_BODY_BYTES,
): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    let done = false;
    request.on('data', (chunk: Buffer) => {
      if (done) return;
      size += chunk.length;
      if (size > limit) {
        done = true;
        // Go's http.MaxBytesError text.
        reject(
          apiError(
            413,
            'Request body too large.',
            'http: request body too large',
          ),
        );
        return;
      }
      chunks.push(chunk);
    });
    request.on('end', () => {
      if (done) return;
      done = true;
      resolve(Buffer.concat(chunks));
    });
    request.on('error', error => {
      if (done) return;
      done = true;
      reject(error);
    });
  });
}

function invalidJson(detail: string): ApiError {
  return apiError(400, 'Request body must be valid JSON.', detail);
}

/** JSON.parse with Go encoding/json-like error texts for the usual mistakes. */
export function parseJsonBody(text: string): unknown {
  const trimmed = text.trim();
  if (trimmed === '') throw invalidJson('EOF');
  try {
    return JSON.parse(trimmed);
  } catch (error) {
    const first = trimmed[0];
    if (!/[{["tfn0-9-]/.test(first)) {
      throw invalidJson(
        `invalid character '${first}' looking for beginning of value`,
      );
    }
    const message = error instanceof Error ? error.message : '';
    if (/end of JSON input|Unterminated/i.test(message))
      throw invalidJson('unexpected EOF');
    const position = /position (\d+)/.exec(message);
    const character = position ? trimmed[Number(position[1])] : undefined;
    if (character === undefined) throw invalidJson('unexpected EOF');
    throw invalidJson(
      `invalid character '${character}' looking for beginning of value`,
    );
  }
}

/**
 * Field kinds of the Coder request structs we decode, so a wrongly typed
 * field fails like Go's json.Unmarshal does.
 */
export type FieldKind =
  | { kind: 'string'; goType?: string }
  | { kind: 'uuid' }
  | { kind: 'int64' }
  | { kind: 'bool' }
  | { kind: 'time' }
  | { kind: 'bytes' }
  | { kind: 'parameters' }
  | { kind: 'object'; goType: string; fields: Record<string, FieldKind> };

export type Decoded = Record<string, unknown>;

function jsonTypeName(value: unknown): string {
  if (Array.isArray(value)) return 'array';
  if (value === null) return 'null';
  if (typeof value === 'boolean') return 'bool';
  return typeof value;
}

function typeError(
  value: unknown,
  structName: string,
  path: string,
  goType: string,
): ApiError {
  const described =
    typeof value === 'number' ? `number ${value}` : jsonTypeName(value);
  return invalidJson(
    `json: cannot unmarshal ${described} into Go struct field ${structName}.${path} of type ${goType}`,
  );
}

function decodeField(
  value: unknown,
  field: FieldKind,
  structName: string,
  path: string,
): unknown {
  // A JSON null leaves a Go value untouched.
  if (value === null) return undefined;
  switch (field.kind) {
    case 'string':
      if (typeof value !== 'string')
        throw typeError(value, structName, path, field.goType ?? 'string');
      return value;
    case 'uuid': {
      if (typeof value !== 'string')
        throw typeError(value, structName, path, 'uuid.UUID');
      const parsed = parseUuid(value);
      if (!parsed.ok) throw invalidJson(parsed.error);
      return parsed.value;
    }
    case 'int64':
      if (typeof value !== 'number' || !Number.isInteger(value))
        throw typeError(value, structName, path, 'int64');
      return value;
    case 'bool':
      if (typeof value !== 'boolean')
        throw typeError(value, structName, path, 'bool');
      return value;
    case 'time': {
      if (typeof value !== 'string')
        throw typeError(value, structName, path, 'time.Time');
      const milliseconds = Date.parse(value);
      if (Number.isNaN(milliseconds)) {
        throw invalidJson(
          `parsing time ${JSON.stringify(value)} as "2006-01-02T15:04:05Z07:00": cannot parse ${JSON.stringify(value)} as "2006"`,
        );
      }
      return milliseconds;
    }
    case 'bytes':
      if (typeof value !== 'string' && !Array.isArray(value))
        throw typeError(value, structName, path, '[]uint8');
      return value;
    case 'parameters': {
      if (!Array.isArray(value))
        throw typeError(
          value,
          structName,
          path,
          '[]codersdk.WorkspaceBuildParameter',
        );
      return value.map(item => {
        if (item === null) return { name: '', value: '' };
        if (typeof item !== 'object' || Array.isArray(item)) {
          throw typeError(
            item,
            structName,
            path,
            'codersdk.WorkspaceBuildParameter',
          );
        }
        const entry = item as Record<string, unknown>;
        const name = decodeField(
          entry.name,
          { kind: 'string' },
          structName,
          `${path}.name`,
        );
        const parameterValue = decodeField(
          entry.value,
          { kind: 'string' },
          structName,
          `${path}.value`,
        );
        return {
          name: (name as string | undefined) ?? '',
          value: (parameterValue as string | undefined) ?? '',
        };
      });
    }
    default: {
      if (typeof value !== 'object' || Array.isArray(value))
        throw typeError(value, structName, path, field.goType);
      return decodeFields(
        value as Record<string, unknown>,
        field.fields,
        structName,
        `${path}.`,
      );
    }
  }
}

function decodeFields(
  body: Record<string, unknown>,
  fields: Record<string, FieldKind>,
  structName: string,
  prefix: string,
): Decoded {
  const decoded: Decoded = {};
  for (const [name, field] of Object.entries(fields)) {
    if (!(name in body)) continue;
    const value = decodeField(
      body[name],
      field,
      structName,
      `${prefix}${name}`,
    );
    if (value !== undefined) decoded[name] = value;
  }
  return decoded;
}

/** Decodes a request body into the named codersdk struct; unknown keys are ignored, as in Go. */
export function decodeStruct(
  body: unknown,
  structName: string,
  fields: Record<string, FieldKind>,
): Decoded {
  if (body === null) return {};
  if (typeof body !== 'object' || Array.isArray(body)) {
    throw invalidJson(
      `json: cannot unmarshal ${jsonTypeName(body)} into Go value of type codersdk.${structName}`,
    );
  }
  return decodeFields(body as Record<string, unknown>, fields, structName, '');
}
