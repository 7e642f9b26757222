import { splitToken } from '../auth';
import { extractClientApp } from './clientApp';
import { oauth2Error } from './errors';
import { Exchange, parseForm, sendEmpty } from './http';
import type { OAuth2TokenPair } from './records';
import { parseFormattedSecret } from './secrets';

/**
 * POST /oauth2/revoke (RFC 7009; coderd/oauth2provider/revoke.go). Either
 * token of a pair may be presented; both stop working, because revoking
 * deletes the API key and the refresh token cascades from it. The answer is
 * an empty 200 even for unknown tokens or another client's, so it reveals
 * nothing; only a missing or malformed token is a 400.
 */

const invalidFormat = () =>
  oauth2Error(400, 'invalid_request', 'Invalid token format');

function findPair(
  exchange: Exchange,
  token: string,
): OAuth2TokenPair | undefined {
  const { oauth2 } = exchange.deployment;
  // Refresh tokens carry the `coder_` prefix; API keys never do.
  if (token.startsWith('coder_')) {
    const parsed = parseFormattedSecret(token);
    if (!parsed) throw invalidFormat();
    return oauth2
      .livePairs()
      .find(
        pair =>
          pair.refreshPrefix === parsed.prefix &&
          pair.refreshSecret === parsed.secret,
      );
  }
  const split = splitToken(token);
  if ('error' in split) throw invalidFormat();
  return oauth2
    .livePairs()
    .find(pair => pair.accessToken === `${split.id}-${split.secret}`);
}

/** POST /oauth2/revoke. */
export async function postRevoke(exchange: Exchange): Promise<void> {
  const form = await parseForm(exchange);
  const app = extractClientApp(exchange, form);
  const token = form.get('token') ?? '';
  if (token === '')
    throw oauth2Error(400, 'invalid_request', 'missing token parameter');
  const pair = findPair(exchange, token);
  if (pair && pair.appId === app.id)
    exchange.deployment.oauth2.revokePair(pair, 'revoke');
  sendEmpty(exchange, 200);
}
