/**
 * The OAuth2 app the fake registers at start-up (and restores on reset), so
 * the dev stack can run Backstage's authorization-code flow without creating
 * an app first. The secret has Coder's `coder_<10-char prefix>_<40-char
 * secret>` shape (coderd/oauth2provider/secrets.go) so it parses like a real
 * one. Its callback URL is the fake's configured `oauth2.callbackUrl`.
 */
export const DEV_OAUTH_APP = {
  clientId: 'c0de0009-0000-4000-8000-000000000001',
  clientSecret: 'coder_bkstgDev01_fakeCoderBackstageDevClientSecret0000001',
  name: 'Backstage (dev)',
} as const;

/** The id of the dev app's one secret, as the management API lists it. */
export const DEV_OAUTH_APP_SECRET_ID = 'c0de0009-0000-4000-8000-000000000101';
