import { Micros, MICROS_PER_SECOND } from './clock';
import type {
  AgentRecord,
  BuildRecord,
  JobRecord,
  ProvisionerJobStatus,
  WorkspaceTransition,
} from './records';

/**
 * Values Coder derives rather than stores. Kept in one place so the search
 * filter and the JSON agree.
 */

/** The generated job_status column of Coder's provisioner_jobs table. */
export function jobStatus(job: JobRecord): ProvisionerJobStatus {
  if (job.completedAt !== undefined) {
    if (job.error) return 'failed';
    if (job.canceledAt !== undefined) return 'canceled';
    return 'succeeded';
  }
  if (job.canceledAt !== undefined) return 'canceling';
  if (job.startedAt === undefined) return 'pending';
  return 'running';
}

/** "Active" per codersdk.ProvisionerJobStatus.Active. */
export function isJobActive(job: JobRecord): boolean {
  const status = jobStatus(job);
  return status === 'pending' || status === 'running' || status === 'canceling';
}

export type WorkspaceStatus =
  | 'pending'
  | 'starting'
  | 'running'
  | 'stopping'
  | 'stopped'
  | 'failed'
  | 'canceling'
  | 'canceled'
  | 'deleting'
  | 'deleted';

export const WORKSPACE_STATUSES: readonly WorkspaceStatus[] = [
  'pending',
  'starting',
  'running',
  'stopping',
  'stopped',
  'failed',
  'canceling',
  'canceled',
  'deleting',
  'deleted',
];

/** codersdk.ConvertWorkspaceStatus (CONTRACT §4). */
export function workspaceStatus(
  job: JobRecord,
  transition: WorkspaceTransition,
): WorkspaceStatus {
  switch (jobStatus(job)) {
    case 'pending':
      return 'pending';
    case 'running':
      return (
        { start: 'starting', stop: 'stopping', delete: 'deleting' } as const
      )[transition];
    case 'succeeded':
      return (
        { start: 'running', stop: 'stopped', delete: 'deleted' } as const
      )[transition];
    case 'canceling':
      return 'canceling';
    case 'canceled':
      return 'canceled';
    default:
      return 'failed';
  }
}

export function buildStatus(build: BuildRecord): WorkspaceStatus {
  return workspaceStatus(build.job, build.transition);
}

export type AgentStatus =
  'connecting' | 'connected' | 'disconnected' | 'timeout';

/** database.WorkspaceAgent.Status, minus the heartbeat staleness a fake never has. */
export function agentStatus(agent: AgentRecord, now: Micros): AgentStatus {
  if (agent.firstConnectedAt === undefined) {
    const timeout = agent.connectionTimeoutSeconds * MICROS_PER_SECOND;
    if (timeout > 0 && now - agent.createdAt > timeout) return 'timeout';
    return 'connecting';
  }
  if (
    agent.disconnectedAt !== undefined &&
    agent.disconnectedAt > (agent.lastConnectedAt ?? 0)
  ) {
    return 'disconnected';
  }
  return 'connected';
}

/** db2sdk agent health, checked in Coder's order (CONTRACT §4). */
export function agentHealth(
  agent: AgentRecord,
  now: Micros,
): { healthy: boolean; reason?: string } {
  const status = agentStatus(agent, now);
  const lifecycle = agent.lifecycleState;
  if (status !== 'connected' && lifecycle === 'off') {
    return { healthy: false, reason: 'agent is not running' };
  }
  if (status === 'connecting')
    return { healthy: false, reason: 'agent has not yet connected' };
  if (status === 'timeout')
    return { healthy: false, reason: 'agent is taking too long to connect' };
  if (status === 'disconnected')
    return { healthy: false, reason: 'agent has lost connection' };
  if (lifecycle === 'start_error') {
    return {
      healthy: false,
      reason: 'agent startup script exited with an error',
    };
  }
  if (
    lifecycle === 'shutting_down' ||
    lifecycle === 'shutdown_timeout' ||
    lifecycle === 'shutdown_error' ||
    lifecycle === 'off'
  ) {
    return { healthy: false, reason: 'agent is shutting down' };
  }
  return { healthy: true };
}

export function buildAgents(build: BuildRecord): AgentRecord[] {
  return build.resources.flatMap(resource => resource.agents);
}
