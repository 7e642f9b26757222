import { Micros, MICROS_PER_SECOND } from './clock';
import { IdSource, seedId, sequentialIds } from './ids';
import type {
  BuildParameterRecord,
  BuildRecord,
  JobRecord,
  OrganizationRecord,
  TemplateRecord,
  TemplateVersionParameterRecord,
  TemplateVersionRecord,
  UserRecord,
  WorkspaceRecord,
} from './records';
import {
  connectAgent,
  ResourceContext,
  startResources,
  stopResources,
} from './resources';
import { Store } from './store';

/**
 * The deterministic seed: one organization, three users, three templates and
 * a dozen workspaces covering every state the plugin shows. Ids and tokens
 * never change, so tests, docs and the dev app can name them.
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

const HOUR = 3600 * MICROS_PER_SECOND;
const DAY = 24 * HOUR;
const MINUTE = 60 * MICROS_PER_SECOND;

export function createStore(): Store {
  return new Store(SEED_IDS.deployment, {
    id: SEED_IDS.provisioner,
    name: 'fake-provisioner',
  });
}

function parameter(
  fields: Partial<TemplateVersionParameterRecord> &
    Pick<TemplateVersionParameterRecord, 'name' | 'type'>,
): TemplateVersionParameterRecord {
  return {
    displayName: '',
    description: '',
    formType: 'input',
    mutable: true,
    defaultValue: '',
    icon: '',
    options: [],
    required: false,
    ephemeral: false,
    ...fields,
  };
}

function devcontainerParameters(
  version: 1 | 2,
): TemplateVersionParameterRecord[] {
  const parameters = [
    parameter({
      name: 'repo_url',
      displayName: 'Repository URL',
      description:
        'The Git repository to clone and build the devcontainer from.',
      type: 'string',
      required: true,
      icon: '/icon/git.svg',
    }),
    parameter({
      name: 'region',
      displayName: 'Region',
      description: 'Where the workspace runs.',
      type: 'string',
      formType: 'dropdown',
      defaultValue: 'eu-helsinki',
      icon: '/icon/globe.svg',
      options: [
        {
          name: 'Helsinki',
          description: 'Europe',
          value: 'eu-helsinki',
          icon: '/emojis/1f1eb-1f1ee.png',
        },
        {
          name: 'Pittsburgh',
          description: 'North America',
          value: 'us-pittsburgh',
          icon: '/emojis/1f1fa-1f1f8.png',
        },
        {
          name: 'Sydney',
          description: 'Asia Pacific',
          value: 'ap-sydney',
          icon: '/emojis/1f1e6-1f1fa.png',
        },
      ],
    }),
    parameter({
      name: 'cpu',
      displayName: 'CPU cores',
      description: 'Number of CPU cores.',
      type: 'number',
      formType: 'slider',
      defaultValue: '2',
      validationMin: 1,
      validationMax: 8,
    }),
    parameter({
      name: 'enable_docker',
      displayName: 'Enable Docker',
      description: 'Run a Docker daemon inside the workspace.',
      type: 'bool',
      formType: 'switch',
      defaultValue: 'false',
    }),
    parameter({
      name: 'dotfiles_uri',
      displayName: 'Dotfiles URL',
      description: 'A dotfiles repository to personalise the workspace.',
      type: 'string',
      validationRegex: '^(https://.*)?$',
      validationError: 'The dotfiles URL must start with https://',
    }),
    parameter({
      name: 'disk_size',
      displayName: 'Disk size (GB)',
      description:
        'Size of the home volume. It cannot be changed after creation.',
      type: 'number',
      mutable: false,
      defaultValue: '20',
      validationMin: 10,
      validationMax: 500,
    }),
    parameter({
      name: 'tags',
      displayName: 'Tags',
      description: 'Labels for the workspace.',
      type: 'list(string)',
      formType: 'tag-select',
      defaultValue: '[]',
    }),
  ];
  return version === 1
    ? parameters.filter(
        entry => entry.name !== 'enable_docker' && entry.name !== 'tags',
      )
    : parameters;
}

function dockerParameters(): TemplateVersionParameterRecord[] {
  return [
    parameter({
      name: 'image',
      displayName: 'Image',
      description: 'The container image.',
      type: 'string',
      formType: 'radio',
      defaultValue: 'codercom/enterprise-base:ubuntu',
      options: [
        {
          name: 'Ubuntu',
          description: '',
          value: 'codercom/enterprise-base:ubuntu',
          icon: '/icon/ubuntu.svg',
        },
        {
          name: 'Node.js',
          description: '',
          value: 'codercom/enterprise-node:ubuntu',
          icon: '/icon/node.svg',
        },
      ],
    }),
    parameter({
      name: 'home_volume_gb',
      displayName: 'Home volume (GB)',
      type: 'number',
      defaultValue: '10',
      validationMin: 1,
      validationMax: 100,
    }),
  ];
}

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

interface SeedContext {
  store: Store;
  now: Micros;
  ids: IdSource;
  accessUrl: string;
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

function succeededJob(fields: {
  id: string;
  type: JobRecord['type'];
  initiatorId: string;
  fileId: string;
  createdAt: Micros;
}): JobRecord {
  return {
    ...fields,
    organizationId: SEED_IDS.organization,
    updatedAt: fields.createdAt + 40 * MICROS_PER_SECOND,
    startedAt: fields.createdAt + 2 * MICROS_PER_SECOND,
    completedAt: fields.createdAt + 40 * MICROS_PER_SECOND,
    workerId: SEED_IDS.provisioner,
  };
}

function templates(context: SeedContext): {
  templates: TemplateRecord[];
  versions: TemplateVersionRecord[];
} {
  const created = context.now - 300 * DAY;
  const common = {
    organizationId: SEED_IDS.organization,
    requireActiveVersion: false,
    activityBumpMs: 3_600_000,
    createdById: SEED_IDS.users.admin,
    createdAt: created,
    updatedAt: created,
    deleted: false,
    deprecationMessage: '',
  };
  const templateList: TemplateRecord[] = [
    {
      ...common,
      id: SEED_IDS.templates.devcontainers,
      name: 'devcontainers',
      displayName: 'Dev Containers',
      description: 'Develop in a devcontainer built from your repository.',
      icon: '/icon/devcontainers.svg',
      activeVersionId: SEED_IDS.templateVersions.devcontainersV2,
      allowUserCancelWorkspaceJobs: true,
      useClassicParameterFlow: false,
      defaultTtlMs: 8 * 3_600_000,
      timeTilDormantMs: 7 * 86_400_000,
      timeTilDormantAutoDeleteMs: 30 * 86_400_000,
    },
    {
      ...common,
      id: SEED_IDS.templates.docker,
      name: 'docker',
      displayName: 'Docker',
      description:
        'A plain Docker container with your home directory on a volume.',
      icon: '/icon/docker.svg',
      activeVersionId: SEED_IDS.templateVersions.dockerV1,
      allowUserCancelWorkspaceJobs: false,
      useClassicParameterFlow: true,
      defaultTtlMs: 0,
      timeTilDormantMs: 0,
      timeTilDormantAutoDeleteMs: 0,
    },
    {
      ...common,
      id: SEED_IDS.templates.legacyVm,
      name: 'legacy-vm',
      displayName: 'Legacy VM',
      description: 'A full virtual machine. Kept for old projects.',
      icon: '/icon/vm.svg',
      activeVersionId: SEED_IDS.templateVersions.legacyVmV1,
      allowUserCancelWorkspaceJobs: false,
      useClassicParameterFlow: true,
      defaultTtlMs: 0,
      timeTilDormantMs: 0,
      timeTilDormantAutoDeleteMs: 0,
      deprecationMessage: 'Use the Dev Containers template instead.',
    },
  ];
  const version = (
    id: string,
    templateId: string,
    name: string,
    ageDays: number,
    parameters: TemplateVersionParameterRecord[],
    readme: string,
  ): TemplateVersionRecord => {
    const createdAt = context.now - ageDays * DAY;
    return {
      id,
      templateId,
      organizationId: SEED_IDS.organization,
      name,
      message: `Release ${name}`,
      readme,
      createdById: SEED_IDS.users.admin,
      createdAt,
      updatedAt: createdAt,
      parameters,
      job: succeededJob({
        id: context.ids('job'),
        type: 'template_version_import',
        initiatorId: SEED_IDS.users.admin,
        fileId: context.ids('file'),
        createdAt,
      }),
    };
  };
  const versions = [
    version(
      SEED_IDS.templateVersions.devcontainersV1,
      SEED_IDS.templates.devcontainers,
      'v1.0.0',
      120,
      devcontainerParameters(1),
      "# Dev Containers\n\nBuilds your repository's devcontainer.",
    ),
    version(
      SEED_IDS.templateVersions.devcontainersV2,
      SEED_IDS.templates.devcontainers,
      'v1.1.0',
      20,
      devcontainerParameters(2),
      "# Dev Containers\n\nBuilds your repository's devcontainer. Now with Docker-in-Docker and tags.",
    ),
    version(
      SEED_IDS.templateVersions.dockerV1,
      SEED_IDS.templates.docker,
      'v2.3.0',
      60,
      dockerParameters(),
      '# Docker\n\nA container with a persistent home.',
    ),
    version(
      SEED_IDS.templateVersions.legacyVmV1,
      SEED_IDS.templates.legacyVm,
      'v0.9.0',
      280,
      [],
      '# Legacy VM\n\nDeprecated.',
    ),
  ];
  return { templates: templateList, versions };
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

export interface Seeded {
  store: Store;
  /** Ids for workspaces added later by seedWorkspaces / POST /__fake/seed. */
  benchIds: IdSource;
  benchCount: number;
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
  const seededTemplates = templates(context);
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
