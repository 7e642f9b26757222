import type {
  AuthRequestOptions,
  DiscoveryApi,
  FetchApi,
  OAuthRequestApi,
  OAuthRequester,
  ProfileInfo,
  SessionState,
} from '@backstage/core-plugin-api';
import type { CoderApi } from '../../api/CoderApi';
import { CODER_DEFAULT_PROXY_PATH } from '../../api/CoderClient';
import type { CoderTokenStore } from '../CoderTokenStore';
import type { CoderAuthApi } from './coderAuthApiRef';
import { CoderOAuthError } from './CoderOAuthError';
import type { CoderOAuthSettings } from './oauthSettings';
import type { OAuthRuntime } from './oauthRuntime';
import { openSignInPopup } from './signInPopup';

/** Options of {@link CoderAuthClient}. @public */
export interface CoderAuthClientOptions {
  /** Holds the token, pasted or from OAuth. */
  tokenStore: CoderTokenStore;
  /** For the profile (`/users/me`). */
  coderApi: CoderApi;
  /** Finds the Backstage proxy. */
  discoveryApi: DiscoveryApi;
  /** Carries the Backstage identity the proxy requires. */
  fetchApi: FetchApi;
  /** Shows Backstage's "sign in to Coder" dialog when a token is needed; optional. */
  oauthRequestApi?: OAuthRequestApi;
  /** Undefined when `coder.oauth` is not configured: only pasted tokens then. */
  oauth?: CoderOAuthSettings;
  /** Path of the Coder proxy endpoint; default `/coder`. */
  coderProxyPath?: string;
  /** Coder's access URL; the documented OAuth paths hang off it if discovery fails. */
  accessUrl?: string;
  /**
   * Where the token store keeps the token; the OAuth session's expiry is kept beside it.
   * The refresh token never goes to `localStorage`: `sessionStorage` when this is set,
   * memory when it is not.
   */
  storage?: Storage;
}

type Observer = { next?: (state: SessionState) => void };

/**
 * {@link CoderAuthApi} over the plugin's token store. The token may be pasted or come
 * from the OAuth2 sign-in; the OAuth code (popup, PKCE, refresh, revoke) loads on
 * demand, so apps without `coder.oauth` never download it.
 *
 * @public
 */
export class CoderAuthClient implements CoderAuthApi {
  private readonly options: CoderAuthClientOptions;
  private runtime: Promise<OAuthRuntime> | undefined;
  private readonly requester: OAuthRequester<void> | undefined;

  constructor(options: CoderAuthClientOptions) {
    this.options = options;
    this.requester = options.oauth
      ? options.oauthRequestApi?.createAuthRequester({
          provider: { id: 'coder', title: 'Coder', icon: () => null },
          onAuthRequest: () => this.signIn(),
        })
      : undefined;
    if (options.oauth) {
      // A token Coder rejects may be an expired OAuth access token: refresh it rather
      // than unlink, even if the rejection comes before the OAuth code has loaded.
      options.tokenStore.setRejectionHandler(async token =>
        (await this.loadRuntime()).session.recover(token),
      );
      // An existing session needs its refresh timer from the start.
      this.loadRuntime().catch(() => undefined);
    }
  }

  /** True when the app offers "Sign in with Coder". */
  get oauthEnabled(): boolean {
    return Boolean(this.options.oauth);
  }

  /**
   * The linked user's Coder token (refreshed first if an OAuth token is about to
   * expire). Without one: `''` when `optional`, else a sign-in (Backstage's sign-in
   * dialog, or straight to the popup with `instantPopup`).
   */
  async getAccessToken(
    _scope?: string | string[],
    options?: AuthRequestOptions,
  ): Promise<string> {
    const { tokenStore } = this.options;
    // A stored token is handed out only once it is known to be this Backstage user's.
    await tokenStore.ready();
    if (tokenStore.getToken() && this.options.oauth) {
      const fresh = await (await this.loadRuntime()).session.freshAccessToken();
      if (fresh) return fresh;
    }
    const token = tokenStore.getToken();
    if (token) return token;
    if (options?.optional) return '';
    if (!this.options.oauth) {
      throw new CoderOAuthError(
        'misconfigured',
        'No Coder account is linked, and this app does not offer "Sign in with Coder" (coder.oauth).',
      );
    }
    if (options?.instantPopup || !this.requester) {
      await this.signIn();
    } else {
      await this.requester(new Set());
    }
    return tokenStore.getToken() ?? '';
  }

  /** The linked Coder user as a Backstage profile (email, name, avatar). */
  async getProfile(
    options?: AuthRequestOptions,
  ): Promise<ProfileInfo | undefined> {
    await this.options.tokenStore.ready();
    if (!this.options.tokenStore.getToken()) {
      if (options?.optional) return undefined;
      await this.getAccessToken(undefined, options);
    }
    const user = await this.options.coderApi.getUser('me');
    return {
      email: user.email,
      displayName: user.name || user.username,
      picture: user.avatar_url || undefined,
    };
  }

  /**
   * Opens Coder's consent page in a popup and links the account. Call it from a click:
   * the popup opens before anything is awaited, so blockers let it through.
   */
  async signIn(): Promise<void> {
    if (!this.options.oauth) {
      throw new CoderOAuthError(
        'misconfigured',
        'Sign in with Coder is not configured (coder.oauth.clientId).',
      );
    }
    const popup = openSignInPopup();
    const runtime = await this.loadRuntime();
    await runtime.signIn(popup);
  }

  /** Revokes an OAuth pair at Coder, forgets it and any pasted token. */
  async signOut(): Promise<void> {
    if (this.options.oauth) {
      await (await this.loadRuntime()).signOut();
    } else {
      this.options.tokenStore.clearToken();
    }
  }

  /** `SignedIn` while a token is linked; emits the current state on subscription. */
  sessionState$() {
    const { tokenStore } = this.options;
    const state = (): SessionState =>
      (tokenStore.getToken() ? 'SignedIn' : 'SignedOut') as SessionState;
    const observable = {
      subscribe(observerOrNext?: Observer | ((value: SessionState) => void)) {
        const next =
          typeof observerOrNext === 'function'
            ? observerOrNext
            : observerOrNext?.next?.bind(observerOrNext);
        let last = state();
        next?.(last);
        const unsubscribe = tokenStore.subscribe(() => {
          if (state() !== last) {
            last = state();
            next?.(last);
          }
        });
        const subscription = {
          closed: false,
          unsubscribe() {
            subscription.closed = true;
            unsubscribe();
          },
        };
        return subscription;
      },
      [Symbol.observable ?? '@@observable']() {
        return observable;
      },
    };
    return observable as unknown as ReturnType<CoderAuthApi['sessionState$']>;
  }

  private loadRuntime(): Promise<OAuthRuntime> {
    const { oauth } = this.options;
    if (!oauth) return Promise.reject(new Error('OAuth is not configured'));
    this.runtime ??= import('./oauthRuntime').then(({ createOAuthRuntime }) =>
      createOAuthRuntime({
        settings: oauth,
        tokenStore: this.options.tokenStore,
        discoveryApi: this.options.discoveryApi,
        fetchApi: this.options.fetchApi,
        coderProxyPath: this.options.coderProxyPath ?? CODER_DEFAULT_PROXY_PATH,
        accessUrl: this.options.accessUrl,
        storage: this.options.storage,
      }),
    );
    return this.runtime;
  }
}
