import { millisecondsToMicros, nowMicros } from './clock';
import { randomIds } from './ids';
import type { BuildRecord, WorkspaceRecord } from './records';
import {
  connectAgent,
  ResourceContext,
  startResources,
  stopResources,
} from './resources';
import type { Scheduler } from './scheduler';
import { buildAgents, jobStatus } from './status';
import type { Store } from './store';

export interface RunnerTiming {
  /** Each job phase: pending → running, running → done, canceling → failed. */
  buildStepMs: number;
  /** After a start build succeeds: agent connecting → connected. */
  agentConnectMs: number;
}

/**
 * The fake provisioner: walks each build's job through Coder's states
 * (CONTRACT §4) on timers, creates the resources a real apply would, and
 * connects agents a little after a start succeeds.
 */
export class BuildRunner {
  private readonly jobTimers = new Map<string, NodeJS.Timeout>();

  constructor(
    private readonly store: Store,
    private readonly scheduler: Scheduler,
    readonly timing: RunnerTiming,
    private readonly onFollowUp: (
      workspace: WorkspaceRecord,
      build: BuildRecord,
    ) => void,
  ) {}

  /** Schedules whatever comes next for a build in any state (new or seeded). */
  track(workspace: WorkspaceRecord, build: BuildRecord): void {
    switch (jobStatus(build.job)) {
      case 'pending':
        this.later(build, () => this.startJob(workspace, build));
        break;
      case 'running':
        this.later(build, () => this.completeJob(workspace, build));
        break;
      case 'canceling':
        this.later(build, () => this.finishCancel(build));
        break;
      case 'succeeded':
        if (
          build.transition === 'start' &&
          buildAgents(build).some(agent => agent.firstConnectedAt === undefined)
        ) {
          this.scheduleAgentConnect(workspace, build);
        }
        break;
      default:
        break;
    }
  }

  private later(build: BuildRecord, action: () => void): void {
    this.scheduler.cancel(this.jobTimers.get(build.job.id));
    const timer = this.scheduler.after(this.timing.buildStepMs, () => {
      this.jobTimers.delete(build.job.id);
      action();
    });
    this.jobTimers.set(build.job.id, timer);
  }

  private touch(build: BuildRecord, now: number): void {
    build.updatedAt = now;
    build.job.updatedAt = now;
  }

  private startJob(workspace: WorkspaceRecord, build: BuildRecord): void {
    const now = nowMicros();
    build.job.startedAt = now;
    build.job.workerId = this.store.provisioner.id;
    this.store.pendingJobs.delete(build.job);
    this.touch(build, now);
    this.later(build, () => this.completeJob(workspace, build));
  }

  private completeJob(workspace: WorkspaceRecord, build: BuildRecord): void {
    const now = nowMicros();
    build.job.completedAt = now;
    this.touch(build, now);
    if (build.failWith) {
      build.job.error = build.failWith;
      return;
    }
    const owner = this.store.users.get(workspace.ownerId);
    const template = this.store.templates.get(workspace.templateId);
    if (!owner || !template) return;
    const context: ResourceContext = {
      workspace,
      owner,
      template,
      build,
      now,
      ids: randomIds,
    };
    switch (build.transition) {
      case 'start': {
        build.resources = startResources(context);
        this.store.indexAgents(build);
        if (workspace.ttlMs)
          build.deadline = now + millisecondsToMicros(workspace.ttlMs);
        this.scheduleAgentConnect(workspace, build);
        break;
      }
      case 'stop':
        build.resources = stopResources(context);
        if (build.onSuccess) this.onFollowUp(workspace, build);
        break;
      default:
        build.resources = [];
        workspace.deleted = true;
        workspace.updatedAt = now;
        break;
    }
  }

  private scheduleAgentConnect(
    workspace: WorkspaceRecord,
    build: BuildRecord,
  ): void {
    this.scheduler.after(this.timing.agentConnectMs, () => {
      const now = nowMicros();
      for (const agent of buildAgents(build)) connectAgent(agent, now);
      workspace.lastUsedAt = now;
    });
  }

  /** PATCH …/cancel: a queued job is canceled at once, a running one goes through canceling to failed. */
  cancel(build: BuildRecord): void {
    const now = nowMicros();
    const status = jobStatus(build.job);
    build.job.canceledAt = now;
    this.touch(build, now);
    if (status === 'pending') {
      this.scheduler.cancel(this.jobTimers.get(build.job.id));
      this.jobTimers.delete(build.job.id);
      this.store.pendingJobs.delete(build.job);
      build.job.completedAt = now;
      return;
    }
    this.later(build, () => this.finishCancel(build));
  }

  /**
   * A provisioner stops a canceled job with an error, so a job canceled
   * while running ends `failed`, not `canceled` (Coder's own tests see the
   * error "canceled" from its echo provisioner).
   */
  private finishCancel(build: BuildRecord): void {
    const now = nowMicros();
    build.job.completedAt = now;
    build.job.error ??= 'canceled';
    this.touch(build, now);
  }
}
