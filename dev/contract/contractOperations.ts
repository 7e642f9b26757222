import {
  loadSwaggerDocument,
  type SwaggerParameter,
  type SwaggerResponse,
} from './swaggerDocument';
import { WIRE_DIFFERENCES, type WireDifference } from './wireDifferences';

/**
 * One swagger operation with the parameter and status entries of
 * {@link WIRE_DIFFERENCES} applied.
 */
export interface ContractOperation {
  /** Lower-case HTTP method, as swagger keys it. */
  method: string;
  /** The swagger path template, e.g. `/api/v2/workspaces/{workspace}`. */
  template: string;
  parameters: SwaggerParameter[];
  responses: Record<string, SwaggerResponse>;
}

/** The result of looking a concrete request up in swagger. */
export type OperationLookup =
  | {
      kind: 'found';
      operation: ContractOperation;
      /** Decoded values of the template's `{param}` segments. */
      pathParameters: Record<string, string>;
    }
  | { kind: 'methodNotAllowed'; template: string; allowedMethods: string[] }
  | { kind: 'notFound' };

interface PathTemplate {
  template: string;
  segments: string[];
  /** 0 for a literal segment, 1 for a `{param}`; compared to rank matches. */
  specificity: number[];
  operations: Map<string, ContractOperation>;
}

function isParameterSegment(segment: string): boolean {
  return segment.startsWith('{') && segment.endsWith('}');
}

function differenceTarget(
  templates: Map<string, PathTemplate>,
  path: string,
  method: string,
  difference: WireDifference,
): ContractOperation {
  const operation = templates.get(path)?.operations.get(method);
  if (!operation) {
    throw new Error(
      `Wire difference (${difference.kind}) names ${method.toUpperCase()} ${path}, which swagger does not declare; update dev/contract/wireDifferences.ts`,
    );
  }
  return operation;
}

function findParameter(
  operation: ContractOperation,
  name: string,
  difference: WireDifference,
): SwaggerParameter {
  const parameter = operation.parameters.find(
    candidate => candidate.name === name,
  );
  if (!parameter) {
    throw new Error(
      `Wire difference (${difference.kind}) names parameter "${name}" of ${operation.method.toUpperCase()} ${operation.template}, which swagger does not declare`,
    );
  }
  return parameter;
}

function applyOperationDifferences(templates: Map<string, PathTemplate>): void {
  const allOperations = [...templates.values()].flatMap(template => [
    ...template.operations.values(),
  ]);
  for (const difference of WIRE_DIFFERENCES) {
    switch (difference.kind) {
      case 'responseStatus': {
        const operation = differenceTarget(
          templates,
          difference.path,
          difference.method,
          difference,
        );
        for (const status of difference.removeStatuses) {
          if (!operation.responses[status]) {
            throw new Error(
              `Wire difference (responseStatus) removes status ${status} from ${difference.method.toUpperCase()} ${difference.path}, which swagger no longer declares`,
            );
          }
          delete operation.responses[status];
        }
        operation.responses[difference.status] = {
          description: difference.reason,
          schema: difference.schema,
        };
        break;
      }
      case 'addedParameter':
        for (const method of difference.methods) {
          const operation = differenceTarget(
            templates,
            difference.path,
            method,
            difference,
          );
          if (
            operation.parameters.some(
              parameter => parameter.name === difference.parameter.name,
            )
          ) {
            throw new Error(
              `Wire difference (addedParameter) adds "${difference.parameter.name}" to ${method.toUpperCase()} ${difference.path}, which swagger now declares; remove the entry`,
            );
          }
          operation.parameters.push({ ...difference.parameter });
        }
        break;
      case 'optionalParameter':
        for (const method of difference.methods) {
          const operation = differenceTarget(
            templates,
            difference.path,
            method,
            difference,
          );
          findParameter(operation, difference.name, difference).required =
            false;
        }
        break;
      case 'restrictedParameterEnum':
        for (const method of difference.methods) {
          const operation = differenceTarget(
            templates,
            difference.path,
            method,
            difference,
          );
          findParameter(operation, difference.name, difference).enum = [
            ...difference.enum,
          ];
        }
        break;
      case 'pathParameterFormat': {
        let used = false;
        for (const operation of allOperations) {
          for (const parameter of operation.parameters) {
            if (parameter.in === 'path' && parameter.name === difference.name) {
              used = true;
              parameter.type = 'string';
              if (difference.format === 'uuid') {
                parameter.format = 'uuid';
              } else {
                delete parameter.format;
              }
            }
          }
        }
        if (!used) {
          throw new Error(
            `Wire difference (pathParameterFormat) names path parameter {${difference.name}}, which no swagger operation uses`,
          );
        }
        break;
      }
      default:
        // Schema-level entries are applied by buildWireDefinitions.
        break;
    }
  }
}

