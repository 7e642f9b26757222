/**
 * Opens the (still empty) window the sign-in runs in. Kept apart from the lazy OAuth
 * code because it must run synchronously inside the user's click: a popup opened after
 * an `await` (such as loading that code) is no longer "in the click" and gets blocked.
 */
export function openSignInPopup(): Window | null {
  return window.open('', 'coder-oauth', 'popup,width=520,height=720');
}
