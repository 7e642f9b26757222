/** How "Create workspace" behaves: Coder's own `mode` query parameter. @public */
export type CoderWorkspaceCreationMode = 'manual' | 'auto';

/**
 * The plugin's settings, as the `appConfig` prop of `CoderProvider` takes them. The same
 * keys can live in `app-config.yaml` under `coder:`; the prop wins key by key. App-wide
 * settings (`coder.proxyPath`, `coder.tokenStorage`) live only in app-config.
 *
 * @public
 */
export interface CoderAppConfig {
  deployment: {
    /** The Coder deployment's access URL, e.g. `https://coder.example.com`. */
    accessUrl: string;
  };
  workspaces?: {
    /** Template for new workspaces unless an entity names its own. */
    defaultTemplateName?: string;
    /** Default: `manual`. */
    defaultMode?: CoderWorkspaceCreationMode;
    /** Template parameters that hold the repository URL. Default: `['repo_url']`. */
    repoUrlParamKeys?: readonly string[];
    /** Template parameter values for new workspaces; see `fromEntities.params`. */
    params?: Record<string, string | undefined>;
    /**
     * What an entity's catalog-info may decide. Default: not `mode: auto`, its own
     * template yes, any parameter not set in `params`.
     */
    fromEntities?: {
      autoMode?: boolean;
      templateName?: boolean;
      params?: readonly string[];
    };
  };
}
