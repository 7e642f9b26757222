import { useMemo, type ReactNode } from 'react';
import { configApiRef, useApi } from '@backstage/core-plugin-api';
import type { CoderAppConfig } from '../../config/CoderAppConfig';
import {
  CoderConfigError,
  resolveCoderConfig,
} from '../../config/resolveCoderConfig';
import { coderAuthApiRef } from '../../auth/oauth/coderAuthApiRef';
import { CoderContext, type CoderContextValue } from './CoderContext';
import { CoderFallbackAuthPrompt } from './CoderFallbackAuthPrompt';

/** Props of {@link CoderProvider}. @public */
export interface CoderProviderProps {
  /** Overrides `app-config.yaml`'s `coder:` settings, key by key. */
  appConfig?: CoderAppConfig;
  children?: ReactNode;
}

/**
 * Gives Coder components their settings and the linked account. Wrap the whole app or
 * a single page; several providers share one account link and one request cache, and
 * the host app's own TanStack Query client is never touched.
 *
 * @public
 */
export function CoderProvider(props: CoderProviderProps) {
  const { appConfig, children } = props;
  const configApi = useApi(configApiRef);
  // Created here so an OAuth session refreshes, and recovers from 401s, from the start.
  useApi(coderAuthApiRef);
  // Inline object props are common in App.tsx; compare them by value.
  const overrideKey = JSON.stringify(appConfig ?? null);
  const value = useMemo<CoderContextValue>(() => {
    try {
      return { config: resolveCoderConfig(configApi, appConfig) };
    } catch (error) {
      if (error instanceof CoderConfigError) return { configError: error };
      throw error;
    }
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [configApi, overrideKey]);

  return (
    <CoderContext.Provider value={value}>
      {children}
      {value.config && <CoderFallbackAuthPrompt />}
    </CoderContext.Provider>
  );
}
