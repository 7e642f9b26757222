import { Micros, MICROS_PER_SECOND } from './clock';
import type {
  BuildParameterRecord,
  BuildRecord,
  JobRecord,
  TemplateVersionRecord,
  WorkspaceRecord,
} from './records';
import {
  connectAgent,
  ResourceContext,
  startResources,
  stopResources,
} from './resources';
import {
  DAY,
  HOUR,
  MINUTE,
  SEED_IDS,
  SEED_REPOSITORIES,
  SeedContext,
  Seeded,
} from './seedIds';

/** The seeded workspaces, with build histories that lead to each state. */

/** Values the build would store: every parameter, defaults filled in. */
function parameterValues(
  version: TemplateVersionRecord,
  overrides: Record<string, string>,
): BuildParameterRecord[] {
  return version.parameters.map(entry => ({
    name: entry.name,
    value: overrides[entry.name] ?? entry.defaultValue,
  }));
}

/** The states seed workspaces are put in; transitional ones keep moving. */
export type SeedState =
  | 'running'
  | 'connecting'
  | 'stopped'
  | 'starting'
  | 'stopping'
  | 'failed'
  | 'pending'
  | 'canceled'
  | 'deleting'
  | 'dormant';

export interface SeedWorkspaceSpec {
  name: string;
  ownerId: string;
  templateId: string;
  versionId: string;
  state: SeedState;
  parameters: Record<string, string>;
  ageDays: number;
  lastUsedMinutesAgo: number;
  favorite?: boolean;
}

interface BuildStep {
  transition: 'start' | 'stop' | 'delete';
  outcome: 'succeeded' | 'running' | 'pending' | 'failed' | 'canceled';
  reason?: BuildRecord['reason'];
}

function stepsFor(state: SeedState): BuildStep[] {
  const started: BuildStep = { transition: 'start', outcome: 'succeeded' };
  const stopped: BuildStep = { transition: 'stop', outcome: 'succeeded' };
  switch (state) {
    case 'running':
    case 'connecting':
      return [started];
    case 'stopped':
      return [started, stopped];
    case 'dormant':
      return [
        started,
        { transition: 'stop', outcome: 'succeeded', reason: 'autostop' },
      ];
    case 'starting':
      return [started, stopped, { transition: 'start', outcome: 'running' }];
    case 'stopping':
      return [started, { transition: 'stop', outcome: 'running' }];
    case 'failed':
      return [{ transition: 'start', outcome: 'failed' }];
    case 'pending':
      return [{ transition: 'start', outcome: 'pending' }];
    case 'canceled':
      return [{ transition: 'start', outcome: 'canceled' }];
    default:
      return [started, stopped, { transition: 'delete', outcome: 'running' }];
  }
}

function seedBuild(
  context: SeedContext,
  workspace: WorkspaceRecord,
  spec: SeedWorkspaceSpec,
  step: BuildStep,
  index: number,
  isLatest: boolean,
): BuildRecord {
  const { store, ids } = context;
  const version = store.templateVersions.get(spec.versionId);
  const template = store.templates.get(spec.templateId);
  const owner = store.users.get(spec.ownerId);
  if (!version || !template || !owner)
    throw new Error(`fake-coder: bad seed spec ${spec.name}`);
  // Latest builds happened recently; history is spread over the workspace's life.
  const createdAt = isLatest
    ? context.now -
      (step.outcome === 'succeeded' ||
      step.outcome === 'failed' ||
      step.outcome === 'canceled'
        ? 3 * HOUR
        : 20 * MICROS_PER_SECOND)
    : workspace.createdAt + index * DAY;
  const job: JobRecord = {
    id: ids('job'),
    type: 'workspace_build',
    organizationId: SEED_IDS.organization,
    initiatorId: owner.id,
    fileId: version.job.fileId,
    createdAt,
    updatedAt: createdAt,
  };
  if (step.outcome !== 'pending') {
    job.startedAt = createdAt + 2 * MICROS_PER_SECOND;
    job.workerId = SEED_IDS.provisioner;
  }
  if (
    step.outcome === 'succeeded' ||
    step.outcome === 'failed' ||
    step.outcome === 'canceled'
  ) {
    job.completedAt = createdAt + 45 * MICROS_PER_SECOND;
    job.updatedAt = job.completedAt;
  }
  if (step.outcome === 'failed') {
    job.error =
      'terraform apply: exit status 1: Error: Unable to pull image "mcr.microsoft.com/devcontainers/base": manifest unknown';
  }
  if (step.outcome === 'canceled')
    job.canceledAt = createdAt + 30 * MICROS_PER_SECOND;

  const build: BuildRecord = {
    id: ids('build'),
    workspaceId: workspace.id,
    buildNumber: index + 1,
    transition: step.transition,
    templateVersionId: version.id,
    initiatorId: owner.id,
    reason: step.reason ?? 'initiator',
    createdAt,
    updatedAt: job.updatedAt,
    job,
    parameters: parameterValues(version, spec.parameters),
    resources: [],
  };
  if (step.outcome === 'succeeded' && step.transition !== 'delete') {
    const completedAt = job.completedAt ?? createdAt;
    const resourceContext: ResourceContext = {
      workspace,
      owner,
      template,
      build,
      now: completedAt,
      ids,
    };
    build.resources =
      step.transition === 'start'
        ? startResources(resourceContext)
        : stopResources(resourceContext);
    for (const resource of build.resources) {
      for (const agent of resource.agents) {
        if (!isLatest) {
          connectAgent(agent, completedAt + MINUTE);
          agent.disconnectedAt = completedAt + 2 * HOUR;
          agent.lifecycleState = 'off';
        } else if (spec.state === 'connecting') {
          // Provisioned a moment ago; the runner connects it after agentConnectMs.
          agent.createdAt = context.now - 5 * MICROS_PER_SECOND;
          agent.updatedAt = agent.createdAt;
        } else {
          connectAgent(agent, completedAt + MINUTE);
        }
      }
    }
    if (step.transition === 'start' && isLatest && workspace.ttlMs) {
      build.deadline = completedAt + workspace.ttlMs * 1000;
    }
  }
  return build;
}

