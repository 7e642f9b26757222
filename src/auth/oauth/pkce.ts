import { CoderOAuthError } from './CoderOAuthError';

/** Unpadded base64url (RFC 4648 §5), the encoding PKCE and `state` use. */
function base64Url(bytes: Uint8Array): string {
  let binary = '';
  bytes.forEach(byte => {
    binary += String.fromCharCode(byte);
  });
  return btoa(binary)
    .replace(/\+/g, '-')
    .replace(/\//g, '_')
    .replace(/=+$/, '');
}

/** `byteCount` random bytes from the browser's CSPRNG, base64url-encoded. */
export function randomUrlSafeString(byteCount = 32): string {
  return base64Url(crypto.getRandomValues(new Uint8Array(byteCount)));
}

/** A PKCE pair (RFC 7636): the verifier stays in this tab, the challenge goes to Coder. */
export interface PkcePair {
  verifier: string;
  challenge: string;
}

/**
 * A fresh S256 pair. 32 random bytes give a 43-character verifier, the shortest Coder
 * accepts, with 256 bits of entropy.
 */
export async function createPkcePair(): Promise<PkcePair> {
  if (!globalThis.crypto?.subtle) {
    // Browsers only offer SubtleCrypto on https pages (and localhost).
    throw new CoderOAuthError(
      'misconfigured',
      'Sign in with Coder needs Backstage to be served over https.',
    );
  }
  const verifier = randomUrlSafeString(32);
  const digest = await crypto.subtle.digest(
    'SHA-256',
    new TextEncoder().encode(verifier),
  );
  return { verifier, challenge: base64Url(new Uint8Array(digest)) };
}
