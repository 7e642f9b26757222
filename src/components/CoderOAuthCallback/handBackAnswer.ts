import type { CoderOAuthCallbackAnswer } from '../../auth/oauth/callbackAnswer';
import {
  CODER_OAUTH_MESSAGE_TYPE,
  coderOAuthChannelName,
  type CoderOAuthCallbackMessage,
} from '../../auth/oauth/popupSignIn';

/**
 * How long the callback page waits for the opener to close it before closing itself.
 * The opener closes it as soon as it has read the answer (milliseconds); this only
 * covers an opener that is gone or no longer waiting.
 */
export const CODER_OAUTH_CALLBACK_SELF_CLOSE_MS = 10_000;

/** The opener, if it is a Backstage tab of this very origin (reading it throws otherwise). */
function sameOriginOpener(): Window | undefined {
  const opener = window.opener as Window | null;
  if (!opener || opener === window) return undefined;
  try {
    return opener.location.origin === window.location.origin
      ? opener
      : undefined;
  } catch {
    return undefined;
  }
}

/** What {@link handBackAnswer} did, and how to end what it left running. */
export interface HandBack {
  /** Whether a Backstage tab of this origin opened this window and was sent the answer. */
  toOpener: boolean;
  /** Stops the fallback close and closes the channel (the page is going away). */
  stop: () => void;
}

/**
 * Hands Coder's answer to the Backstage tab waiting for it, on two paths: `postMessage`
 * to the opener, only if that tab is of this origin and addressed to this origin; and the
 * sign-in's `BroadcastChannel` (named after the state), which needs no opener and still
 * works if the opener reference was severed. The tab takes the first and closes this
 * window; it is not closed here, because a window that closes right after posting can
 * read as closed in the opener before the message is dispatched there. The PKCE verifier
 * is in the opener, so a code that leaks from here is useless on its own.
 */
export function handBackAnswer(answer: CoderOAuthCallbackAnswer): HandBack {
  const message: CoderOAuthCallbackMessage = {
    type: CODER_OAUTH_MESSAGE_TYPE,
    ...answer,
  };
  const opener = sameOriginOpener();
  opener?.postMessage(message, window.location.origin);
  const channel =
    answer.state && typeof BroadcastChannel === 'function'
      ? new BroadcastChannel(coderOAuthChannelName(answer.state))
      : undefined;
  channel?.postMessage(message);
  const selfClose = opener
    ? setTimeout(() => window.close(), CODER_OAUTH_CALLBACK_SELF_CLOSE_MS)
    : undefined;
  return {
    toOpener: opener !== undefined,
    stop: () => {
      clearTimeout(selfClose);
      // A posted message is delivered even if its channel closes right after.
      channel?.close();
    },
  };
}
