import type { ConfigApi } from '@backstage/core-plugin-api';
import type { CoderTokenStorage } from '../auth/CoderTokenStore';

const CODER_TOKEN_STORAGES: readonly CoderTokenStorage[] = [
  'local',
  'session',
  'memory',
];

/**
 * `coder.tokenStorage`: `local` when unset. A value that is none of the three (a typo)
 * keeps tokens in memory: the setting was meant to change where tokens live, and the
 * least lasting place is the safe reading of a mistake. `backstage-cli config:check`
 * reports the typo against config.d.ts.
 */
export function readCoderTokenStorage(configApi: ConfigApi): CoderTokenStorage {
  let value: unknown;
  try {
    value = configApi.getOptional('coder.tokenStorage');
  } catch {
    return 'memory';
  }
  if (value === undefined) return 'local';
  return CODER_TOKEN_STORAGES.includes(value as CoderTokenStorage)
    ? (value as CoderTokenStorage)
    : 'memory';
}
