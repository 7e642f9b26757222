import { useCoderContext } from '../components/CoderProvider/CoderContext';
import type { ResolvedCoderAppConfig } from '../config/resolveCoderConfig';

/**
 * The provider's resolved settings. Throws the {@link CoderConfigError} naming the bad
 * key when the configuration is missing or invalid (cards catch it and show it).
 *
 * @public
 */
export function useCoderAppConfig(): ResolvedCoderAppConfig {
  const { config, configError } = useCoderContext();
  if (!config) throw configError;
  return config;
}
