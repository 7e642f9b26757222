export interface Config {
  /** Settings of the Coder plugin (`@coder/backstage-plugin-coder`). */
  coder?: {
    deployment?: {
      /**
       * The Coder deployment's access URL, used for links the user opens in the
       * browser (dashboard, `/cli-auth`, templates). API calls go through the proxy.
       * @visibility frontend
       */
      accessUrl: string;
    };
    /**
     * Path of the Coder endpoint in the Backstage proxy. Default: `/coder`.
     * @visibility frontend
     */
    proxyPath?: string;
  };
}
