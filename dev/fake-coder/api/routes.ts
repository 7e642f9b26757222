import { OAUTH2_API_ROUTES } from '../oauth2/apiRoutes';
import { apiRoute, publicRoute, Route } from '../router';
import { deleteApiKey, getTokenConfig, getTokens, postToken } from './apiKeys';
import { getApplicationsHost, getBuildInfo, getRegions } from './deployment';
import {
  getOrganizationTemplateByName,
  getOrganizationTemplates,
  getTemplate,
  getTemplates,
  getTemplateVersion,
  getTemplateVersionPresets,
  getTemplateVersionRichParameters,
} from './templates';
import {
  getOrganization,
  getOrganizations,
  getUser,
  getUserOrganizations,
  postUserKey,
} from './users';
import {
  getWorkspaceAgent,
  getWorkspaceBuild,
  getWorkspaceBuildParameters,
  getWorkspaceBuilds,
  patchCancelWorkspaceBuild,
} from './workspaceBuilds';
import { postWorkspaceBuild } from './createWorkspaceBuild';
import { postUserWorkspace } from './createWorkspace';
import { putWorkspaceExtend } from './workspaceDeadline';
import {
  deleteWorkspaceFavorite,
  getWorkspace,
  getWorkspaceByOwnerAndName,
  getWorkspaces,
  putWorkspaceFavorite,
} from './workspaces';

/** The slice of Coder's `/api/v2` the fake serves; paths as in swagger.json. */
export const API_ROUTES: Route[] = [
  // First, so /users/login is not taken for /users/{user}.
  ...OAUTH2_API_ROUTES,
  publicRoute('GET', '/api/v2/buildinfo', getBuildInfo),
  apiRoute('GET', '/api/v2/regions', getRegions),
  apiRoute('GET', '/api/v2/applications/host', getApplicationsHost),

  apiRoute('GET', '/api/v2/users/:user', getUser),
  apiRoute('GET', '/api/v2/users/:user/organizations', getUserOrganizations),
  apiRoute('POST', '/api/v2/users/:user/keys', postUserKey),
  // Before /keys/{keyid}, as chi prefers the literal segment.
  apiRoute('POST', '/api/v2/users/:user/keys/tokens', postToken),
  apiRoute('GET', '/api/v2/users/:user/keys/tokens', getTokens),
  apiRoute(
    'GET',
    '/api/v2/users/:user/keys/tokens/tokenconfig',
    getTokenConfig,
  ),
  apiRoute('DELETE', '/api/v2/users/:user/keys/:keyid', deleteApiKey),
  apiRoute(
    'GET',
    '/api/v2/users/:user/workspace/:workspacename',
    getWorkspaceByOwnerAndName,
  ),
  apiRoute('POST', '/api/v2/users/:user/workspaces', postUserWorkspace),
  apiRoute('GET', '/api/v2/organizations', getOrganizations),
  apiRoute('GET', '/api/v2/organizations/:organization', getOrganization),
  apiRoute(
    'GET',
    '/api/v2/organizations/:organization/templates',
    getOrganizationTemplates,
  ),
  apiRoute(
    'GET',
    '/api/v2/organizations/:organization/templates/:templatename',
    getOrganizationTemplateByName,
  ),
  // Deprecated twin of POST /users/{user}/workspaces.
  apiRoute(
    'POST',
    '/api/v2/organizations/:organization/members/:user/workspaces',
    postUserWorkspace,
  ),

  apiRoute('GET', '/api/v2/workspaces', getWorkspaces),
  apiRoute('GET', '/api/v2/workspaces/:workspace', getWorkspace),
  apiRoute('GET', '/api/v2/workspaces/:workspace/builds', getWorkspaceBuilds),
  apiRoute('POST', '/api/v2/workspaces/:workspace/builds', postWorkspaceBuild),
  apiRoute('PUT', '/api/v2/workspaces/:workspace/extend', putWorkspaceExtend),
  apiRoute(
    'PUT',
    '/api/v2/workspaces/:workspace/favorite',
    putWorkspaceFavorite,
  ),
  apiRoute(
    'DELETE',
    '/api/v2/workspaces/:workspace/favorite',
    deleteWorkspaceFavorite,
  ),
  apiRoute('GET', '/api/v2/workspacebuilds/:workspacebuild', getWorkspaceBuild),
  apiRoute(
    'GET',
    '/api/v2/workspacebuilds/:workspacebuild/parameters',
    getWorkspaceBuildParameters,
  ),
  apiRoute(
    'PATCH',
    '/api/v2/workspacebuilds/:workspacebuild/cancel',
    patchCancelWorkspaceBuild,
  ),
  apiRoute('GET', '/api/v2/workspaceagents/:workspaceagent', getWorkspaceAgent),

  apiRoute('GET', '/api/v2/templates', getTemplates),
  apiRoute('GET', '/api/v2/templates/:template', getTemplate),
  apiRoute(
    'GET',
    '/api/v2/templateversions/:templateversion',
    getTemplateVersion,
  ),
  apiRoute(
    'GET',
    '/api/v2/templateversions/:templateversion/rich-parameters',
    getTemplateVersionRichParameters,
  ),
  apiRoute(
    'GET',
    '/api/v2/templateversions/:templateversion/presets',
    getTemplateVersionPresets,
  ),
];
