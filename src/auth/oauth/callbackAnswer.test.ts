import { CODER_OAUTH_POPUP_NAME } from './callbackAnswer';

type CallbackAnswerModule = typeof import('./callbackAnswer');

/** Evaluates the module afresh, as the app's first bundle does when a page loads. */
function loadFresh(): CallbackAnswerModule {
  let loaded: CallbackAnswerModule | undefined;
  jest.isolateModules(() => {
    loaded = require('./callbackAnswer');
  });
  return loaded!;
}

afterEach(() => {
  window.name = '';
  window.history.replaceState(null, '', '/');
});

describe('callbackAnswer', () => {
  it('takes the answer off the sign-in popup’s address bar as soon as the module loads, before any router starts', () => {
    window.name = CODER_OAUTH_POPUP_NAME;
    window.history.replaceState(
      { kept: true },
      '',
      '/coder/oauth/callback?code=coder_abc_def&state=state-1&keep=this#here',
    );
    const { takeCallbackAnswer } = loadFresh();
    expect(window.location.pathname).toBe('/coder/oauth/callback');
    expect(window.location.search).toBe('?keep=this');
    expect(window.location.hash).toBe('#here');
    expect(window.history.state).toEqual({ kept: true });
    expect(takeCallbackAnswer()).toEqual({
      code: 'coder_abc_def',
      state: 'state-1',
      error: undefined,
      errorDescription: undefined,
    });
  });

  it('leaves the address of any other window alone when it loads', () => {
    window.history.replaceState(
      null,
      '',
      '/some/page?code=their_code&state=theirs',
    );
    loadFresh();
    expect(window.location.search).toBe('?code=their_code&state=theirs');
  });

  it('takes an error answer too, and gives the same answer when asked again', () => {
    const { takeCallbackAnswer } = loadFresh();
    window.history.replaceState(
      null,
      '',
      '/coder/oauth/callback?error=access_denied&error_description=no&state=state-2',
    );
    const answer = takeCallbackAnswer();
    expect(answer).toEqual({
      code: undefined,
      state: 'state-2',
      error: 'access_denied',
      errorDescription: 'no',
    });
    expect(window.location.search).toBe('');
    expect(takeCallbackAnswer()).toBe(answer);
  });
});
