export interface Config {
  coder?: {
    deployment?: {
      /**
       * The Coder deployment's access URL. The `coder:workspace:create` action calls
       * Coder's API there (unless `coder.scaffolder.apiUrl` is set) and outputs
       * dashboard links under it. The same key as the Coder frontend plugin's; that
       * plugin's schema makes it visible to the frontend.
       */
      accessUrl: string;
    };
    scaffolder?: {
      /**
       * Where the Backstage backend reaches Coder's API when that differs from the
       * access URL, e.g. an in-cluster service URL. Default: `coder.deployment.accessUrl`.
       */
      apiUrl?: string;
    };
  };
}
