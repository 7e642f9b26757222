import { createHash, webcrypto } from 'node:crypto';
import { CoderOAuthError } from './CoderOAuthError';
import {
  CODER_OAUTH_MESSAGE_TYPE,
  coderOAuthChannelName,
  runPopupSignIn,
} from './popupSignIn';

// jsdom has getRandomValues but not SubtleCrypto; Node's is the same Web Crypto API.
beforeAll(() => {
  Object.defineProperty(globalThis.crypto, 'subtle', {
    value: webcrypto.subtle,
    configurable: true,
  });
});

const AUTHORIZE = 'https://coder.example.com/oauth2/authorize';

function fakePopup() {
  return {
    closed: false,
    location: { href: '' },
    close() {
      this.closed = true;
    },
  };
}

function start(popup: ReturnType<typeof fakePopup> | null) {
  return runPopupSignIn({
    clientId: 'client-1',
    redirectUri: 'http://localhost/coder/oauth/callback',
    openWindow: () => popup as unknown as Window,
    endpoints: async () => ({
      authorizationUrl: AUTHORIZE,
      tokenPath: '/tokens',
      revocationPath: '/revoke',
    }),
  });
}

/** Waits until the popup was sent to Coder, and returns the authorize URL. */
async function authorizeUrl(popup: ReturnType<typeof fakePopup>) {
  await new Promise<void>((resolve, reject) => {
    const began = Date.now();
    const check = () => {
      if (popup.location.href) resolve();
      else if (Date.now() - began > 2000) reject(new Error('never navigated'));
      else setTimeout(check, 5);
    };
    check();
  });
  return new URL(popup.location.href);
}

function post(data: object, init: { origin?: string; source?: unknown } = {}) {
  window.dispatchEvent(
    new MessageEvent('message', {
      data: { type: CODER_OAUTH_MESSAGE_TYPE, ...data },
      origin: init.origin ?? window.location.origin,
      source: init.source as MessageEventSource,
    }),
  );
}

/** Posts on the sign-in's BroadcastChannel, as the callback page does. */
function broadcast(state: string, data: object) {
  const channel = new BroadcastChannel(coderOAuthChannelName(state));
  channel.postMessage({ type: CODER_OAUTH_MESSAGE_TYPE, state, ...data });
  channel.close();
}

const sleep = (ms: number) =>
  new Promise<void>(resolve => setTimeout(resolve, ms));

/** Whether `promise` is still pending (after anything already queued has run). */
async function isPending(promise: Promise<unknown>) {
  const pending = Symbol('pending');
  const winner = await Promise.race([
    promise.catch(() => undefined),
    sleep(0).then(() => pending),
  ]);
  return winner === pending;
}

