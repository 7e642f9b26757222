/** `oauth-setup --help`. Kept next to args.mjs so the two change together. */

export function oauthSetupHelp() {
  return `Usage:
  npx @coder/backstage-plugin-coder oauth-setup --url <coder-url> --redirect-uri <uri> [options]
  npx @coder/backstage-plugin-coder oauth-setup --check --url <coder-url> --redirect-uri <uri> [--client-id <id>]

Registers Backstage as an OAuth2 client of Coder and prints the app-config.yaml
snippet and the CODER_OAUTH_CLIENT_CREDENTIALS secret for the Backstage backend.
With --check, runs a full authorization-code + PKCE round trip instead.

Environment:
  CODER_SESSION_TOKEN             an Owner's Coder token (required)
  CODER_OAUTH_CLIENT_CREDENTIALS  base64(client_id:client_secret), for --check
  CODER_URL                       default for --url

Options:
  --url <url>             Coder access URL, e.g. https://coder.example.com
  --redirect-uri <uri>    Backstage's OAuth callback, exactly as Backstage sends it,
                          e.g. https://backstage.example.com/coder/oauth/callback
  --app-name <name>       name of the app in Coder (default "Backstage"); the
                          management API takes letters, digits and single hyphens
  --check                 verify the round trip: discovery, authorize, code exchange,
                          access token, refresh rotation, revocation
  --client-id <id>        with --check: the client id (default: from the credentials)
  --client-secret <s>     with --check: the secret, instead of CODER_OAUTH_CLIENT_CREDENTIALS
  --token <token>         admin token instead of CODER_SESSION_TOKEN (visible in ps;
                          prefer the environment variable)
  --json                  print one JSON object instead of text
  --timeout <seconds>     per-request timeout (default 15)
  -h, --help              show this help

Exit codes: 0 success, 1 Coder or the round trip failed, 2 bad command line.`;
}