export function buildSeedWorkspace(
  context: SeedContext,
  spec: SeedWorkspaceSpec,
  id: string,
): WorkspaceRecord {
  const template = context.store.templates.get(spec.templateId);
  const createdAt = context.now - spec.ageDays * DAY;
  const workspace: WorkspaceRecord = {
    id,
    name: spec.name,
    ownerId: spec.ownerId,
    organizationId: SEED_IDS.organization,
    templateId: spec.templateId,
    createdAt,
    updatedAt: createdAt,
    lastUsedAt: context.now - spec.lastUsedMinutesAgo * MINUTE,
    deleted: false,
    ttlMs: template?.defaultTtlMs ? template.defaultTtlMs : undefined,
    automaticUpdates: 'never',
    favorite: spec.favorite ?? false,
    builds: [],
  };
  const steps = stepsFor(spec.state);
  steps.forEach((step, index) => {
    workspace.builds.push(
      seedBuild(
        context,
        workspace,
        spec,
        step,
        index,
        index === steps.length - 1,
      ),
    );
  });
  if (spec.state === 'dormant') {
    workspace.dormantAt = context.now - 10 * DAY;
    workspace.deletingAt =
      workspace.dormantAt + (template?.timeTilDormantAutoDeleteMs ?? 0) * 1000;
  }
  return workspace;
}

const { devcontainers, docker } = SEED_IDS.templates;
const { devcontainersV1, devcontainersV2, dockerV1 } =
  SEED_IDS.templateVersions;
const { demo, alice } = SEED_IDS.users;

