import { mockApis } from '@backstage/test-utils';
import { coderTokenStoreApiFactory } from '../apiFactories';

/** The app's token store for `coder.tokenStorage: value`. */
function tokenStoreFor(tokenStorage: unknown) {
  return coderTokenStoreApiFactory.factory({
    configApi: mockApis.config({
      data: tokenStorage === undefined ? {} : { coder: { tokenStorage } },
    }),
    identityApi: mockApis.identity(),
  });
}

describe('coder.tokenStorage', () => {
  beforeEach(() => {
    localStorage.clear();
    sessionStorage.clear();
  });

  it('keeps a linked token in memory only with `memory`', () => {
    const store = tokenStoreFor('memory');
    store.setToken('abcdefghij-0123456789abcdefghijkl');
    expect(store.getStorage()).toBeUndefined();
    expect(localStorage.length).toBe(0);
    expect(sessionStorage.length).toBe(0);
  });

  it.each([
    [undefined, () => localStorage],
    ['local', () => localStorage],
    ['session', () => sessionStorage],
  ])('uses the browser storage named by %p', (value, storage) => {
    expect(tokenStoreFor(value).getStorage()).toBe(storage());
  });

  it('keeps tokens in memory when the value is misspelt, rather than in the most lasting place', () => {
    expect(tokenStoreFor('sesion').getStorage()).toBeUndefined();
  });
});
