import { createHash } from 'node:crypto';
import { randomAlphanumeric } from '../ids';

/**
 * Coder's OAuth2 secrets (client secrets, authorization codes, refresh
 * tokens) and PKCE, after coderd/oauth2provider/secrets.go and pkce.go.
 */

/** A `coder_<prefix>_<secret>` value split into its parts. */
export interface FormattedSecret {
  formatted: string;
  /** 10 characters; the lookup key Coder stores in clear. */
  prefix: string;
  /** 40 characters; Coder stores only a hash of it. */
  secret: string;
}

/** GenerateSecret: `coder_` + 10 + `_` + 40 alphanumerics. */
export function generateSecret(): FormattedSecret {
  const prefix = randomAlphanumeric(10);
  const secret = randomAlphanumeric(40);
  return { formatted: `coder_${prefix}_${secret}`, prefix, secret };
}

/** ParseFormattedSecret: exactly three `_`-separated parts, the first `coder`. */
export function parseFormattedSecret(
  value: string,
): FormattedSecret | undefined {
  const parts = value.split('_');
  if (parts.length !== 3 || parts[0] !== 'coder') return undefined;
  return { formatted: value, prefix: parts[1], secret: parts[2] };
}

/** ValidPKCEFormat: 43–128 characters of RFC 7636's unreserved set. */
export function validPkceFormat(value: string): boolean {
  return /^[A-Za-z0-9\-._~]{43,128}$/.test(value);
}

/** The S256 challenge of a verifier: BASE64URL(SHA256(verifier)), unpadded. */
export function s256Challenge(verifier: string): string {
  return createHash('sha256').update(verifier).digest('base64url');
}

/** VerifyPKCE for S256, the only method Coder accepts. */
export function verifyPkce(challenge: string, verifier: string): boolean {
  if (challenge === '' || verifier === '') return false;
  return s256Challenge(verifier) === challenge;
}

/** Management API display form: the last six characters of the secret. */
export function displaySecret(formatted: string): string {
  return formatted.slice(-6);
}