/** Demo's and Alice's workspaces; ids follow this order (c0de0004-…-000000000001 up). */
export const SEED_WORKSPACES: SeedWorkspaceSpec[] = [
  {
    name: 'web-app-main',
    ownerId: demo,
    templateId: devcontainers,
    versionId: devcontainersV2,
    state: 'running',
    favorite: true,
    ageDays: 90,
    lastUsedMinutesAgo: 5,
    parameters: {
      repo_url: SEED_REPOSITORIES.webApp,
      cpu: '4',
      enable_docker: 'true',
      tags: '["frontend","main"]',
    },
  },
  {
    name: 'web-app-feature',
    ownerId: demo,
    templateId: devcontainers,
    versionId: devcontainersV2,
    state: 'stopped',
    ageDays: 30,
    lastUsedMinutesAgo: 60 * 26,
    parameters: { repo_url: SEED_REPOSITORIES.webApp, region: 'us-pittsburgh' },
  },
  {
    name: 'web-app-review',
    ownerId: demo,
    templateId: devcontainers,
    versionId: devcontainersV2,
    state: 'starting',
    ageDays: 12,
    lastUsedMinutesAgo: 1,
    parameters: { repo_url: SEED_REPOSITORIES.webApp },
  },
  {
    name: 'web-app-legacy',
    ownerId: demo,
    templateId: devcontainers,
    versionId: devcontainersV1,
    state: 'running',
    ageDays: 110,
    lastUsedMinutesAgo: 45,
    parameters: {
      repo_url: SEED_REPOSITORIES.webApp,
      dotfiles_uri: 'https://github.com/demo/dotfiles',
    },
  },
  {
    name: 'web-app-broken',
    ownerId: demo,
    templateId: devcontainers,
    versionId: devcontainersV2,
    state: 'failed',
    ageDays: 2,
    lastUsedMinutesAgo: 180,
    parameters: { repo_url: SEED_REPOSITORIES.webApp, region: 'ap-sydney' },
  },
  {
    name: 'web-app-spike',
    ownerId: demo,
    templateId: devcontainers,
    versionId: devcontainersV2,
    state: 'connecting',
    ageDays: 1,
    lastUsedMinutesAgo: 2,
    parameters: { repo_url: SEED_REPOSITORIES.webApp },
  },
  {
    name: 'payments-api',
    ownerId: demo,
    templateId: devcontainers,
    versionId: devcontainersV2,
    state: 'stopping',
    ageDays: 60,
    lastUsedMinutesAgo: 3,
    parameters: {
      repo_url: SEED_REPOSITORIES.paymentsApi,
      cpu: '8',
      disk_size: '100',
    },
  },
  {
    name: 'payments-archive',
    ownerId: demo,
    templateId: devcontainers,
    versionId: devcontainersV2,
    state: 'dormant',
    ageDays: 200,
    lastUsedMinutesAgo: 60 * 24 * 40,
    parameters: { repo_url: SEED_REPOSITORIES.paymentsApi },
  },
  {
    name: 'payments-cleanup',
    ownerId: demo,
    templateId: devcontainers,
    versionId: devcontainersV2,
    state: 'deleting',
    ageDays: 45,
    lastUsedMinutesAgo: 4,
    parameters: { repo_url: SEED_REPOSITORIES.paymentsApi },
  },
  {
    name: 'docs-site',
    ownerId: demo,
    templateId: devcontainers,
    versionId: devcontainersV2,
    state: 'canceled',
    ageDays: 7,
    lastUsedMinutesAgo: 240,
    parameters: { repo_url: SEED_REPOSITORIES.docsSite },
  },
  {
    name: 'scratch',
    ownerId: demo,
    templateId: docker,
    versionId: dockerV1,
    state: 'pending',
    ageDays: 0,
    lastUsedMinutesAgo: 0,
    parameters: {},
  },
  {
    name: 'sandbox',
    ownerId: demo,
    templateId: docker,
    versionId: dockerV1,
    state: 'running',
    ageDays: 15,
    lastUsedMinutesAgo: 20,
    parameters: { image: 'codercom/enterprise-node:ubuntu' },
  },
  {
    name: 'web-app',
    ownerId: alice,
    templateId: devcontainers,
    versionId: devcontainersV2,
    state: 'running',
    ageDays: 80,
    lastUsedMinutesAgo: 10,
    parameters: { repo_url: SEED_REPOSITORIES.webApp },
  },
  {
    name: 'web-app-hotfix',
    ownerId: alice,
    templateId: devcontainers,
    versionId: devcontainersV2,
    state: 'stopped',
    ageDays: 9,
    lastUsedMinutesAgo: 60 * 50,
    parameters: { repo_url: SEED_REPOSITORIES.webApp, region: 'ap-sydney' },
  },
  {
    name: 'notebook',
    ownerId: alice,
    templateId: docker,
    versionId: dockerV1,
    state: 'stopped',
    ageDays: 33,
    lastUsedMinutesAgo: 60 * 100,
    parameters: {},
  },
];

const BENCH_REPOSITORIES = [
  SEED_REPOSITORIES.webApp,
  SEED_REPOSITORIES.paymentsApi,
  SEED_REPOSITORIES.docsSite,
  'https://github.com/acme/mobile-app',
  'https://github.com/acme/infra',
  'https://gitlab.com/acme/search-service',
  'https://github.com/acme/design-system',
  'https://bitbucket.org/acme/data-pipeline',
];

/** Every seventh devcontainer is on the old version, so some are outdated. */
function benchVersion(useDocker: boolean, number: number): string {
  if (useDocker) return dockerV1;
  return number % 7 === 0 ? devcontainersV1 : devcontainersV2;
}

/**
 * Extra demo workspaces for benchmarks: `bench-00001`…, mostly stopped, a third
 * running, spread over repositories (a quarter on acme/web-app).
 */
export function addBenchWorkspaces(
  seeded: Seeded,
  count: number,
  now: Micros,
  accessUrl: string,
): void {
  const context: SeedContext = {
    store: seeded.store,
    now,
    ids: seeded.benchIds,
    accessUrl,
  };
  for (let offset = 0; offset < count; offset++) {
    const number = seeded.benchCount + offset + 1;
    const useDocker = number % 10 === 0;
    const spec: SeedWorkspaceSpec = {
      name: `bench-${String(number).padStart(5, '0')}`,
      ownerId: SEED_IDS.users.demo,
      templateId: useDocker ? docker : devcontainers,
      versionId: benchVersion(useDocker, number),
      state: number % 3 === 0 ? 'running' : 'stopped',
      ageDays: 1 + (number % 300),
      lastUsedMinutesAgo: number * 7,
      parameters: useDocker
        ? {}
        : {
            repo_url:
              BENCH_REPOSITORIES[
                number % 4 === 0 ? 0 : number % BENCH_REPOSITORIES.length
              ],
          },
    };
    seeded.store.addWorkspace(
      buildSeedWorkspace(context, spec, seeded.benchIds('workspace')),
    );
  }
  seeded.benchCount += count;
}
