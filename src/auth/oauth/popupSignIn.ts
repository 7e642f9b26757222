import type { CoderOAuthCallbackAnswer } from './callbackAnswer';
import { CoderOAuthError } from './CoderOAuthError';
import type { CoderOAuthEndpoints } from './oauthEndpoints';
import { createPkcePair, randomUrlSafeString } from './pkce';
import { openSignInPopup } from './signInPopup';

/** What the callback page posts to its opener and on the sign-in's channel. */
export interface CoderOAuthCallbackMessage extends CoderOAuthCallbackAnswer {
  type: typeof CODER_OAUTH_MESSAGE_TYPE;
}

/** Marks the callback page's message among whatever else an app posts. */
export const CODER_OAUTH_MESSAGE_TYPE = 'coder-oauth-callback';

/**
 * The `BroadcastChannel` a sign-in also listens on, named after its `state`. It carries
 * the answer when the popup's own `postMessage` cannot (the opener reference was severed,
 * or the popup is gone before the message is dispatched). The browser delivers channel
 * messages only between pages of the same origin, and only the tab that made the state
 * knows the name.
 */
export function coderOAuthChannelName(state: string): string {
  return `${CODER_OAUTH_MESSAGE_TYPE}:${state}`;
}

const CLOSED_POLL_MS = 500;
/**
 * How long a closed popup may still deliver its answer. A popup can read as closed a few
 * milliseconds before its last message is dispatched here (issue 13: about 1 sign-in in
 * 25 was lost that way), so "closed" alone does not end the attempt at once.
 */
const CLOSED_GRACE_MS = 1500;

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

function deniedError(answer: CoderOAuthCallbackAnswer): CoderOAuthError {
  return new CoderOAuthError(
    'denied',
    answer.error === 'access_denied'
      ? 'You did not allow Backstage to use your Coder account.'
      : `Coder refused the sign-in (${answer.error}${answer.errorDescription ? `: ${answer.errorDescription}` : ''}).`,
  );
}

/**
 * Opens Coder's consent page in a popup and waits for the callback page's answer, by
 * `postMessage` from the popup or on the state's `BroadcastChannel`, whichever comes
 * first; the other is ignored. The `state` is random and used once; the PKCE verifier
 * never leaves this function except to the token exchange. Window messages from another
 * origin or another window are ignored; an answer with the wrong state ends the attempt.
 * This side closes the popup once it has the answer, so the popup never closes before
 * its message is read.
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
    const channel =
      typeof BroadcastChannel === 'function'
        ? new BroadcastChannel(coderOAuthChannelName(state))
        : undefined;
    const timers: {
      closedPoll?: ReturnType<typeof setInterval>;
      grace?: ReturnType<typeof setTimeout>;
    } = {};

    const finish = (outcome: { error: CoderOAuthError } | { code: string }) => {
      if (settled) return;
      settled = true;
      receiver.removeEventListener('message', onWindowMessage);
      channel?.close();
      clearInterval(timers.closedPoll);
      clearTimeout(timers.grace);
      // Closed here, after the answer was read, never by the callback page itself.
      popup.close();
      if ('error' in outcome) {
        reject(outcome.error);
      } else if (!verifier) {
        // The popup is sent to Coder only once the verifier exists; an answer before
        // that did not come from this sign-in.
        reject(
          new CoderOAuthError(
            'state-mismatch',
            'The answer from Coder did not match this sign-in. Try again.',
          ),
        );
      } else {
        resolve({ code: outcome.code, verifier });
      }
    };

    const accept = (data: Partial<CoderOAuthCallbackMessage> | null) => {
      if (data?.type !== CODER_OAUTH_MESSAGE_TYPE) return;
      if (data.state !== state) {
        finish({
          error: new CoderOAuthError(
            'state-mismatch',
            'The answer from Coder did not match this sign-in (state mismatch). Try again.',
          ),
        });
      } else if (data.error) {
        finish({ error: deniedError(data) });
      } else if (typeof data.code === 'string' && data.code) {
        finish({ code: data.code });
      }
    };

    function onWindowMessage(event: MessageEvent) {
      if (event.origin !== receiver.location.origin) return;
      if (event.source !== popup) return;
      accept(event.data);
    }
    receiver.addEventListener('message', onWindowMessage);
    // No origin or source to check here: the browser keeps a channel within its origin,
    // and a channel message has no source window.
    channel?.addEventListener('message', event => accept(event.data));

    timers.closedPoll = setInterval(() => {
      if (!popup.closed) return;
      clearInterval(timers.closedPoll);
      timers.grace = setTimeout(
        () =>
          finish({
            error: new CoderOAuthError(
              'popup-closed',
              'The Coder sign-in window was closed before Coder answered.',
            ),
          }),
        CLOSED_GRACE_MS,
      );
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
        finish({
          error:
            error instanceof CoderOAuthError
              ? error
              : new CoderOAuthError(
                  'unreachable',
                  'Could not prepare the Coder sign-in.',
                ),
        }),
      );
  });
}
