import { Micros, MICROS_PER_SECOND } from './clock';
import { IdSource, seedId } from './ids';
import type { Store } from './store';

/**
 * The fixed names of the seed: tokens, ids and repositories that tests, docs
 * and the dev app refer to.
 */

export const SEED_TOKENS = {
  demo: 'demo000001-fakeCoderDemoSecret001',
  alice: 'alice00001-fakeCoderAliceSecret01',
  admin: 'admin00001-fakeCoderAdminSecret01',
} as const;

export const SEED_IDS = {
  deployment: seedId('deployment', 1),
  provisioner: seedId('provisioner', 1),
  organization: seedId('organization', 1),
  users: {
    demo: seedId('user', 1),
    alice: seedId('user', 2),
    admin: seedId('user', 3),
  },
  templates: {
    devcontainers: seedId('template', 1),
    docker: seedId('template', 2),
    legacyVm: seedId('template', 3),
  },
  templateVersions: {
    devcontainersV1: seedId('templateVersion', 1),
    devcontainersV2: seedId('templateVersion', 2),
    dockerV1: seedId('templateVersion', 3),
    legacyVmV1: seedId('templateVersion', 4),
  },
  /** The seeded workspace at this 1-based position of SEED_WORKSPACES. */
  workspaces: (position: number) => seedId('workspace', position),
} as const;

export const SEED_REPOSITORIES = {
  webApp: 'https://github.com/acme/web-app',
  paymentsApi: 'https://gitlab.com/acme/payments-api',
  docsSite: 'https://bitbucket.org/acme/docs-site',
} as const;

export const HOUR = 3600 * MICROS_PER_SECOND;
export const DAY = 24 * HOUR;
export const MINUTE = 60 * MICROS_PER_SECOND;

export interface SeedContext {
  store: Store;
  now: Micros;
  ids: IdSource;
  accessUrl: string;
}

export interface Seeded {
  store: Store;
  /** Ids for workspaces added later by seedWorkspaces / POST /__fake/seed. */
  benchIds: IdSource;
  benchCount: number;
}
