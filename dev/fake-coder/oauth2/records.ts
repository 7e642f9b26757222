import type { Micros } from '../clock';

/**
 * The OAuth2 provider's rows, after Coder's oauth2_provider_apps, _secrets,
 * _codes and _tokens tables. Secrets are kept in clear because the fake has
 * nobody to hide them from; lookups still go by prefix, as Coder's do.
 */

/** RFC 7591 metadata a dynamically registered client carries. */
export interface RegistrationMetadata {
  redirectUris: string[];
  clientUri: string;
  logoUri: string;
  tosUri: string;
  policyUri: string;
  jwksUri: string;
  jwks?: unknown;
  softwareId: string;
  softwareVersion: string;
  grantTypes: string[];
  responseTypes: string[];
  tokenEndpointAuthMethod: string;
  scope: string;
  contacts: string[];
}

/** An app: admin-created, seeded or dynamically registered. */
export interface OAuth2AppRecord {
  id: string;
  name: string;
  icon: string;
  callbackUrl: string;
  createdAt: Micros;
  updatedAt: Micros;
  /** `none` at registration makes a public client, which gets no secret. */
  clientType: 'confidential' | 'public';
  /** Present for apps created through POST /oauth2/register only. */
  registration?: RegistrationMetadata & {
    clientIdIssuedAt: Micros;
    registrationAccessToken: string;
  };
}

/** A client secret, looked up by its prefix. */
export interface OAuth2SecretRecord {
  id: string;
  appId: string;
  prefix: string;
  secret: string;
  formatted: string;
  createdAt: Micros;
  lastUsedAt?: Micros;
}

/** An authorization code: single use, ten minutes, bound to its request. */
export interface OAuth2CodeRecord {
  appId: string;
  userId: string;
  prefix: string;
  secret: string;
  expiresAt: Micros;
  codeChallenge: string;
  /** Only set when the authorize request named a redirect_uri. */
  redirectUri?: string;
  resource?: string;
}

/** Why a pair stopped working, for the admin API. */
export type RevokedBy = 'revoke' | 'rotation' | 'replaced';

/** One issued access token (an API key) and its refresh token. */
export interface OAuth2TokenPair {
  id: string;
  appId: string;
  userId: string;
  secretId: string;
  /** The API key's id in Store.tokens; deleting it kills both tokens. */
  apiKeyId: string;
  accessToken: string;
  accessExpiresAt: Micros;
  refreshPrefix: string;
  refreshSecret: string;
  refreshToken: string;
  refreshExpiresAt: Micros;
  audience?: string;
  createdAt: Micros;
  revokedBy?: RevokedBy;
}
