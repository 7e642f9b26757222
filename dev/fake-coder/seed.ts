import type { Micros } from './clock';
import { seedId, sequentialIds } from './ids';
import type { OrganizationRecord, UserRecord } from './records';
import {
  DAY,
  HOUR,
  SEED_IDS,
  SEED_TOKENS,
  SeedContext,
  Seeded,
} from './seedIds';
import { seedTemplates } from './seedTemplates';
import { buildSeedWorkspace, SEED_WORKSPACES } from './seedWorkspaces';
import { Store } from './store';

/**
 * The deterministic seed: one organization, three users, three templates and
 * fifteen workspaces covering every state the plugin shows. Ids and tokens
 * never change, so tests, docs and the dev app can name them.
 */

export { SEED_IDS, SEED_REPOSITORIES, SEED_TOKENS } from './seedIds';
export type { Seeded } from './seedIds';
export { addBenchWorkspaces, SEED_WORKSPACES } from './seedWorkspaces';

export function createStore(): Store {
  return new Store(SEED_IDS.deployment, {
    id: SEED_IDS.provisioner,
    name: 'fake-provisioner',
  });
}

function users(context: SeedContext): UserRecord[] {
  const created = context.now - 400 * DAY;
  const base = {
    status: 'active' as const,
    createdAt: created,
    updatedAt: created,
    lastSeenAt: context.now - HOUR,
  };
  return [
    {
      ...base,
      id: SEED_IDS.users.demo,
      username: 'demo',
      email: 'demo@example.com',
      name: 'Demo User',
      avatarUrl: '',
      siteRole: 'member',
    },
    {
      ...base,
      id: SEED_IDS.users.alice,
      username: 'alice',
      email: 'alice@example.com',
      name: 'Alice Liddell',
      avatarUrl: `${context.accessUrl}/icon/avatar-alice.svg`,
      siteRole: 'member',
    },
    {
      ...base,
      id: SEED_IDS.users.admin,
      username: 'admin',
      email: 'admin@example.com',
      name: 'Ada Admin',
      avatarUrl: `${context.accessUrl}/icon/avatar-admin.svg`,
      siteRole: 'owner',
    },
  ];
}

export function seedStore(now: Micros, accessUrl: string): Seeded {
  const store = createStore();
  const ids = sequentialIds();
  const context: SeedContext = { store, now, ids, accessUrl };
  const organization: OrganizationRecord = {
    id: SEED_IDS.organization,
    name: 'coder',
    displayName: 'Coder',
    description: 'The default organization.',
    icon: '',
    isDefault: true,
    createdAt: now - 400 * DAY,
    updatedAt: now - 400 * DAY,
  };
  store.organizations.set(organization.id, organization);
  for (const user of users(context)) store.addUser(user);
  const farFuture = now + 3650 * DAY;
  for (const [key, token] of Object.entries(SEED_TOKENS)) {
    const [id, secret] = token.split('-');
    store.tokens.set(id, {
      id,
      secret,
      userId: SEED_IDS.users[key as keyof typeof SEED_TOKENS],
      expiresAt: farFuture,
    });
  }
  const seededTemplates = seedTemplates(context);
  for (const template of seededTemplates.templates)
    store.templates.set(template.id, template);
  for (const version of seededTemplates.versions)
    store.addTemplateVersion(version);
  SEED_WORKSPACES.forEach((spec, index) => {
    store.addWorkspace(
      buildSeedWorkspace(context, spec, seedId('workspace', index + 1)),
    );
  });
  return { store, benchIds: sequentialIds(0x100000), benchCount: 0 };
}
