/**
 * What Coder appends to the callback URL (RFC 6749 §4.1.2): the code and state, or an
 * error and the state.
 */
export interface CoderOAuthCallbackAnswer {
  code?: string;
  state?: string;
  error?: string;
  errorDescription?: string;
}

/**
 * The window name the sign-in popup is opened under. It survives the round trip through
 * Coder (browsers keep the name of a window that has an opener), so the Backstage page
 * Coder sends the popup back to can tell it is that popup before anything renders.
 */
export const CODER_OAUTH_POPUP_NAME = 'coder-oauth';

const ANSWER_PARAMS = ['code', 'state', 'error', 'error_description'];

function readAnswer(location: Location): CoderOAuthCallbackAnswer | undefined {
  const params = new URLSearchParams(location.search);
  const state = params.get('state') ?? undefined;
  const code = params.get('code') ?? undefined;
  const error = params.get('error') ?? undefined;
  if (!code && !error) return undefined;
  return {
    code,
    state,
    error,
    errorDescription: params.get('error_description') ?? undefined,
  };
}

/** Drops the answer's parameters from the address bar, keeping the rest (and the router's history state). */
function removeAnswerFromAddress(target: Window): void {
  const url = new URL(target.location.href);
  for (const name of ANSWER_PARAMS) url.searchParams.delete(name);
  target.history.replaceState(
    target.history.state,
    '',
    `${url.pathname}${url.search}${url.hash}`,
  );
}

function takeFromAddress(target: Window): CoderOAuthCallbackAnswer | undefined {
  const answer = readAnswer(target.location);
  if (answer) removeAnswerFromAddress(target);
  return answer;
}

/**
 * Taken from the address bar when this module is evaluated, if this page is the sign-in
 * popup coming back from Coder. The module is part of the app's first bundle (the sign-in
 * button needs it synchronously), so this runs before Backstage creates its router: the
 * code never reaches the router's location, the `navigate` analytics event (which carries
 * the search string) or anything that reads the URL after that.
 */
let landed: CoderOAuthCallbackAnswer | undefined =
  typeof window !== 'undefined' && window.name === CODER_OAUTH_POPUP_NAME
    ? takeFromAddress(window)
    : undefined;

/**
 * The answer this page landed with, removed from the address bar on first sight. Usually
 * that happened as the app loaded (see above); otherwise (the window lost its name, or the
 * plugin was loaded late) it happens now, and the router and the first `navigate` analytics
 * event have already seen the code. The code alone is useless (the PKCE verifier stays in
 * the opener), but it has no business in logs, history or screenshots. Calling it again
 * gives the same answer, so a component may call it while rendering.
 */
export function takeCallbackAnswer(
  target: Window = window,
): CoderOAuthCallbackAnswer | undefined {
  landed = takeFromAddress(target) ?? landed;
  return landed;
}
