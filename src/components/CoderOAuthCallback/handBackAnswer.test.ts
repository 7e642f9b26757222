import {
  CODER_OAUTH_CALLBACK_SELF_CLOSE_MS,
  handBackAnswer,
} from './handBackAnswer';

function setOpener(opener: unknown) {
  Object.defineProperty(window, 'opener', {
    value: opener,
    configurable: true,
    writable: true,
  });
}

describe('handBackAnswer', () => {
  let closeWindow: jest.SpyInstance;
  beforeEach(() => {
    jest.useFakeTimers();
    closeWindow = jest.spyOn(window, 'close').mockImplementation(() => {});
  });
  afterEach(() => {
    jest.useRealTimers();
    closeWindow.mockRestore();
    setOpener(null);
  });

  it('closes the window itself only after a generous delay, in case the opener never does', () => {
    setOpener({
      location: { origin: window.location.origin },
      postMessage: jest.fn(),
    });
    const handBack = handBackAnswer({
      code: 'coder_abc_def',
      state: 'state-1',
    });
    expect(handBack.toOpener).toBe(true);
    jest.advanceTimersByTime(CODER_OAUTH_CALLBACK_SELF_CLOSE_MS - 1);
    expect(closeWindow).not.toHaveBeenCalled();
    jest.advanceTimersByTime(1);
    expect(closeWindow).toHaveBeenCalledTimes(1);
    handBack.stop();
  });

  it('never closes a window no Backstage tab opened, so its explanation stays readable', () => {
    const handBack = handBackAnswer({
      code: 'coder_abc_def',
      state: 'state-2',
    });
    expect(handBack.toOpener).toBe(false);
    jest.advanceTimersByTime(CODER_OAUTH_CALLBACK_SELF_CLOSE_MS * 2);
    expect(closeWindow).not.toHaveBeenCalled();
    handBack.stop();
  });
});
