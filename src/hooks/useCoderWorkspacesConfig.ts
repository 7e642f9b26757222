import { useMemo } from 'react';
import { useAsyncEntity } from '@backstage/plugin-catalog-react';
import type { Entity } from '@backstage/catalog-model';
import {
  CODER_DEFAULT_ENTITY_POLICY,
  permittedEntityValues,
} from '../catalog/entityPolicy';
import {
  readEntityCoderConfig,
  type CoderEntityConfigIssue,
} from '../catalog/entityCoderConfig';
import { buildWorkspaceCreationUrl } from '../catalog/workspaceCreationUrl';
import type { CoderWorkspaceCreationMode } from '../config/CoderAppConfig';
import type {
  CoderConfigError,
  ResolvedCoderAppConfig,
} from '../config/resolveCoderConfig';
import { useCoderContext } from '../components/CoderProvider/CoderContext';

/** The settings a workspaces card works with, app config and entity merged. @public */
export interface CoderWorkspacesConfig {
  /** True when the settings include the current catalog entity's. */
  readsEntityData: boolean;
  templateName?: string;
  mode: CoderWorkspaceCreationMode;
  params: Record<string, string | undefined>;
  /** Normalised repository URL of the entity, when it has one. */
  repoUrl?: string;
  repoUrlParamKeys: readonly string[];
  /** The repository scope for searches and the create form, when there is one. */
  repository?: { repoUrl: string; repoUrlParamKeys: readonly string[] };
  /** Coder's create-workspace deep link, when a template is known. */
  creationUrl?: string;
  /** Parameters whose value comes from the entity's catalog-info (shown as such). */
  entityParams?: readonly string[];
  /** The template was named by the entity's catalog-info. */
  entityTemplate?: boolean;
  /** Entity values that could not be used, each naming its field. */
  issues: CoderEntityConfigIssue[];
}

/** Merges app settings with one entity's (the entity wins); pure, for tests and custom UIs. @public */
export function mergeWorkspacesConfig(
  appConfig: ResolvedCoderAppConfig,
  entity: Entity | undefined,
): CoderWorkspacesConfig {
  const app = appConfig.workspaces;
  const fromEntity = entity ? readEntityCoderConfig(entity) : undefined;
  // The entity is less trusted than app-config: only what the platform allows counts.
  const permitted = fromEntity
    ? permittedEntityValues(
        fromEntity,
        app.params,
        app.fromEntities ?? CODER_DEFAULT_ENTITY_POLICY,
      )
    : undefined;
  const templateName = permitted?.templateName ?? app.defaultTemplateName;
  const mode = permitted?.mode ?? app.defaultMode;
  const params = { ...app.params, ...permitted?.params };
  const repoUrl = fromEntity?.repoUrl;
  return {
    readsEntityData: Boolean(entity),
    templateName,
    mode,
    params,
    repoUrl,
    repoUrlParamKeys: app.repoUrlParamKeys,
    repository: repoUrl
      ? { repoUrl, repoUrlParamKeys: app.repoUrlParamKeys }
      : undefined,
    creationUrl: templateName
      ? buildWorkspaceCreationUrl({
          accessUrl: appConfig.deployment.accessUrl,
          templateName,
          mode,
          params,
          repoUrl,
          repoUrlParamKeys: app.repoUrlParamKeys,
        })
      : undefined,
    entityParams: Object.keys(permitted?.params ?? {}),
    entityTemplate: permitted?.templateName !== undefined,
    issues: [...(fromEntity?.issues ?? []), ...(permitted?.issues ?? [])],
  };
}

/** The page's entity, or undefined outside an entity page (where the hook throws). */
function useOptionalEntity(): Entity | undefined {
  try {
    return useAsyncEntity().entity;
  } catch {
    return undefined;
  }
}

/**
 * The workspace settings for this place in the app: app config, plus the current
 * entity's catalog-info when `readEntityData` is set.
 *
 * @public
 */
export function useCoderWorkspacesConfig(options: {
  readEntityData?: boolean;
}): CoderWorkspacesConfig {
  const { workspacesConfig, configError } = useWorkspacesConfigOrError(options);
  if (!workspacesConfig) throw configError;
  return workspacesConfig;
}

/**
 * Like {@link useCoderWorkspacesConfig}, but a bad app-config comes back as a value
 * instead of being thrown: for pieces that other plugins render (the About card's link,
 * the entity menu), where a throw would take their whole card down.
 */
export function useWorkspacesConfigOrError(options: {
  readEntityData?: boolean;
}): {
  appConfig?: ResolvedCoderAppConfig;
  workspacesConfig?: CoderWorkspacesConfig;
  configError?: CoderConfigError;
} {
  const { config: appConfig, configError } = useCoderContext();
  const pageEntity = useOptionalEntity();
  const entity = options.readEntityData ? pageEntity : undefined;
  const workspacesConfig = useMemo(() => {
    if (!appConfig) return undefined;
    const merged = mergeWorkspacesConfig(appConfig, entity);
    if (options.readEntityData && !entity) {
      merged.issues.push({
        field: 'readEntityData',
        message: 'is set, but this component is not on a catalog entity page',
      });
    }
    return merged;
  }, [appConfig, entity, options.readEntityData]);
  return { appConfig, workspacesConfig, configError };
}
