import { useEffect, useState } from 'react';
import { EmptyState } from '@backstage/core-components';
import {
  CODER_OAUTH_MESSAGE_TYPE,
  type CoderOAuthCallbackMessage,
} from '../../auth/oauth/popupSignIn';

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

/**
 * Where Coder sends the browser back after the consent page (the `redirect_uri`). It
 * hands the code to the Backstage tab that opened the popup, only if that tab is of
 * this origin, addressed to this origin, then closes. The PKCE verifier is in the
 * opener, so a code that leaks from here is useless on its own.
 */
function handBack(): boolean {
  const opener = sameOriginOpener();
  const params = new URLSearchParams(window.location.search);
  // The code is single-use, but it has no business in the history or a screenshot.
  window.history.replaceState(null, '', window.location.pathname);
  if (!opener) return false;
  const message: CoderOAuthCallbackMessage = {
    type: CODER_OAUTH_MESSAGE_TYPE,
    code: params.get('code') ?? undefined,
    state: params.get('state') ?? undefined,
    error: params.get('error') ?? undefined,
    errorDescription: params.get('error_description') ?? undefined,
  };
  opener.postMessage(message, window.location.origin);
  window.close();
  return true;
}

/**
 * The OAuth2 callback page. The Coder page serves it at `oauth/callback` below its own
 * route; route it yourself only if you do not use the Coder page, and register that URL
 * as `coder.oauth.redirectUri`.
 *
 * @public
 */
export function CoderOAuthCallbackPage() {
  const [handed, setHanded] = useState<boolean>();
  useEffect(() => setHanded(handBack()), []);
  if (handed === undefined) return null;
  return handed ? (
    <EmptyState
      missing="info"
      title="Signed in to Coder"
      description="You can close this window."
    />
  ) : (
    <EmptyState
      missing="info"
      title="This window finishes a Coder sign-in"
      description='It was not opened by Backstage, or Backstage was closed. Go back to Backstage and choose "Sign in with Coder" again.'
    />
  );
}
