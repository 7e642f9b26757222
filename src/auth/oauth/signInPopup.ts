import { CODER_OAUTH_POPUP_NAME } from './callbackAnswer';

/**
 * Opens the (still empty) window the sign-in runs in. Kept apart from the lazy OAuth
 * code because it must run synchronously inside the user's click: a popup opened after
 * an `await` (such as loading that code) is no longer "in the click" and gets blocked.
 * Being in the app's first bundle, it also brings in `callbackAnswer`, which takes the
 * code out of the popup's address bar before Backstage's router starts.
 */
export function openSignInPopup(): Window | null {
  return window.open('', CODER_OAUTH_POPUP_NAME, 'popup,width=520,height=720');
}
