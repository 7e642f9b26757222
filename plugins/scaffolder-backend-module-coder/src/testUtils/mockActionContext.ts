import type { LoggerService } from '@backstage/backend-plugin-api';
import type { ActionContext } from '@backstage/plugin-scaffolder-node';

/** One call to the mock logger. */
export interface LoggedLine {
  level: 'error' | 'warn' | 'info' | 'debug';
  message: string;
  meta?: unknown;
}

/** Options for {@link mockActionContext}. */
export interface MockActionContextOptions<TInput extends Record<string, any>> {
  input: TInput;
  secrets?: Record<string, string>;
  isDryRun?: boolean;
  signal?: AbortSignal;
  /**
   * Successful checkpoints by key, as the task's state would keep them. Pass the same
   * map to two runs to act out a retried task.
   */
  checkpoints?: Map<string, unknown>;
}

/** The context plus what the action did with it. */
export interface MockActionContext<
  TInput extends Record<string, any>,
> extends ActionContext<TInput> {
  logged: LoggedLine[];
  outputs: Record<string, unknown>;
}

/**
 * A scaffolder ActionContext for calling an action's handler directly. Checkpoints
 * behave as NunjucksWorkflowRunner's do: a key that succeeded before returns its
 * stored value without running `fn`; a failure stores nothing.
 */
export function mockActionContext<TInput extends Record<string, any>>(
  options: MockActionContextOptions<TInput>,
): MockActionContext<TInput> {
  const logged: LoggedLine[] = [];
  const outputs: Record<string, unknown> = {};
  const checkpoints = options.checkpoints ?? new Map<string, unknown>();
  const logger: LoggerService = {
    error: (message, meta) => logged.push({ level: 'error', message, meta }),
    warn: (message, meta) => logged.push({ level: 'warn', message, meta }),
    info: (message, meta) => logged.push({ level: 'info', message, meta }),
    debug: (message, meta) => logged.push({ level: 'debug', message, meta }),
    child: () => logger,
  };
  return {
    input: options.input,
    secrets: options.secrets,
    isDryRun: options.isDryRun,
    signal: options.signal,
    logger,
    logged,
    outputs,
    workspacePath: '/tmp/coder-scaffolder-test-workspace',
    task: { id: 'test-task' },
    async checkpoint({ key, fn }) {
      if (checkpoints.has(key)) return checkpoints.get(key) as any;
      const value = await fn();
      checkpoints.set(key, value ?? {});
      return value;
    },
    output(name, value) {
      outputs[name as string] = value;
    },
    async createTemporaryDirectory() {
      throw new Error('not used by the Coder actions');
    },
    async getInitiatorCredentials() {
      throw new Error('not used by the Coder actions');
    },
  };
}
