import { BuildRunner, RunnerTiming } from './buildRunner';
import { nowMicros } from './clock';
import { Faults } from './faults';
import { OAuth2Provider } from './oauth2/provider';
import type { OAuth2Settings } from './oauth2/settings';
import { RateLimiter } from './rateLimit';
import { RequestLog } from './requestLog';
import { Scheduler } from './scheduler';
import { addBenchWorkspaces, Seeded, seedStore } from './seed';
import type { Store } from './store';
import { startFollowUp } from './workspaceBuilder';

export interface DeploymentSettings {
  accessUrl: string;
  buildStepMs: number;
  agentConnectMs: number;
  seedWorkspaces: number;
  oauth2: OAuth2Settings;
}

/**
 * Everything one fake Coder deployment holds: data, the provisioner, faults,
 * the request log and the rate limiter. reset() puts it back to the seed.
 */
export class Deployment {
  readonly scheduler = new Scheduler();
  readonly faults = new Faults();
  readonly requests = new RequestLog();
  readonly rateLimiter = new RateLimiter(0);
  readonly timing: RunnerTiming;
  private seeded!: Seeded;
  runner!: BuildRunner;
  /** Coder as an OAuth2 provider; its access tokens live in `store`. */
  readonly oauth2: OAuth2Provider;

  constructor(readonly settings: DeploymentSettings) {
    this.timing = {
      buildStepMs: settings.buildStepMs,
      agentConnectMs: settings.agentConnectMs,
    };
    this.loadSeed();
    this.oauth2 = new OAuth2Provider(settings.oauth2, () => this.store);
  }

  get store(): Store {
    return this.seeded.store;
  }

  get accessUrl(): string {
    return this.settings.accessUrl;
  }

  private loadSeed(): void {
    this.scheduler.clear();
    this.seeded = seedStore(nowMicros(), this.settings.accessUrl);
    const store = this.seeded.store;
    this.runner = new BuildRunner(
      store,
      this.scheduler,
      this.timing,
      (workspace, build) => startFollowUp(store, this.runner, workspace, build),
    );
    if (this.settings.seedWorkspaces > 0)
      this.addWorkspaces(this.settings.seedWorkspaces);
    // Seeded transitional builds move on like any other.
    for (const workspace of store.workspaces.values()) {
      this.runner.track(workspace, store.latestBuild(workspace));
    }
  }

  addWorkspaces(count: number): void {
    addBenchWorkspaces(
      this.seeded,
      count,
      nowMicros(),
      this.settings.accessUrl,
    );
  }

  /**
   * Back to the seed: data, faults, rate limits, request log, timing and the
   * OAuth2 provider (start-up settings, only the dev app). Timing
   * overrides apply from the start, so seeded transitional builds use them too.
   */
  reset(timing: Partial<RunnerTiming> = {}): void {
    this.faults.clear();
    this.requests.clear();
    this.rateLimiter.limit = 0;
    this.rateLimiter.clear();
    this.timing.buildStepMs = timing.buildStepMs ?? this.settings.buildStepMs;
    this.timing.agentConnectMs =
      timing.agentConnectMs ??
      timing.buildStepMs ??
      this.settings.agentConnectMs;
    this.loadSeed();
    this.oauth2.reset();
  }

  close(): void {
    this.scheduler.clear();
  }
}