let cachedTemplates: PathTemplate[] | undefined;

function pathTemplates(): PathTemplate[] {
  if (cachedTemplates) {
    return cachedTemplates;
  }
  const document = loadSwaggerDocument();
  const templates = new Map<string, PathTemplate>();
  for (const [template, item] of Object.entries(document.paths)) {
    const segments = template.split('/');
    const operations = new Map<string, ContractOperation>();
    for (const [method, operation] of Object.entries(item)) {
      // Copies, so corrections never leak into the shared document.
      operations.set(method, {
        method,
        template,
        parameters: (operation.parameters ?? []).map(parameter => ({
          ...parameter,
        })),
        responses: { ...operation.responses },
      });
    }
    templates.set(template, {
      template,
      segments,
      specificity: segments.map(segment =>
        isParameterSegment(segment) ? 1 : 0,
      ),
      operations,
    });
  }
  applyOperationDifferences(templates);
  cachedTemplates = [...templates.values()];
  return cachedTemplates;
}

function compareSpecificity(left: PathTemplate, right: PathTemplate): number {
  for (let index = 0; index < left.specificity.length; index++) {
    const difference = left.specificity[index] - right.specificity[index];
    if (difference !== 0) {
      return difference;
    }
  }
  return 0;
}

function decodeSegment(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}

function matchTemplate(
  template: PathTemplate,
  segments: string[],
): Record<string, string> | undefined {
  if (template.segments.length !== segments.length) {
    return undefined;
  }
  const parameters: Record<string, string> = {};
  for (let index = 0; index < segments.length; index++) {
    const expected = template.segments[index];
    const actual = segments[index];
    if (isParameterSegment(expected)) {
      if (actual === '') {
        return undefined;
      }
      parameters[expected.slice(1, -1)] = decodeSegment(actual);
    } else if (expected !== actual) {
      return undefined;
    }
  }
  return parameters;
}

/**
 * Every operation swagger declares, corrected by the wire-difference list.
 * Built once per process.
 */
export function contractOperations(): ContractOperation[] {
  return pathTemplates().flatMap(template => [...template.operations.values()]);
}

/**
 * Finds the swagger operation for a concrete request path (query string
 * ignored). When several templates match, literal segments win over `{param}`
 * segments from left to right, the way Coder's chi router prefers static routes
 * (so `/api/v2/workspaceagents/me/logs` is not `{workspaceagent}/logs`). A
 * template without the method is skipped in favour of a less specific one that
 * has it, as chi does before answering 405.
 */
export function findOperation(method: string, path: string): OperationLookup {
  const pathname = path.split('?')[0].split('#')[0];
  const segments = pathname.split('/');
  const lowerMethod = method.toLowerCase();
  const candidates = pathTemplates()
    .map(template => ({
      template,
      parameters: matchTemplate(template, segments),
    }))
    .filter(
      (
        candidate,
      ): candidate is {
        template: PathTemplate;
        parameters: Record<string, string>;
      } => candidate.parameters !== undefined,
    )
    .sort((left, right) => compareSpecificity(left.template, right.template));

  for (const candidate of candidates) {
    const operation = candidate.template.operations.get(lowerMethod);
    if (operation) {
      return {
        kind: 'found',
        operation,
        pathParameters: candidate.parameters,
      };
    }
  }
  if (candidates.length > 0) {
    return {
      kind: 'methodNotAllowed',
      template: candidates[0].template.template,
      allowedMethods: [
        ...new Set(
          candidates.flatMap(candidate => [
            ...candidate.template.operations.keys(),
          ]),
        ),
      ].map(allowed => allowed.toUpperCase()),
    };
  }
  return { kind: 'notFound' };
}

/** A readable reason for a lookup that found no operation. */
export function describeFailedLookup(
  method: string,
  path: string,
  lookup: Exclude<OperationLookup, { kind: 'found' }>,
): string {
  if (lookup.kind === 'methodNotAllowed') {
    return `${method.toUpperCase()} is not declared for ${lookup.template} (swagger declares ${lookup.allowedMethods.join(', ')})`;
  }
  return `No swagger path matches ${method.toUpperCase()} ${path}`;
}
