/**
 * Keeps secrets out of everything the command prints. Every line goes through
 * a Redactor; the only text allowed to carry a secret is the setup result the
 * admin asked for (see output.mjs), which is written with `allowSecrets`.
 */

// Token shapes from CONTRACT §2: API keys are `<10>-<22>`; client secrets,
// refresh tokens and authorization codes are `coder_<10>_<40>`. Matching the
// shapes as well as the known values also covers tokens Coder minted during
// this run (codes, access and refresh tokens) if some error text echoes them.
// The lengths keep names such as the `coder_session_token` cookie readable.
const TOKEN_SHAPES = [
  /\b[A-Za-z0-9]{10}-[A-Za-z0-9]{22}\b/g,
  /\bcoder_[A-Za-z0-9]{6,}_[A-Za-z0-9]{20,}\b/g,
];

export const REDACTED = '[redacted]';

export class Redactor {
  constructor() {
    /** @type {Set<string>} */
    this.secrets = new Set();
  }

  /** Registers a value that must never be printed, and its Basic-auth forms. */
  add(value) {
    // Very short values would blank out ordinary words; no real secret is that short.
    if (typeof value !== 'string' || value.length < 8) return;
    this.secrets.add(value);
    this.secrets.add(encodeURIComponent(value));
  }

  /** Registers client credentials, including their base64 form. */
  addClientCredentials(clientSecret, basicCredentials) {
    this.add(clientSecret);
    this.add(basicCredentials);
  }

  redact(text) {
    let result = String(text);
    // Longest first, so a secret that contains another is replaced whole.
    const values = [...this.secrets].sort((a, b) => b.length - a.length);
    for (const value of values) result = result.split(value).join(REDACTED);
    for (const shape of TOKEN_SHAPES) result = result.replace(shape, REDACTED);
    return result;
  }
}
