import { randomBytes, randomUUID } from 'node:crypto';

/**
 * Seed data uses readable, deterministic UUIDs (`c0de0004-0000-4000-8000-000000000003`)
 * so tests, docs and the dev app can refer to them; everything created at
 * run time uses random ones.
 */
export const SEED_KIND = {
  organization: 'c0de0000',
  user: 'c0de0001',
  template: 'c0de0002',
  templateVersion: 'c0de0003',
  workspace: 'c0de0004',
  build: 'c0de0005',
  job: 'c0de0006',
  resource: 'c0de0007',
  agent: 'c0de0008',
  app: 'c0de0009',
  file: 'c0de000a',
  deployment: 'c0de000b',
  provisioner: 'c0de000c',
} as const;

export type SeedKind = keyof typeof SEED_KIND;

export function seedId(kind: SeedKind, index: number): string {
  return `${SEED_KIND[kind]}-0000-4000-8000-${index.toString(16).padStart(12, '0')}`;
}

export type IdSource = (kind: SeedKind) => string;

/** Counters per kind, so the same seed always yields the same ids. */
export function sequentialIds(start = 1): IdSource {
  const counters = new Map<SeedKind, number>();
  return kind => {
    const next = (counters.get(kind) ?? start - 1) + 1;
    counters.set(kind, next);
    return seedId(kind, next);
  };
}

export const randomIds: IdSource = () => randomUUID();

const ALPHANUMERIC =
  'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789';

/** Random alphanumerics, the alphabet of Coder's API key id and secret. */
export function randomAlphanumeric(length: number): string {
  const bytes = randomBytes(length);
  let text = '';
  for (const byte of bytes) text += ALPHANUMERIC[byte % ALPHANUMERIC.length];
  return text;
}
