import {
  createApiRef,
  type OAuthApi,
  type ProfileInfoApi,
  type SessionApi,
} from '@backstage/core-plugin-api';

/**
 * Coder as an auth provider for the whole app: any plugin can call Coder as the user
 * with `getAccessToken()` (a Coder API key, for the `Coder-Session-Token` header), read
 * the Coder profile, sign in (OAuth2 popup) and out, and watch the session state.
 *
 * @public
 */
export type CoderAuthApi = OAuthApi & ProfileInfoApi & SessionApi;

/** The app's {@link CoderAuthApi}, registered by the Coder plugin. @public */
export const coderAuthApiRef = createApiRef<CoderAuthApi>({
  id: 'plugin.coder.auth',
});
