/**
 * Longest value accepted as a session token. Coder's session tokens and the API keys it
 * issues as OAuth access tokens are `<10 chars>-<22 chars>` (33 characters); 1,024 leaves
 * room for any future format while refusing pasted pages, logs and other junk long before
 * the request header would outgrow a proxy's limit (8–16 KB).
 */
export const CODER_SESSION_TOKEN_MAX_LENGTH = 1024;

/** The outcome of {@link checkSessionToken}: the token to use, or why there is none. */
export type CoderSessionTokenCheck =
  { ok: true; token: string } | { ok: false; empty: boolean; reason: string };

// Visible ASCII: what an HTTP header value can carry and every bearer-token format uses.
const TOKEN_CHARACTERS = /^[\x21-\x7e]+$/;

/**
 * Whether `raw` can be a Coder session token. Surrounding whitespace (a paste artefact)
 * is trimmed; anything else is judged on its characters and length only, never its
 * format, so OAuth access tokens and future formats still pass. The reason never quotes
 * the value, which may be a real secret pasted by mistake.
 *
 * Used by the link form (before any request) and by the token store (on every read), so
 * a value no HTTP header can carry is never sent.
 */
export function checkSessionToken(raw: string): CoderSessionTokenCheck {
  const token = raw.trim();
  if (!token) {
    return { ok: false, empty: true, reason: 'It is empty.' };
  }
  if (token.length > CODER_SESSION_TOKEN_MAX_LENGTH) {
    return {
      ok: false,
      empty: false,
      reason: `It is ${token.length.toLocaleString('en-US')} characters long; Coder session tokens have about 33. Copy only the token from Coder.`,
    };
  }
  if (!TOKEN_CHARACTERS.test(token)) {
    return {
      ok: false,
      empty: false,
      reason: `It contains characters a token never has (${describeBadCharacter(token)}). Copy the token again from Coder.`,
    };
  }
  return { ok: true, token };
}

/** Names the kind of the first character a token cannot hold, without quoting it. */
function describeBadCharacter(token: string): string {
  const bad = [...token].find(character => !TOKEN_CHARACTERS.test(character));
  const code = bad?.codePointAt(0) ?? 0;
  if (bad === '\n' || bad === '\r') return 'a line break';
  if (bad !== undefined && /\s/.test(bad)) return 'a space or tab inside it';
  if (code < 0x20 || code === 0x7f) return 'a control character';
  return 'an emoji, accented letter, curly quote or other non-ASCII character';
}
