import { randomUUID } from 'node:crypto';
import type { Micros } from './clock';
import type {
  BuildParameterRecord,
  TemplateVersionParameterRecord,
  WorkspaceRecord,
  WorkspaceTransition,
} from './records';
import { SEED_IDS, seedStore } from './seed';
import type { Store } from './store';

/**
 * Test-only: a seeded store with hand-made templates and workspaces, for the
 * search and sort cases ported from Coder's tests, which set up data the seed
 * does not have. Not part of the fake's public API.
 */

/** A seeded store at `now` with no workspaces, so a case starts from nothing. */
export function emptiedStore(now: Micros): Store {
  const { store } = seedStore(now, 'http://127.0.0.1:3900');
  store.workspaces.clear();
  store.builds.clear();
  store.agents.clear();
  store.pendingJobs.clear();
  return store;
}

/** A string parameter as an echo-provisioned Coder test template declares it. */
export function stringParameter(name: string): TemplateVersionParameterRecord {
  return {
    name,
    displayName: '',
    displayOrder: 0,
    description: '',
    type: 'string',
    formType: 'input',
    mutable: true,
    defaultValue: '',
    icon: '',
    options: [],
    required: false,
    ephemeral: false,
  };
}

/** Adds a template in the seed's organization with one version; returns the version id. */
export function addTemplate(
  store: Store,
  name: string,
  parameters: TemplateVersionParameterRecord[],
  now: Micros,
): { templateId: string; versionId: string } {
  const templateId = randomUUID();
  const versionId = randomUUID();
  const job = {
    id: randomUUID(),
    type: 'template_version_import' as const,
    organizationId: SEED_IDS.organization,
    initiatorId: SEED_IDS.users.admin,
    fileId: randomUUID(),
    createdAt: now,
    updatedAt: now,
    startedAt: now,
    completedAt: now,
  };
  store.addTemplateVersion({
    id: versionId,
    templateId,
    organizationId: SEED_IDS.organization,
    name: 'v1',
    message: '',
    readme: '',
    createdById: SEED_IDS.users.admin,
    createdAt: now,
    updatedAt: now,
    job,
    parameters,
  });
  store.templates.set(templateId, {
    id: templateId,
    organizationId: SEED_IDS.organization,
    name,
    displayName: '',
    description: '',
    icon: '',
    activeVersionId: versionId,
    deprecationMessage: '',
    allowUserCancelWorkspaceJobs: true,
    requireActiveVersion: false,
    useClassicParameterFlow: false,
    defaultTtlMs: 0,
    activityBumpMs: 0,
    timeTilDormantMs: 0,
    timeTilDormantAutoDeleteMs: 0,
    createdById: SEED_IDS.users.admin,
    createdAt: now,
    updatedAt: now,
    deleted: false,
  });
  return { templateId, versionId };
}

/** A workspace to add to a test store. */
export interface WorkspaceFixture {
  name: string;
  ownerId: string;
  templateId: string;
  versionId: string;
  /** The latest build's transition; its job succeeded. */
  transition?: WorkspaceTransition;
  parameters?: BuildParameterRecord[];
  favorite?: boolean;
}

/** Adds a workspace whose only build succeeded, with no resources. */
export function addWorkspace(
  store: Store,
  fixture: WorkspaceFixture,
  now: Micros,
): WorkspaceRecord {
  const id = randomUUID();
  const workspace: WorkspaceRecord = {
    id,
    name: fixture.name,
    ownerId: fixture.ownerId,
    organizationId: SEED_IDS.organization,
    templateId: fixture.templateId,
    createdAt: now,
    updatedAt: now,
    lastUsedAt: now,
    deleted: false,
    automaticUpdates: 'never',
    favorite: fixture.favorite ?? false,
    builds: [
      {
        id: randomUUID(),
        workspaceId: id,
        buildNumber: 1,
        transition: fixture.transition ?? 'start',
        templateVersionId: fixture.versionId,
        initiatorId: fixture.ownerId,
        reason: 'initiator',
        createdAt: now,
        updatedAt: now,
        job: {
          id: randomUUID(),
          type: 'workspace_build',
          organizationId: SEED_IDS.organization,
          initiatorId: fixture.ownerId,
          fileId: randomUUID(),
          createdAt: now,
          updatedAt: now,
          startedAt: now,
          completedAt: now,
        },
        parameters: fixture.parameters ?? [],
        resources: [],
      },
    ],
  };
  store.addWorkspace(workspace);
  return workspace;
}
