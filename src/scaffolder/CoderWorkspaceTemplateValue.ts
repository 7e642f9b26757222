/** The `ui:field` name templates use for the Coder template picker. @public */
export const CODER_WORKSPACE_TEMPLATE_FIELD = 'CoderWorkspaceTemplate';

/**
 * The task secret the field fills with the user's Coder session token, unless
 * `ui:options.secretsKey` names another.
 *
 * @public
 */
export const CODER_SESSION_TOKEN_SECRET = 'CODER_SESSION_TOKEN';

/**
 * The value of a `CoderWorkspaceTemplate` field, as the template's steps read it
 * (`${{ parameters.<field>.templateName }}` and so on). It never holds the session
 * token: that travels in the task's secrets.
 *
 * @public
 */
export interface CoderWorkspaceTemplateValue {
  /** The chosen template's name; empty until one is chosen. */
  templateName: string;
  /** The organization the template belongs to, once one is chosen. */
  organization?: string;
  /** The template's rich parameters by name, in Coder's text form (lists as JSON arrays). */
  parameters: Record<string, string>;
  /**
   * With `ui:options.shareSession: false` (a template without the scaffolder backend
   * module): Coder's create page for this choice (`mode=auto`, the workspace name, every
   * parameter above as `param.<name>`), once the template's parameters are known. The
   * template's output links there (`${{ parameters.coder.createUrl }}`), appending what
   * only the run knows. Coder asks the user to confirm before it creates the workspace.
   */
  createUrl?: string;
  /** The workspace's name, when `ui:options.workspaceName` says where it comes from. */
  workspaceName?: string;
}

/**
 * The `ui:options` of a `CoderWorkspaceTemplate` field.
 *
 * @example
 * ```yaml
 * parameters:
 *   - title: Repository
 *     properties:
 *       repoUrl:
 *         title: Repository Location
 *         type: string
 *         ui:field: RepoUrlPicker
 *   - title: Workspace
 *     properties:
 *       workspace:
 *         title: Coder workspace
 *         type: object
 *         ui:field: CoderWorkspaceTemplate
 *         ui:options:
 *           templates: [devcontainers, docker]
 *           defaultTemplate: devcontainers
 *           parameters:
 *             region: eu-west
 *           boundParameters:
 *             repo_url: ${{ parameters.repoUrl }}
 * ```
 *
 * A type, not an interface, so it meets the scaffolder's `UIOptionsType` index signature.
 *
 * @public
 */
export type CoderWorkspaceTemplateUiOptions = {
  /** Only these templates (by name) may be chosen; default: every template Coder offers the user. */
  templates?: string[];
  /** The template chosen at first; a single allowed template is chosen anyway. */
  defaultTemplate?: string;
  /** Starting values for parameters, by name; the user may change them. */
  parameters?: Record<string, string>;
  /**
   * Parameters whose value comes from other fields of the form, by name. Each value is
   * text with `${{ parameters.<field> }}` placeholders (a dotted path reaches into an
   * object field). A RepoUrlPicker value (`github.com?owner=o&repo=r`) becomes the
   * repository's web URL (`https://github.com/o/r`). Bound parameters are shown read-only,
   * with where the value comes from. Any other placeholder
   * (`${{ steps.publish.output.remoteUrl }}`) is known only when the task runs: the
   * parameter is then left out of the value and not checked, for the task's steps to set.
   */
  boundParameters?: Record<string, string>;
  /** The task secret that receives the session token. Default: `CODER_SESSION_TOKEN`. */
  secretsKey?: string;
  /**
   * The name the template gives the workspace, with `${{ parameters.<field> }}`
   * placeholders like `boundParameters` (e.g. `${{ parameters.name }}`). The field shows
   * it and refuses the step while it breaks Coder's naming rule or the user already has
   * a workspace of that name, so the run does not fail after publishing the repository.
   * The resolved name is also the value's `workspaceName`.
   */
  workspaceName?: string;
  /**
   * Whether the task gets the user's Coder session (default `true`). A template that
   * only links to Coder's create page sets `false`: no secret is set, the form does not
   * say the template will act as the user, and the value carries `createUrl`.
   */
  shareSession?: boolean;
};
