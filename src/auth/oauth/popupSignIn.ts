import { CoderOAuthError } from './CoderOAuthError';
import type { CoderOAuthEndpoints } from './oauthEndpoints';
import { createPkcePair, randomUrlSafeString } from './pkce';
import { openSignInPopup } from './signInPopup';

/** What the callback page posts to its opener. */
export interface CoderOAuthCallbackMessage {
  type: typeof CODER_OAUTH_MESSAGE_TYPE;
  code?: string;
  state?: string;
  error?: string;
  errorDescription?: string;
}

/** Marks the callback page's message among whatever else an app posts. */
export const CODER_OAUTH_MESSAGE_TYPE = 'coder-oauth-callback';

const CLOSED_POLL_MS = 500;

/** What {@link runPopupSignIn} needs; injectable for tests. */
export interface PopupSignInOptions {
  clientId: string;
  redirectUri: string;
  /** Called synchronously, inside the click, so popup blockers allow it. */
  openWindow?: () => Window | null;
  endpoints: () => Promise<CoderOAuthEndpoints>;
  /** The window receiving the callback's message; the current one by default. */
  receiver?: Window;
}

/** The authorization code, with the PKCE verifier it was requested under. */
export interface PopupSignInResult {
  code: string;
  verifier: string;
}

/**
 * Opens Coder's consent page in a popup and waits for the callback page's message.
 * The `state` is random and used once; the PKCE verifier never leaves this function
 * except to the token exchange. Messages from another origin or another window are
 * ignored; one from the popup with the wrong state ends the attempt.
 */
export function runPopupSignIn(
  options: PopupSignInOptions,
): Promise<PopupSignInResult> {
  // Must happen before any await: a popup opened later is no longer "in the click".
  const popup = (options.openWindow ?? openSignInPopup)();
  if (!popup) {
    return Promise.reject(
      new CoderOAuthError(
        'popup-blocked',
        'Your browser blocked the Coder sign-in window.',
      ),
    );
  }
  const receiver = options.receiver ?? window;
  const state = randomUrlSafeString(16);
  return new Promise<PopupSignInResult>((resolve, reject) => {
    let verifier: string | undefined;
    let settled = false;
    // Assigned below; declared first because finish() tears both down.
    let onMessage: (event: MessageEvent) => void = () => {};
    // eslint-disable-next-line prefer-const
    let closedPoll: ReturnType<typeof setInterval> | undefined;
    const finish = (error?: CoderOAuthError, code?: string) => {
      if (settled) return;
      settled = true;
      receiver.removeEventListener('message', onMessage);
      clearInterval(closedPoll);
      if (error || !code || !verifier) {
        popup.close();
        reject(error);
      } else {
        resolve({ code, verifier });
      }
    };
    onMessage = (event: MessageEvent) => {
      if (event.origin !== receiver.location.origin) return;
      if (event.source !== popup) return;
      const data = event.data as Partial<CoderOAuthCallbackMessage> | null;
      if (data?.type !== CODER_OAUTH_MESSAGE_TYPE) return;
      if (data.state !== state) {
        finish(
          new CoderOAuthError(
            'state-mismatch',
            'The answer from Coder did not match this sign-in (state mismatch). Try again.',
          ),
        );
      } else if (data.error) {
        finish(
          new CoderOAuthError(
            'denied',
            data.error === 'access_denied'
              ? 'You did not allow Backstage to use your Coder account.'
              : `Coder refused the sign-in (${data.error}${data.errorDescription ? `: ${data.errorDescription}` : ''}).`,
          ),
        );
      } else if (typeof data.code === 'string' && data.code) {
        finish(undefined, data.code);
      }
    };
    receiver.addEventListener('message', onMessage);
    closedPoll = setInterval(() => {
      if (popup.closed) {
        finish(
          new CoderOAuthError(
            'popup-closed',
            'The Coder sign-in window was closed before Coder answered.',
          ),
        );
      }
    }, CLOSED_POLL_MS);

    Promise.all([createPkcePair(), options.endpoints()])
      .then(([pkce, endpoints]) => {
        verifier = pkce.verifier;
        const url = new URL(endpoints.authorizationUrl);
        url.search = new URLSearchParams({
          response_type: 'code',
          client_id: options.clientId,
          redirect_uri: options.redirectUri,
          state,
          code_challenge: pkce.challenge,
          code_challenge_method: 'S256',
        }).toString();
        if (!settled) popup.location.href = url.href;
      })
      .catch(error =>
        finish(
          error instanceof CoderOAuthError
            ? error
            : new CoderOAuthError(
                'unreachable',
                'Could not prepare the Coder sign-in.',
              ),
        ),
      );
  });
}
