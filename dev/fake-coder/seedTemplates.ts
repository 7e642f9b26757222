import { MICROS_PER_SECOND, Micros } from './clock';
import type {
  JobRecord,
  TemplateRecord,
  TemplateVersionParameterRecord,
  TemplateVersionRecord,
} from './records';
import { DAY, SEED_IDS, SeedContext } from './seedIds';

/** The seeded templates, their versions and rich parameters. */

function parameter(
  fields: Partial<TemplateVersionParameterRecord> &
    Pick<TemplateVersionParameterRecord, 'name' | 'type'>,
): TemplateVersionParameterRecord {
  return {
    displayName: '',
    displayOrder: 0,
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
  return inAuthoredOrder(
    version === 1
      ? parameters.filter(
          entry => entry.name !== 'enable_docker' && entry.name !== 'tags',
        )
      : parameters,
  );
}

/**
 * Gives each parameter its position as `display_order`, as a template author
 * does with `order`: Coder lists parameters by display order, then by name.
 */
function inAuthoredOrder(
  parameters: TemplateVersionParameterRecord[],
): TemplateVersionParameterRecord[] {
  return parameters.map((entry, index) => ({ ...entry, displayOrder: index }));
}

function dockerParameters(): TemplateVersionParameterRecord[] {
  return inAuthoredOrder([
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
  ]);
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

export function seedTemplates(context: SeedContext): {
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
