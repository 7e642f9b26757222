import { apiRoute, publicRoute, Route } from '../router';
import { getAvailableExperiments, getExperiments } from './experiments';
import { postLogin, postLogout } from './login';
import {
  deleteApp,
  deleteAppSecret,
  gated,
  getApp,
  getApps,
  getAppSecrets,
  getSettings,
  postApp,
  postAppSecret,
  putApp,
  putSettings,
} from './management';

/**
 * The `/api/v2` routes the OAuth2 work adds: password login and logout, the
 * experiment list, and the OAuth2 provider's management API (behind the
 * `oauth2` experiment).
 */
export const OAUTH2_API_ROUTES: Route[] = [
  publicRoute('POST', '/api/v2/users/login', postLogin),
  apiRoute('POST', '/api/v2/users/logout', postLogout),
  apiRoute('GET', '/api/v2/experiments', getExperiments),
  apiRoute('GET', '/api/v2/experiments/available', getAvailableExperiments),

  apiRoute('GET', '/api/v2/oauth2-provider/apps', gated(getApps)),
  apiRoute('POST', '/api/v2/oauth2-provider/apps', gated(postApp)),
  apiRoute('GET', '/api/v2/oauth2-provider/apps/:app', gated(getApp)),
  apiRoute('PUT', '/api/v2/oauth2-provider/apps/:app', gated(putApp)),
  apiRoute('DELETE', '/api/v2/oauth2-provider/apps/:app', gated(deleteApp)),
  apiRoute(
    'GET',
    '/api/v2/oauth2-provider/apps/:app/secrets',
    gated(getAppSecrets),
  ),
  apiRoute(
    'POST',
    '/api/v2/oauth2-provider/apps/:app/secrets',
    gated(postAppSecret),
  ),
  apiRoute(
    'DELETE',
    '/api/v2/oauth2-provider/apps/:app/secrets/:secretID',
    gated(deleteAppSecret),
  ),
  apiRoute('GET', '/api/v2/oauth2-provider/settings', gated(getSettings)),
  apiRoute('PUT', '/api/v2/oauth2-provider/settings', gated(putSettings)),
];
