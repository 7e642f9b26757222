export interface Config {
  /** Settings of the Coder plugin (`@coder/backstage-plugin-coder`). */
  coder?: {
    deployment?: {
      /**
       * The Coder deployment's access URL, used for links the user opens in the
       * browser (dashboard, `/cli-auth`, create page, icons). API calls go through
       * the proxy. Required, here or in CoderProvider's `appConfig` prop.
       * @visibility frontend
       */
      accessUrl: string;
    };
    /**
     * Path of the Coder endpoint in the Backstage proxy. Default: `/coder`.
     * @visibility frontend
     */
    proxyPath?: string;
    /**
     * Where a linked token is kept: `local` survives reloads and browser restarts,
     * `session` lasts as long as the tab, `memory` until the page is left or reloaded
     * (for shared machines). An OAuth refresh token is never kept in `localStorage`: it
     * stays in `sessionStorage` (`local`, `session`) or memory (`memory`). A link belongs
     * to the Backstage user who made it. Default: `local`; an unknown value means `memory`.
     * @visibility frontend
     */
    tokenStorage?: 'local' | 'session' | 'memory';
    /**
     * "Sign in with Coder" (OAuth2 with PKCE, Coder as the provider). Needs the `oauth2`
     * experiment on the Coder deployment, an OAuth2 app registered there (see
     * `npx @coder/backstage-plugin-coder oauth-setup`) and a proxy endpoint that adds
     * the client credentials (README, "Sign in with Coder").
     */
    oauth?: {
      /**
       * The OAuth2 app's client id in Coder. Setting it turns the sign-in on.
       * @visibility frontend
       */
      clientId: string;
      /**
       * The callback URL registered in Coder; must match it exactly. Default:
       * `${app.baseUrl}/coder/oauth/callback` (served by the Coder page).
       * @visibility frontend
       */
      redirectUri?: string;
      /**
       * Proxy endpoint forwarding to `<accessUrl>/oauth2` with the client credentials.
       * Default: `/coder-oauth`.
       * @visibility frontend
       */
      proxyPath?: string;
      /**
       * Also offer pasting a session token. Default: true.
       * @visibility frontend
       */
      tokenLinking?: boolean;
    };
    workspaces?: {
      /**
       * Template for new workspaces unless an entity names its own. No default: without
       * one (and none on the entity) the card offers no "create" link.
       * @visibility frontend
       */
      defaultTemplateName?: string;
      /**
       * `manual` opens Coder's form; `auto` creates with defaults. Default: `manual`.
       * @visibility frontend
       */
      defaultMode?: 'manual' | 'auto';
      /**
       * Template parameters that hold the repository URL; one search runs per key.
       * Default: `['repo_url']`.
       * @visibility frontend
       */
      repoUrlParamKeys?: string[];
      /**
       * Template parameter values for new workspaces. Entities may not replace them
       * unless `fromEntities.params` lists them.
       * @visibility frontend
       */
      params?: { [name: string]: string };
      /**
       * What an entity's catalog-info may decide. Anyone who can edit a repository can
       * edit its catalog-info, so by default an entity may not turn on one-click
       * creation and may not replace a parameter set here; a refused value is named in
       * the card.
       * @visibility frontend
       */
      fromEntities?: {
        /**
         * Entities may set `mode: auto` (one click creates, after a confirmation that
         * lists every value). Default: false.
         * @visibility frontend
         */
        autoMode?: boolean;
        /**
         * Entities may name their template. Default: true.
         * @visibility frontend
         */
        templateName?: boolean;
        /**
         * The parameters entities may set. Default: any parameter not set in `params`.
         * @visibility frontend
         */
        params?: string[];
      };
    };
  };
}
