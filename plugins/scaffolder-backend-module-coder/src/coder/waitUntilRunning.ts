import { setTimeout as delay } from 'node:timers/promises';
import type { LoggerService } from '@backstage/backend-plugin-api';
import { abortError, CoderBackendClient } from './CoderBackendClient';
import { CoderResponseError } from './CoderResponseError';
import type { CoderWorkspace } from './wire';

/**
 * Build statuses after which a start will not reach `running` without someone acting
 * (codersdk/provisionerdaemons.go ConvertWorkspaceStatus; CONTRACT.md §4).
 */
const DEAD_ENDS = new Set(['failed', 'canceled', 'deleted', 'stopped']);

/** Options for {@link waitUntilRunning}. */
export interface WaitUntilRunningOptions {
  client: CoderBackendClient;
  workspaceId: string;
  /** `owner/name`, for messages. */
  label: string;
  /** The dashboard page, so every failure tells the user where to look. */
  workspaceUrl: string;
  timeoutMs: number;
  pollIntervalMs: number;
  logger: LoggerService;
  signal?: AbortSignal;
}

/**
 * Polls the workspace until its latest build is `running`, and returns it. Fails on a
 * dead-end status (with the build's error), on the timeout and on cancellation; every
 * message says that the workspace exists and where. A read that fails for a passing
 * reason (network, 5xx, 429) is logged and tried again at the next tick.
 */
export async function waitUntilRunning(
  options: WaitUntilRunningOptions,
): Promise<CoderWorkspace> {
  const { client, label, workspaceUrl, logger, signal } = options;
  const deadline = Date.now() + options.timeoutMs;
  let lastStatus: string | undefined;
  for (;;) {
    if (signal?.aborted) {
      throw cancelled(signal, label, workspaceUrl, lastStatus);
    }
    let workspace: CoderWorkspace | undefined;
    try {
      workspace = await client.getWorkspace(options.workspaceId);
    } catch (error) {
      if (signal?.aborted)
        throw cancelled(signal, label, workspaceUrl, lastStatus);
      if (!isPassing(error)) throw error;
      logger.warn(
        `Could not read workspace ${label}, trying again: ${(error as Error).message}`,
      );
    }
    if (workspace) {
      const { status, job } = workspace.latest_build;
      if (status !== lastStatus) {
        logger.info(`Workspace ${label} is ${status}`);
        lastStatus = status;
      }
      if (status === 'running') return workspace;
      if (DEAD_ENDS.has(status)) {
        throw new Error(
          `The build of workspace ${label} ended ${status}${job.error ? `: ${job.error}` : ''}. The workspace exists; see ${workspaceUrl}`,
        );
      }
    }
    const remaining = deadline - Date.now();
    if (remaining <= 0) {
      throw new Error(
        `Workspace ${label} exists but was not running after ${Math.round(options.timeoutMs / 1000)} s (last status: ${lastStatus ?? 'unknown'}). See ${workspaceUrl}`,
      );
    }
    await sleep(Math.min(options.pollIntervalMs, remaining), signal);
  }
}

/** A failed read worth repeating: no answer, Coder overloaded, or rate limited. */
function isPassing(error: unknown): boolean {
  if (error instanceof CoderResponseError)
    return error.status >= 500 || error.status === 429;
  return (error as Error)?.name === 'CoderUnreachableError';
}

function cancelled(
  signal: AbortSignal,
  label: string,
  workspaceUrl: string,
  lastStatus: string | undefined,
): Error {
  const error = abortError(signal);
  error.message = `${error.message} while waiting for workspace ${label} (last status: ${lastStatus ?? 'unknown'}). The workspace exists; see ${workspaceUrl}`;
  return error;
}

/** Waits, or less if the task is cancelled; the loop then reports the cancellation. */
async function sleep(
  milliseconds: number,
  signal?: AbortSignal,
): Promise<void> {
  try {
    await delay(milliseconds, undefined, { signal });
  } catch {
    // Aborted: the caller checks the signal.
  }
}
