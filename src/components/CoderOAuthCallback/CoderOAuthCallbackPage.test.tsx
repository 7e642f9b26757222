import { screen } from '@testing-library/react';
import { renderInTestApp } from '@backstage/test-utils';
import {
  CODER_OAUTH_MESSAGE_TYPE,
  coderOAuthChannelName,
} from '../../auth/oauth/popupSignIn';
import { CoderOAuthCallbackPage } from './CoderOAuthCallbackPage';

const CALLBACK_PATH = '/coder/oauth/callback';

/** Puts the browser where Coder sends the popup back to. */
function land(search: string) {
  window.history.replaceState(null, '', `${CALLBACK_PATH}${search}`);
}

function setOpener(opener: unknown) {
  Object.defineProperty(window, 'opener', {
    value: opener,
    configurable: true,
    writable: true,
  });
}

function backstageOpener() {
  return {
    location: { origin: window.location.origin },
    postMessage: jest.fn(),
  };
}

/** Resolves with the first message on the state's channel. */
function listen(state: string) {
  const channel = new BroadcastChannel(coderOAuthChannelName(state));
  const received = new Promise<unknown>(resolve => {
    channel.onmessage = event => resolve(event.data);
  });
  return { received, close: () => channel.close() };
}

let closeWindow: jest.SpyInstance;
beforeEach(() => {
  closeWindow = jest.spyOn(window, 'close').mockImplementation(() => {});
});
afterEach(() => {
  closeWindow.mockRestore();
  setOpener(null);
  land('');
});

describe('CoderOAuthCallbackPage', () => {
  it('takes code and state off the address bar while rendering, before anything after it renders', async () => {
    land('?code=coder_abc_def&state=state-1&keep=this');
    setOpener(backstageOpener());
    const seenBySibling: string[] = [];
    function RendersAfter() {
      seenBySibling.push(window.location.search);
      return null;
    }
    await renderInTestApp(
      <>
        <CoderOAuthCallbackPage />
        <RendersAfter />
      </>,
    );
    expect(seenBySibling[0]).toBe('?keep=this');
    expect(window.location.pathname).toBe(CALLBACK_PATH);
  });

  it('hands the answer to its opener, addressed to its own origin, and on the state’s channel, and leaves closing to the opener', async () => {
    land('?code=coder_abc_def&state=state-2');
    const opener = backstageOpener();
    setOpener(opener);
    const channel = listen('state-2');
    try {
      await renderInTestApp(<CoderOAuthCallbackPage />);
      const expected = {
        type: CODER_OAUTH_MESSAGE_TYPE,
        code: 'coder_abc_def',
        state: 'state-2',
      };
      expect(opener.postMessage).toHaveBeenCalledTimes(1);
      expect(opener.postMessage).toHaveBeenCalledWith(
        expect.objectContaining(expected),
        window.location.origin,
      );
      await expect(channel.received).resolves.toMatchObject(expected);
      expect(
        await screen.findByText(/this window closes by itself/),
      ).toBeInTheDocument();
      expect(closeWindow).not.toHaveBeenCalled();
    } finally {
      channel.close();
    }
  });

  it('without a Backstage opener, says so, and still answers on the channel for a tab whose opener link was cut', async () => {
    land('?code=coder_abc_def&state=state-3');
    // An opener of another origin: reading its location throws.
    const foreign = {
      get location(): never {
        throw new DOMException('cross-origin', 'SecurityError');
      },
      postMessage: jest.fn(),
    };
    setOpener(foreign);
    const channel = listen('state-3');
    try {
      await renderInTestApp(<CoderOAuthCallbackPage />);
      expect(
        await screen.findByText('This window finishes a Coder sign-in'),
      ).toBeInTheDocument();
      expect(foreign.postMessage).not.toHaveBeenCalled();
      await expect(channel.received).resolves.toMatchObject({
        code: 'coder_abc_def',
        state: 'state-3',
      });
      expect(closeWindow).not.toHaveBeenCalled();
    } finally {
      channel.close();
    }
  });
});
