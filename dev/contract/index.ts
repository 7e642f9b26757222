export type { ContractResult } from './contractResult';
export {
  contractOperations,
  findOperation,
  type ContractOperation,
  type OperationLookup,
} from './contractOperations';
export {
  buildWireDefinitions,
  type WireSchemaMode,
} from './buildWireDefinitions';
export { expectValidRequest, expectValidResponse } from './expectContract';
export {
  loadSwaggerDocument,
  swaggerDocumentPath,
  type SwaggerDocument,
  type SwaggerOperation,
  type SwaggerParameter,
  type SwaggerResponse,
  type SwaggerSchema,
} from './swaggerDocument';
export { validateAgainstSchema } from './validateAgainstSchema';
export { validateRequest, type RequestToValidate } from './validateRequest';
export {
  validateResponse,
  type HeadersLike,
  type ResponseToValidate,
} from './validateResponse';
export {
  OAUTH2_ERROR_SCHEMA,
  WIRE_DIFFERENCES,
  type WireDifference,
} from './wireDifferences';
