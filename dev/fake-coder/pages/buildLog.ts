import { Micros, MICROS_PER_SECOND } from '../clock';
import type { BuildRecord, WorkspaceTransition } from '../records';
import { buildAgents, jobStatus } from '../status';
import type { Store } from '../store';

/**
 * Plausible provisioner logs for a build. The fake runs no Terraform, so the
 * lines are made up, but every time on them comes from the build's own
 * timestamps (created, started, completed, canceled, the agent's first
 * connection) and the story follows its transition and job status, so the
 * page never claims something the API contradicts.
 */

/** One log line, as the build page shows it. */
export interface LogLine {
  at: Micros;
  stage: string;
  text: string;
  level: 'info' | 'error';
}

/** The Terraform addresses a transition plans to create or destroy. */
const PLANNED: Record<
  WorkspaceTransition,
  { verb: 'create' | 'destroy'; addresses: string[] }
> = {
  start: {
    verb: 'create',
    addresses: [
      'docker_volume.home',
      'docker_container.workspace[0]',
      'coder_agent.main',
    ],
  },
  stop: {
    verb: 'destroy',
    addresses: ['docker_container.workspace[0]', 'coder_agent.main'],
  },
  delete: { verb: 'destroy', addresses: ['docker_volume.home'] },
};

function seconds(from: Micros, to: Micros): number {
  return Math.max(0, Math.round((to - from) / MICROS_PER_SECOND));
}

/** Lines of `terraform apply`, spread between two instants. */
function applyLines(
  transition: WorkspaceTransition,
  from: Micros,
  to: Micros,
): LogLine[] {
  const { verb, addresses } = PLANNED[transition];
  const step = (to - from) / (addresses.length * 2);
  return addresses.flatMap((address, index) => {
    const begun = Math.round(from + step * index * 2);
    const done = Math.round(from + step * (index * 2 + 1));
    const [doing, finished] =
      verb === 'create'
        ? ['Creating...', 'Creation complete']
        : ['Destroying...', 'Destruction complete'];
    return [
      { at: begun, stage: 'Terraform apply', text: `${address}: ${doing}` },
      {
        at: done,
        stage: 'Terraform apply',
        text: `${address}: ${finished} after ${seconds(begun, done)}s`,
      },
    ].map(line => ({ ...line, level: 'info' as const }));
  });
}

function info(at: Micros, stage: string, text: string): LogLine {
  return { at, stage, text, level: 'info' };
}

/** What happened before a provisioner took the job (or while it waits). */
function queuedLines(store: Store, build: BuildRecord): LogLine[] {
  const { job } = build;
  const initiator = store.users.get(build.initiatorId)?.username ?? 'unknown';
  const lines = [
    info(
      build.createdAt,
      'Queued',
      `Build #${build.buildNumber} (${build.transition}) queued by ${initiator}, reason ${build.reason}`,
    ),
  ];
  if (jobStatus(job) === 'pending') {
    lines.push(
      info(
        build.createdAt,
        'Queued',
        `Waiting for a provisioner: position ${store.queuePosition(job)} of ${store.pendingJobs.size}`,
      ),
    );
  }
  return lines;
}

/** The fake log of one build, oldest line first. */
export function fakeBuildLog(
  store: Store,
  build: BuildRecord,
  now: Micros,
): LogLine[] {
  const { job } = build;
  const status = jobStatus(job);
  const lines = queuedLines(store, build);
  const end = job.completedAt ?? job.canceledAt ?? now;
  if (job.startedAt !== undefined) {
    const start = job.startedAt;
    const at = (fraction: number) =>
      Math.round(start + Math.max(end - start, 0) * fraction);
    const { verb, addresses } = PLANNED[build.transition];
    const count = addresses.length;
    const plan =
      verb === 'create'
        ? `Plan: ${count} to add, 0 to change, 0 to destroy.`
        : `Plan: 0 to add, 0 to change, ${count} to destroy.`;
    lines.push(
      info(
        start,
        'Setting up',
        `Provisioner ${store.provisioner.name} acquired the job`,
      ),
      info(at(0.05), 'Terraform init', 'Initializing the backend...'),
      info(
        at(0.15),
        'Terraform init',
        'Terraform has been successfully initialized!',
      ),
      info(at(0.25), 'Terraform plan', plan),
    );
    if (status === 'succeeded') {
      lines.push(...applyLines(build.transition, at(0.3), at(0.9)));
      lines.push(
        info(
          at(0.95),
          'Terraform apply',
          verb === 'create'
            ? `Apply complete! Resources: ${count} added, 0 changed, 0 destroyed.`
            : `Destroy complete! Resources: ${count} destroyed.`,
        ),
        info(end, 'Cleaning up', 'Build succeeded'),
      );
    } else {
      lines.push(info(at(0.3), 'Terraform apply', 'Applying...'));
    }
    if (status === 'running')
      lines.push(
        info(now, 'Terraform apply', 'Still running; reload for more'),
      );
  }
  if (status === 'canceling' && job.canceledAt !== undefined)
    lines.push(
      info(
        job.canceledAt,
        'Canceling',
        'Canceling: waiting for Terraform to stop',
      ),
    );
  if (status === 'canceled')
    lines.push(
      info(job.canceledAt ?? end, 'Canceled', 'The build was canceled'),
    );
  if (status === 'succeeded') {
    for (const agent of buildAgents(build)) {
      lines.push(
        agent.firstConnectedAt === undefined
          ? info(end, 'Agent', `Waiting for agent ${agent.name} to connect`)
          : info(
              agent.firstConnectedAt,
              'Agent',
              `Agent ${agent.name} connected`,
            ),
      );
    }
  }
  // The error is the last thing a failed build says.
  if (status === 'failed' && job.error)
    lines.push({ at: end, stage: 'Error', text: job.error, level: 'error' });
  return lines;
}
