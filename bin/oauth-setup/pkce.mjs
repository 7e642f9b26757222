/**
 * PKCE (RFC 7636) and state values for the `--check` round trip. Coder
 * requires S256 and a challenge of 43–128 unreserved characters (CONTRACT §7).
 */
import { createHash, randomBytes } from 'node:crypto';

/** 32 random bytes → 43 base64url characters, the RFC 7636 minimum length. */
export function randomToken(bytes = 32) {
  return randomBytes(bytes).toString('base64url');
}

/** A fresh verifier and its S256 challenge. */
export function createPkce() {
  // 64 bytes → 86 characters: comfortably inside 43–128.
  const verifier = randomToken(64);
  const challenge = createHash('sha256').update(verifier).digest('base64url');
  return { verifier, challenge, method: 'S256' };
}

/**
 * The authorization request URL. Only the parameters Coder knows are sent:
 * its authorize endpoint rejects any other query parameter with 400.
 */
export function authorizeUrl(
  endpoint,
  { clientId, redirectUri, state, challenge },
) {
  const url = new URL(endpoint);
  url.searchParams.set('client_id', clientId);
  url.searchParams.set('response_type', 'code');
  url.searchParams.set('redirect_uri', redirectUri);
  url.searchParams.set('state', state);
  url.searchParams.set('code_challenge', challenge);
  url.searchParams.set('code_challenge_method', 'S256');
  return url.href;
}
