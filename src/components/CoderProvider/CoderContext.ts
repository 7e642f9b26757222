import { createContext, useContext } from 'react';
import type {
  CoderConfigError,
  ResolvedCoderAppConfig,
} from '../../config/resolveCoderConfig';

/** What a CoderProvider gives the components below it. */
export interface CoderContextValue {
  config?: ResolvedCoderAppConfig;
  configError?: CoderConfigError;
}

export const CoderContext = createContext<CoderContextValue | undefined>(
  undefined,
);

/** The nearest CoderProvider's value; throws a clear error outside one. */
export function useCoderContext(): CoderContextValue {
  const value = useContext(CoderContext);
  if (!value) {
    throw new Error(
      'Coder components must be inside <CoderProvider>; wrap the app or the page with it.',
    );
  }
  return value;
}
