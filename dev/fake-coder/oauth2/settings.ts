/**
 * How the fake's OAuth2 provider is configured at start-up. Real Coder keeps
 * the provider behind the `oauth2` experiment and dynamic client registration
 * behind an admin toggle, both off by default (CONTRACT §7), so the fake does
 * too.
 */
export interface OAuth2Options {
  /** `CODER_EXPERIMENTS=oauth2`; default false. */
  experiment?: boolean;
  /** The admin toggle of PUT /api/v2/oauth2-provider/settings; default false. */
  dcrEnabled?: boolean;
  /** Callback URL of the seeded dev app; default {@link DEFAULT_OAUTH_CALLBACK_URL}. */
  callbackUrl?: string;
}

/** The Backstage dev app's OAuth callback on its default port. */
export const DEFAULT_OAUTH_CALLBACK_URL =
  'http://localhost:3000/coder/oauth/callback';

/** CODER_SESSION_DURATION's default, which OAuth2 access tokens inherit. */
export const DEFAULT_ACCESS_TOKEN_LIFETIME_SECONDS = 24 * 60 * 60;

/** The provider's live settings; the admin API may change them. */
export interface OAuth2Settings {
  experiment: boolean;
  dcrEnabled: boolean;
  callbackUrl: string;
  accessTokenLifetimeSeconds: number;
}

/** Start-up options with Coder's defaults filled in. */
export function resolveOAuth2Settings(
  options: OAuth2Options = {},
): OAuth2Settings {
  return {
    experiment: options.experiment ?? false,
    dcrEnabled: options.dcrEnabled ?? false,
    callbackUrl: options.callbackUrl ?? DEFAULT_OAUTH_CALLBACK_URL,
    accessTokenLifetimeSeconds: DEFAULT_ACCESS_TOKEN_LIFETIME_SECONDS,
  };
}
