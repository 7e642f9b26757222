/** Why an OAuth step failed, for the auth form to explain. @public */
export type CoderOAuthErrorKind =
  | 'popup-blocked'
  | 'popup-closed'
  | 'denied'
  | 'state-mismatch'
  | 'provider-off'
  | 'client-rejected'
  | 'grant-rejected'
  | 'unreachable'
  | 'misconfigured';

/**
 * A failed sign-in, refresh or revoke, with a message meant for the user. Messages never
 * contain tokens, codes or the client secret.
 *
 * @public
 */
export class CoderOAuthError extends Error {
  /** What went wrong, for code that reacts (e.g. offering to open a blocked popup). */
  readonly kind: CoderOAuthErrorKind;

  constructor(kind: CoderOAuthErrorKind, message: string) {
    super(message);
    this.name = 'CoderOAuthError';
    this.kind = kind;
  }
}
