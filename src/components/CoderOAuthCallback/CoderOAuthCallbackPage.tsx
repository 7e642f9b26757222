import { useEffect, useState } from 'react';
import { EmptyState } from '@backstage/core-components';
import { takeCallbackAnswer } from '../../auth/oauth/callbackAnswer';
import { handBackAnswer } from './handBackAnswer';

/**
 * The OAuth2 callback page. The Coder page serves it at `oauth/callback` below its own
 * route; route it yourself only if you do not use the Coder page, and register that URL
 * as `coder.oauth.redirectUri`.
 *
 * @public
 */
export function CoderOAuthCallbackPage() {
  // Read while rendering, not in an effect, so the code is off the address bar before
  // anything below this page renders; usually it was taken already as the app loaded
  // (see callbackAnswer.ts). Reading it again returns the same answer.
  const [answer] = useState(() => takeCallbackAnswer());
  const [handedToOpener, setHandedToOpener] = useState<boolean>();
  useEffect(() => {
    if (!answer) {
      setHandedToOpener(false);
      return undefined;
    }
    const handBack = handBackAnswer(answer);
    setHandedToOpener(handBack.toOpener);
    return handBack.stop;
  }, [answer]);

  if (handedToOpener === undefined) return null;
  return handedToOpener ? (
    <EmptyState
      missing="info"
      title="Back to Backstage"
      description="Backstage finishes the Coder sign-in; this window closes by itself."
    />
  ) : (
    <EmptyState
      missing="info"
      title="This window finishes a Coder sign-in"
      description='It was not opened by Backstage, or Backstage was closed. If Backstage does not show you as signed in, go back to it and choose "Sign in with Coder" again.'
    />
  );
}
