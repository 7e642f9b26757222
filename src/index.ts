/**
 * Coder workspaces in Backstage: link a Coder account, then see, create, start, stop and
 * open the workspaces of a catalog entity's repository.
 *
 * @packageDocumentation
 */
export { coderPlugin } from './plugin';
export { coderApiRef } from './api/CoderApi';
export type { CoderApi, CoderRequestOptions } from './api/CoderApi';
export { CoderClient } from './api/CoderClient';
export type { CoderClientOptions } from './api/CoderClient';
export { CoderParseError, isCoderResponseError } from './api/errors';
export type {
  CoderErrorDetails,
  CoderResponseError,
  CoderValidation,
} from './api/errors';
export type * from './api/types';
export { CoderTokenStore } from './auth/CoderTokenStore';
export type {
  CoderTokenStorage,
  CoderTokenStoreOptions,
} from './auth/CoderTokenStore';
export { coderTokenStoreApiRef } from './auth/coderTokenStoreApiRef';
