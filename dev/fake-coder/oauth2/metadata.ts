import { Exchange, sendJson } from './http';

/**
 * Discovery documents (coderd/oauth2provider/metadata.go): RFC 8414
 * authorization-server metadata and RFC 9728 protected-resource metadata,
 * both naming the access URL. Not behind no-store: Coder leaves discovery
 * cacheable.
 */

/**
 * rbac.ExternalScopeNames(), sorted: coder:all, coder:application_connect,
 * the composite coder:* scopes and the curated resource:action scopes
 * (coderd/rbac/scopes_catalog.go). Coder ignores requested scopes for now and
 * issues coder:all, so the list is informational.
 */
export const SCOPES_SUPPORTED: readonly string[] = [
  'coder:all',
  'coder:application_connect',
  'coder:apikeys.manage_self',
  'coder:templates.author',
  'coder:templates.build',
  'coder:workspaces.access',
  'coder:workspaces.create',
  'coder:workspaces.delete',
  'coder:workspaces.operate',
  'api_key:*',
  'api_key:create',
  'api_key:delete',
  'api_key:read',
  'api_key:update',
  'file:*',
  'file:create',
  'file:read',
  'organization:*',
  'organization:delete',
  'organization:read',
  'organization:update',
  'template:*',
  'template:create',
  'template:delete',
  'template:read',
  'template:update',
  'template:use',
  'user:*',
  'user:read',
  'user:read_personal',
  'user:update_personal',
  'workspace:*',
  'workspace:application_connect',
  'workspace:create',
  'workspace:delete',
  'workspace:read',
  'workspace:ssh',
  'workspace:start',
  'workspace:stop',
  'workspace:update',
].sort();

/** GET /.well-known/oauth-authorization-server (and sub-paths). */
export function getAuthorizationServerMetadata(exchange: Exchange): void {
  const { accessUrl, oauth2 } = exchange.deployment;
  sendJson(exchange, 200, {
    issuer: accessUrl,
    authorization_endpoint: `${accessUrl}/oauth2/authorize`,
    token_endpoint: `${accessUrl}/oauth2/tokens`,
    // omitempty: only present while dynamic client registration is on.
    ...(oauth2.settings.dcrEnabled
      ? { registration_endpoint: `${accessUrl}/oauth2/register` }
      : {}),
    revocation_endpoint: `${accessUrl}/oauth2/revoke`,
    response_types_supported: ['code'],
    grant_types_supported: ['authorization_code', 'refresh_token'],
    code_challenge_methods_supported: ['S256'],
    scopes_supported: SCOPES_SUPPORTED,
    token_endpoint_auth_methods_supported: [
      'client_secret_basic',
      'client_secret_post',
    ],
  });
}

/** GET /.well-known/oauth-protected-resource. */
export function getProtectedResourceMetadata(exchange: Exchange): void {
  const { accessUrl } = exchange.deployment;
  sendJson(exchange, 200, {
    resource: accessUrl,
    authorization_servers: [accessUrl],
    scopes_supported: SCOPES_SUPPORTED,
    bearer_methods_supported: ['header', 'query'],
  });
}