describe('runPopupSignIn', () => {
  it('sends Coder an S256 challenge and a state, and returns the code with its verifier', async () => {
    const popup = fakePopup();
    const result = start(popup);
    const url = await authorizeUrl(popup);
    expect(url.origin + url.pathname).toBe(AUTHORIZE);
    const params = Object.fromEntries(url.searchParams);
    expect(params).toMatchObject({
      response_type: 'code',
      client_id: 'client-1',
      redirect_uri: 'http://localhost/coder/oauth/callback',
      code_challenge_method: 'S256',
    });
    expect(params.state).toMatch(/^[A-Za-z0-9_-]{22}$/);

    post({ code: 'coder_abc_def', state: params.state }, { source: popup });
    const { code, verifier } = await result;
    expect(code).toBe('coder_abc_def');
    expect(verifier).toMatch(/^[A-Za-z0-9_-]{43}$/);
    const challenge = createHash('sha256').update(verifier).digest('base64url');
    expect(params.code_challenge).toBe(challenge);
  });

  it('ignores messages from another origin or another window', async () => {
    const popup = fakePopup();
    const result = start(popup);
    const state = (await authorizeUrl(popup)).searchParams.get('state');
    post(
      { code: 'from-evil-origin', state },
      { origin: 'https://evil.example', source: popup },
    );
    post({ code: 'from-another-window', state }, { source: fakePopup() });
    post({ code: 'the-real-one', state }, { source: popup });
    await expect(result).resolves.toMatchObject({ code: 'the-real-one' });
  });

  it('rejects an answer with the wrong state and closes the popup', async () => {
    const popup = fakePopup();
    const result = start(popup);
    await authorizeUrl(popup);
    post({ code: 'coder_x_y', state: 'not-the-state' }, { source: popup });
    await expect(result).rejects.toMatchObject({ kind: 'state-mismatch' });
    expect(popup.closed).toBe(true);
  });

  it('says so when the user cancels on the consent page', async () => {
    const popup = fakePopup();
    const result = start(popup);
    const state = (await authorizeUrl(popup)).searchParams.get('state');
    post({ error: 'access_denied', state }, { source: popup });
    await expect(result).rejects.toThrow(
      'You did not allow Backstage to use your Coder account.',
    );
  });

  it('fails clearly when the browser blocks the popup', async () => {
    const error = await start(null).catch(e => e);
    expect(error).toBeInstanceOf(CoderOAuthError);
    expect(error).toMatchObject({ kind: 'popup-blocked' });
  });

  it('gives up when the popup is closed and no answer follows within the grace period', async () => {
    const popup = fakePopup();
    const result = start(popup);
    await authorizeUrl(popup);
    popup.closed = true;
    // The closed poll has seen it, but a late answer may still be on its way.
    await sleep(1000);
    expect(await isPending(result)).toBe(true);
    await expect(result).rejects.toMatchObject({ kind: 'popup-closed' });
  });

  it('still succeeds when the popup reads as closed just before its message lands', async () => {
    const popup = fakePopup();
    const result = start(popup);
    const state = (await authorizeUrl(popup)).searchParams.get('state');
    popup.closed = true;
    await sleep(700); // past one closed poll
    post({ code: 'coder_late_answer', state }, { source: popup });
    await expect(result).resolves.toMatchObject({ code: 'coder_late_answer' });
  });

  it('accepts the answer through the state’s BroadcastChannel alone', async () => {
    const popup = fakePopup();
    const result = start(popup);
    const state = (await authorizeUrl(popup)).searchParams.get('state')!;
    broadcast(state, { code: 'coder_from_channel' });
    await expect(result).resolves.toMatchObject({
      code: 'coder_from_channel',
    });
  });

  it('takes the first valid answer from either path, once', async () => {
    const popup = fakePopup();
    const result = start(popup);
    const state = (await authorizeUrl(popup)).searchParams.get('state')!;
    broadcast(state, { code: 'coder_first' });
    await sleep(50);
    post({ code: 'coder_second', state }, { source: popup });
    await expect(result).resolves.toMatchObject({ code: 'coder_first' });
  });

  it('still refuses a foreign origin, a foreign window and a wrong state on either path', async () => {
    const popup = fakePopup();
    const result = start(popup);
    const state = (await authorizeUrl(popup)).searchParams.get('state')!;
    post(
      { code: 'from-evil-origin', state },
      { origin: 'https://evil.example', source: popup },
    );
    post({ code: 'from-another-window', state }, { source: fakePopup() });
    // Even on the right channel, a message must carry the state itself.
    const channel = new BroadcastChannel(coderOAuthChannelName(state));
    channel.postMessage({
      type: CODER_OAUTH_MESSAGE_TYPE,
      code: 'coder_x_y',
      state: 'not-the-state',
    });
    channel.close();
    await expect(result).rejects.toMatchObject({ kind: 'state-mismatch' });
    expect(popup.closed).toBe(true);
  });

  it('closes the popup itself once it has accepted the answer', async () => {
    const popup = fakePopup();
    const result = start(popup);
    const state = (await authorizeUrl(popup)).searchParams.get('state');
    expect(popup.closed).toBe(false);
    post({ code: 'coder_abc_def', state }, { source: popup });
    await result;
    expect(popup.closed).toBe(true);
  });
});
