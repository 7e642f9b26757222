import { parseUuid } from '../uuid';
import { invalidClient, oauth2Error } from './errors';
import { basicAuth, Exchange } from './http';
import type { OAuth2AppRecord } from './records';

/**
 * httpmw.ExtractOAuth2ProviderAppWithOAuth2Errors: the app named by
 * `client_id` in the query, else the form, else the HTTP Basic user
 * (RFC 6749 §2.3.1), checked before the session so an unknown client fails
 * the same way signed in or not.
 */
export function extractClientApp(
  exchange: Exchange,
  form: URLSearchParams,
): OAuth2AppRecord {
  let clientId =
    exchange.url.searchParams.get('client_id') || form.get('client_id') || '';
  if (clientId === '') clientId = basicAuth(exchange.request)?.user ?? '';
  if (clientId === '')
    throw oauth2Error(400, 'invalid_request', 'Missing client_id parameter');
  const parsed = parseUuid(clientId);
  if (!parsed.ok) throw invalidClient();
  const app = exchange.deployment.oauth2.apps.get(parsed.value);
  if (!app) throw invalidClient();
  return app;
}
