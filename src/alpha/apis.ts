import { ApiBlueprint } from '@backstage/frontend-plugin-api';
import {
  coderAuthApiFactory,
  coderClientApiFactory,
  coderTokenStoreApiFactory,
} from '../apiFactories';

/*
 * The same factories the classic plugin registers, one extension each, so an app can
 * replace any of them (say, a token store of its own) with an override.
 */

/** The linked session token and where it is kept. @alpha */
export const coderTokenStoreApi = ApiBlueprint.make({
  name: 'token-store',
  params: defineParams => defineParams(coderTokenStoreApiFactory),
});

/** Coder auth: tokens, and OAuth2 sign-in when `coder.oauth` is configured. @alpha */
export const coderAuthApi = ApiBlueprint.make({
  name: 'auth',
  params: defineParams => defineParams(coderAuthApiFactory),
});

/** The Coder API client, through the Backstage proxy. @alpha */
export const coderClientApi = ApiBlueprint.make({
  name: 'client',
  params: defineParams => defineParams(coderClientApiFactory),
});
