import type { CoderWorkspaceCreationMode } from '../config/CoderAppConfig';
import type {
  CoderEntityConfig,
  CoderEntityConfigIssue,
} from './entityCoderConfig';

/**
 * What the platform lets an entity's catalog-info decide (`coder.workspaces.fromEntities`).
 * An entity is written by anyone who can change its repository, so by default it may
 * not turn on one-click creation and may not replace a value the platform set.
 *
 * @public
 */
export interface CoderEntityPolicy {
  /** The entity may set `mode: auto`. Default false (it may always choose `manual`). */
  autoMode: boolean;
  /** The entity may name its template. Default true. */
  templateName: boolean;
  /**
   * The parameters an entity may set. Absent: any parameter the app-config does not
   * set itself.
   */
  params?: readonly string[];
}

/** The policy when app-config says nothing. @public */
export const CODER_DEFAULT_ENTITY_POLICY: CoderEntityPolicy = {
  autoMode: false,
  templateName: true,
};

const SETTING = 'coder.workspaces.fromEntities';

/** The entity's values the policy lets through, and an issue for each it does not. */
export interface PermittedEntityValues {
  templateName?: string;
  mode?: CoderWorkspaceCreationMode;
  params: Record<string, string>;
  issues: CoderEntityConfigIssue[];
}

/**
 * Keeps what `policy` allows of an entity's settings; each refused value becomes an
 * issue naming where it was written and the app-config setting that refuses it.
 */
export function permittedEntityValues(
  entity: CoderEntityConfig,
  appParams: Readonly<Record<string, string | undefined>>,
  policy: CoderEntityPolicy,
): PermittedEntityValues {
  const issues: CoderEntityConfigIssue[] = [];
  const refuse = (field: string | undefined, message: string) =>
    issues.push({ field: field ?? 'catalog-info', message });

  let mode = entity.mode;
  if (mode === 'auto' && !policy.autoMode) {
    refuse(
      entity.fields.mode,
      `asks for one-click creation, which this Backstage does not let entities turn on (${SETTING}.autoMode); the create form opens instead`,
    );
    mode = undefined;
  }
  let templateName = entity.templateName;
  if (templateName !== undefined && !policy.templateName) {
    refuse(
      entity.fields.templateName,
      `names a template, which this Backstage does not let entities choose (${SETTING}.templateName)`,
    );
    templateName = undefined;
  }
  const params: Record<string, string> = {};
  for (const [name, value] of Object.entries(entity.params)) {
    const allowed = policy.params
      ? policy.params.includes(name)
      : appParams[name] === undefined || appParams[name] === value;
    if (allowed) {
      params[name] = value;
    } else {
      refuse(
        `${entity.fields.params[name] ?? 'catalog-info'}.${name}`,
        policy.params
          ? `is not among the parameters entities may set (${SETTING}.params)`
          : `would replace the value this Backstage sets; entities may not (list it in ${SETTING}.params to allow it)`,
      );
    }
  }
  return { templateName, mode, params, issues };
}
