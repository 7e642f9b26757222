import type { Micros } from './clock';
import type { IdSource } from './ids';
import type {
  AgentRecord,
  AppRecord,
  BuildRecord,
  ResourceRecord,
  TemplateRecord,
  UserRecord,
  WorkspaceRecord,
} from './records';

/**
 * What a fake "terraform apply" produces. A start build gets a container with
 * one agent (and a persistent home volume); a stop build keeps only the
 * volume, so a stopped workspace's latest build has no agents, as in Coder.
 */

export interface ResourceContext {
  workspace: WorkspaceRecord;
  owner: UserRecord;
  template: TemplateRecord;
  build: BuildRecord;
  now: Micros;
  ids: IdSource;
}

export const DISPLAY_APPS = [
  'vscode',
  'web_terminal',
  'ssh_helper',
  'port_forwarding_helper',
];

function parameterValue(build: BuildRecord, name: string): string | undefined {
  return build.parameters.find(parameter => parameter.name === name)?.value;
}

/** `/home/coder/<repository name>` when the build has a repository, else home. */
export function workingDirectory(build: BuildRecord): string {
  const repository = parameterValue(build, 'repo_url');
  const repositoryName = repository?.split('/').filter(Boolean).pop();
  return repositoryName ? `/home/coder/${repositoryName}` : '/home/coder';
}

function apps(context: ResourceContext, directory: string): AppRecord[] {
  const { ids, workspace, owner } = context;
  const base = {
    url: '',
    command: '',
    icon: '',
    external: false,
    subdomain: false,
    subdomainName: '',
    sharingLevel: 'owner' as const,
    healthcheckUrl: '',
    healthcheckInterval: 0,
    healthcheckThreshold: 0,
    health: 'disabled' as const,
    hidden: false,
    openIn: 'slim-window' as const,
    group: '',
    tooltip: '',
  };
  return [
    {
      ...base,
      id: ids('app'),
      slug: 'code-server',
      displayName: 'code-server',
      url: `http://localhost:13337/?folder=${directory}`,
      icon: '/icon/code.svg',
      healthcheckUrl: 'http://localhost:13337/healthz',
      healthcheckInterval: 5,
      healthcheckThreshold: 6,
      health: 'initializing',
      openIn: 'tab',
    },
    {
      ...base,
      id: ids('app'),
      slug: 'preview',
      displayName: 'Preview',
      url: 'http://localhost:3000',
      icon: '/icon/globe.svg',
      subdomain: true,
      // appurl: <slug>--<workspace>--<owner>; the agent joins in only for port slugs.
      subdomainName: `preview--${workspace.name}--${owner.username}`,
      openIn: 'tab',
      tooltip: 'The app on port 3000, on its own subdomain.',
    },
    {
      ...base,
      id: ids('app'),
      slug: 'docs',
      displayName: 'Acme Docs',
      url: 'https://docs.example.com/acme',
      icon: '/icon/book.svg',
      external: true,
      openIn: 'tab',
      group: 'Links',
    },
    {
      ...base,
      id: ids('app'),
      slug: 'htop',
      displayName: 'htop',
      command: 'htop',
      icon: '/icon/terminal.svg',
    },
  ];
}

/** A freshly provisioned agent: not connected yet, scripts starting. */
export function newAgent(
  context: ResourceContext,
  resourceId: string,
): AgentRecord {
  const directory = workingDirectory(context.build);
  return {
    id: context.ids('agent'),
    resourceId,
    name: 'main',
    createdAt: context.now,
    updatedAt: context.now,
    lifecycleState: 'starting',
    directory,
    connectionTimeoutSeconds: 120,
    subsystems: context.template.name === 'devcontainers' ? ['envbuilder'] : [],
    displayApps: [...DISPLAY_APPS],
    apps: apps(context, directory),
  };
}

function homeVolume(context: ResourceContext): ResourceRecord {
  return {
    id: context.ids('resource'),
    jobId: context.build.job.id,
    createdAt: context.now,
    transition: context.build.transition,
    type: 'docker_volume',
    name: 'home',
    icon: '/icon/folder.svg',
    hide: false,
    dailyCost: 0,
    metadata: [],
    agents: [],
  };
}

export function startResources(context: ResourceContext): ResourceRecord[] {
  const containerId = context.ids('resource');
  const repository = parameterValue(context.build, 'repo_url');
  const metadata = [
    {
      key: 'image',
      value:
        parameterValue(context.build, 'image') ??
        'codercom/enterprise-base:ubuntu',
      sensitive: false,
    },
  ];
  if (repository)
    metadata.unshift({
      key: 'repository',
      value: repository,
      sensitive: false,
    });
  const region = parameterValue(context.build, 'region');
  if (region) metadata.push({ key: 'region', value: region, sensitive: false });
  return [
    {
      id: containerId,
      jobId: context.build.job.id,
      createdAt: context.now,
      transition: 'start',
      type: 'docker_container',
      name: 'workspace',
      icon: '/icon/docker.svg',
      hide: false,
      dailyCost: 0,
      metadata,
      agents: [newAgent(context, containerId)],
    },
    homeVolume(context),
  ];
}

export function stopResources(context: ResourceContext): ResourceRecord[] {
  return [homeVolume(context)];
}

/** The agent has dialled in and its startup scripts finished. */
export function connectAgent(agent: AgentRecord, now: Micros): void {
  agent.firstConnectedAt = agent.firstConnectedAt ?? now;
  agent.lastConnectedAt = now;
  agent.startedAt = agent.startedAt ?? now;
  agent.readyAt = now;
  agent.updatedAt = now;
  agent.lifecycleState = 'ready';
  for (const app of agent.apps) {
    if (app.health === 'initializing') app.health = 'healthy';
  }
}
