import { CODER_SESSION_TOKEN_MAX_LENGTH } from './checkSessionToken';
import { CoderTokenStore } from './CoderTokenStore';

const KEY = 'backstage-plugin-coder/session-token';
const TOKEN = 'abcdefghij-0123456789abcdefghijkl';
const CONSOLE_METHODS = ['log', 'info', 'warn', 'error', 'debug'] as const;

let consoleSpies: jest.SpyInstance[] = [];

beforeEach(() => {
  window.localStorage.clear();
  window.sessionStorage.clear();
  consoleSpies = CONSOLE_METHODS.map(method =>
    jest.spyOn(console, method).mockImplementation(() => {}),
  );
});

afterEach(() => {
  // Whatever storage did, the token never reached the console.
  const printed = consoleSpies
    .flatMap(spy => spy.mock.calls)
    .map(args => args.map(String).join(' '));
  jest.restoreAllMocks();
  if (printed.some(line => line.includes(TOKEN))) {
    throw new Error('The token was written to the console');
  }
});

function failing(name: string) {
  return () => {
    throw new DOMException(`The operation is insecure (${name})`, name);
  };
}

describe('CoderTokenStore, given stored values no header can carry', () => {
  it.each([
    ['an emoji', `${TOKEN}🔑`],
    ['curly quotes', `“${TOKEN}”`],
    ['an accented letter', `${TOKEN}ü`],
    ['an inner line break', 'abcdefghij-\n0123456789abcdefghijkl'],
    ['an inner space', 'abcdefghij- 0123456789abcdefghijkl'],
    ['a NUL', `${TOKEN}\u0000`],
    ['10 KB of junk', 'abcdefghij-'.repeat(1000)],
  ])(
    'ignores a stored token with %s and removes it from storage',
    (_, value) => {
      window.localStorage.setItem(KEY, value);
      const store = new CoderTokenStore();
      expect(store.getToken()).toBeUndefined();
      expect(window.localStorage.getItem(KEY)).toBeNull();
    },
  );

  it('reads a stored token with surrounding whitespace as the token itself', () => {
    window.localStorage.setItem(KEY, `\t ${TOKEN} \r\n`);
    expect(new CoderTokenStore().getToken()).toBe(TOKEN);
  });

  it.each([
    ['a token at the length limit', 'a'.repeat(CODER_SESSION_TOKEN_MAX_LENGTH)],
    [
      'an OAuth-style token with dots, slashes and padding',
      'eyJhbGc.iOi/J+Ik_pX~VCJ9==',
    ],
  ])('keeps %s: only the charset and length are checked', (_, value) => {
    window.localStorage.setItem(KEY, value);
    expect(new CoderTokenStore().getToken()).toBe(value);
  });

  it('ignores a token one character over the length limit', () => {
    window.localStorage.setItem(
      KEY,
      'a'.repeat(CODER_SESSION_TOKEN_MAX_LENGTH + 1),
    );
    expect(new CoderTokenStore().getToken()).toBeUndefined();
  });

  it('ignores a hostile value written by another tab and notifies as unlinked', () => {
    window.localStorage.setItem(KEY, TOKEN);
    const store = new CoderTokenStore();
    const listener = jest.fn();
    store.subscribe(listener);

    window.localStorage.setItem(KEY, '🔑🔑🔑');
    window.dispatchEvent(new StorageEvent('storage', { key: KEY }));

    expect(listener).toHaveBeenCalled();
    expect(store.getToken()).toBeUndefined();
    expect(window.localStorage.getItem(KEY)).toBeNull();
  });

  it('ignores a hostile stored value even when storage refuses to remove it', () => {
    window.localStorage.setItem(KEY, '🔑');
    jest
      .spyOn(Storage.prototype, 'removeItem')
      .mockImplementation(failing('SecurityError'));
    expect(new CoderTokenStore().getToken()).toBeUndefined();
  });
});

describe('CoderTokenStore, when browser storage fails', () => {
  it.each(['local', 'session'] as const)(
    'keeps a linked token for the tab when %s storage is full',
    storage => {
      jest
        .spyOn(Storage.prototype, 'setItem')
        .mockImplementation(failing('QuotaExceededError'));
      const store = new CoderTokenStore({ storage });
      const listener = jest.fn();
      store.subscribe(listener);

      store.setToken(TOKEN);

      expect(store.getToken()).toBe(TOKEN);
      expect(listener).toHaveBeenCalledTimes(1);
    },
  );

  it.each(['local', 'session'] as const)(
    'starts unlinked, then links for the tab, when %s storage cannot be read',
    storage => {
      jest
        .spyOn(Storage.prototype, 'getItem')
        .mockImplementation(failing('SecurityError'));
      const store = new CoderTokenStore({ storage });
      expect(store.getToken()).toBeUndefined();
      store.setToken(TOKEN);
      expect(store.getToken()).toBe(TOKEN);
    },
  );

  it('starts unlinked when the storage object itself is blocked (cookies disabled)', () => {
    jest
      .spyOn(window, 'localStorage', 'get')
      .mockImplementation(failing('SecurityError'));
    const store = new CoderTokenStore();
    expect(store.getToken()).toBeUndefined();
    store.setToken(TOKEN);
    expect(store.getToken()).toBe(TOKEN);
  });

  it('unlinks even when storage refuses to remove the token', () => {
    const store = new CoderTokenStore();
    store.setToken(TOKEN);
    jest
      .spyOn(Storage.prototype, 'removeItem')
      .mockImplementation(failing('SecurityError'));
    store.clearToken();
    expect(store.getToken()).toBeUndefined();
    expect(store.getSnapshot().unlinkReason).toBe('unlinked');
  });
});
