import { useMemo, type ReactNode } from 'react';
import {
  attachComponentData,
  configApiRef,
  useApi,
} from '@backstage/core-plugin-api';
import type { CoderAppConfig } from '../../config/CoderAppConfig';
import { coderAuthApiRef } from '../../auth/oauth/coderAuthApiRef';
import { coderPlugin } from '../../plugin';
import {
  CoderContext,
  resolveCoderContextValue,
  type CoderContextValue,
} from './CoderContext';
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
  const value = useMemo<CoderContextValue>(
    () => resolveCoderContextValue(configApi, appConfig),
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [configApi, overrideKey],
  );

  return (
    <CoderContext.Provider value={value}>
      {children}
      {value.config && <CoderFallbackAuthPrompt />}
    </CoderContext.Provider>
  );
}

// A classic app registers a plugin's APIs only for plugins it finds in its element
// tree. Marking the provider (usually in App.tsx) makes the README's setup enough on
// its own; it is not wrapped as an extension, which would put an error boundary and
// the plugin's analytics context around the whole app.
attachComponentData(CoderProvider, 'core.plugin', coderPlugin);
