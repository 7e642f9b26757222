import { createContext, useContext } from 'react';
import {
  configApiRef,
  useApi,
  type ConfigApi,
} from '@backstage/core-plugin-api';
import type { CoderAppConfig } from '../../config/CoderAppConfig';
import {
  CoderConfigError,
  resolveCoderConfig,
  type ResolvedCoderAppConfig,
} from '../../config/resolveCoderConfig';

/** What a CoderProvider gives the components below it. */
export interface CoderContextValue {
  config?: ResolvedCoderAppConfig;
  configError?: CoderConfigError;
}

export const CoderContext = createContext<CoderContextValue | undefined>(
  undefined,
);

/** Resolves app-config (and an optional override) into a context value, never throwing a config error. */
export function resolveCoderContextValue(
  configApi: ConfigApi,
  override?: CoderAppConfig,
): CoderContextValue {
  try {
    return { config: resolveCoderConfig(configApi, override) };
  } catch (error) {
    if (error instanceof CoderConfigError) return { configError: error };
    throw error;
  }
}

// Outside a provider, app-config alone is resolved once per app, not once per component.
const fromAppConfig = new WeakMap<ConfigApi, CoderContextValue>();

/**
 * The nearest CoderProvider's value. Outside one, the settings come from app-config
 * alone: in the new frontend system the catalog renders some of our pieces (the About
 * card's icon link, the context menu) outside the plugin's wrapper, and custom
 * components should not need a provider either.
 */
export function useCoderContext(): CoderContextValue {
  const value = useContext(CoderContext);
  const configApi = useApi(configApiRef);
  if (value) return value;
  let resolved = fromAppConfig.get(configApi);
  if (!resolved) {
    resolved = resolveCoderContextValue(configApi);
    fromAppConfig.set(configApi, resolved);
  }
  return resolved;
}
