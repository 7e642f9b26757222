import type { CoderWorkspace } from '../../api/types';

/** What {@link CoderOpenButton} will do when clicked. @public */
export type CoderOpenPlan =
  /** Running with every agent connected: a link into Coder. */
  | { kind: 'open'; workspace: CoderWorkspace }
  /** On its way to running (build in progress, agent connecting): wait for it. */
  | { kind: 'wait'; workspace: CoderWorkspace }
  /** Running, but an agent is disconnected: Coder would open a dead workspace. */
  | { kind: 'unreachable'; workspace: CoderWorkspace }
  | { kind: 'start'; workspace: CoderWorkspace }
  | { kind: 'create' };

const recentlyUsed = (a: CoderWorkspace, b: CoderWorkspace) =>
  Date.parse(b.last_used_at) - Date.parse(a.last_used_at);

const agentsOf = (workspace: CoderWorkspace) =>
  workspace.latest_build.resources.flatMap(resource => resource.agents);

/** Where a workspace stands, as far as opening it goes. */
function stage(
  workspace: CoderWorkspace,
): 'open' | 'wait' | 'unreachable' | 'start' | 'none' {
  const { status, transition } = workspace.latest_build;
  if (status === 'running') {
    const agents = agentsOf(workspace);
    if (agents.some(agent => agent.status === 'connecting')) return 'wait';
    if (agents.some(agent => agent.status !== 'connected')) return 'unreachable';
    return 'open';
  }
  if ((status === 'pending' || status === 'starting') && transition === 'start')
    return 'wait';
  if (['stopped', 'failed', 'canceled'].includes(status)) {
    // A dormant workspace was set aside by its template's policy; starting one is a
    // deliberate choice the card offers, not the header's default.
    return workspace.dormant_at ? 'none' : 'start';
  }
  return 'none';
}

/**
 * The plan for one workspace the user already chose (clicked): the button stays on it
 * until it runs, whatever else the list holds.
 *
 * @public
 */
export function planFor(workspace: CoderWorkspace): CoderOpenPlan {
  const kind = stage(workspace);
  return kind === 'none' ? { kind: 'wait', workspace } : { kind, workspace };
}

/**
 * By default: the most recently used workspace that is running with its agents
 * connected is opened; else one on its way there is waited for; else the most recently
 * used one that can start (not dormant) is started; else a new one is created.
 *
 * @public
 */
export function planOpen(workspaces: CoderWorkspace[]): CoderOpenPlan {
  const sorted = [...workspaces].sort(recentlyUsed);
  for (const kind of ['open', 'wait', 'start', 'unreachable'] as const) {
    const workspace = sorted.find(candidate => stage(candidate) === kind);
    if (workspace) return { kind, workspace };
  }
  return { kind: 'create' };
}
