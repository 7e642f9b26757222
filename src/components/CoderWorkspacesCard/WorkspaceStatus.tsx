import {
  StatusAborted,
  StatusError,
  StatusOK,
  StatusPending,
  StatusRunning,
  StatusWarning,
} from '@backstage/core-components';
import CircularProgress from '@material-ui/core/CircularProgress';
import { isWorkspaceTransitioning } from '../../queries/workspacesQueries';
import Typography from '@material-ui/core/Typography';
import type { CoderWorkspace } from '../../api/types';

/**
 * A workspace's state in words, combining the build's status and its agents'. A status
 * this version does not know reads "Unknown" (or "Running, agent status unknown").
 */
export function describeWorkspaceStatus(workspace: CoderWorkspace): {
  label: string;
  tone: 'ok' | 'running' | 'pending' | 'error' | 'warning' | 'aborted';
} {
  const build = workspace.latest_build;
  const agents = build.resources.flatMap(resource => resource.agents);
  switch (build.status) {
    case 'running':
      if (agents.some(agent => agent.status === 'connecting')) {
        return { label: 'Running, agent connecting', tone: 'running' };
      }
      if (
        agents.some(
          agent =>
            agent.status === 'disconnected' || agent.status === 'timeout',
        )
      ) {
        return { label: 'Running, agent disconnected', tone: 'warning' };
      }
      // A state a newer Coder added: say so rather than guess it is fine.
      if (agents.some(agent => agent.status === 'unknown')) {
        return { label: 'Running, agent status unknown', tone: 'warning' };
      }
      return { label: 'Running', tone: 'ok' };
    case 'starting':
      return { label: 'Starting', tone: 'running' };
    case 'stopping':
      return { label: 'Stopping', tone: 'running' };
    case 'deleting':
      return { label: 'Deleting', tone: 'running' };
    case 'canceling':
      return { label: 'Canceling', tone: 'running' };
    case 'pending':
      return { label: 'Pending', tone: 'pending' };
    case 'stopped':
      return { label: 'Stopped', tone: 'aborted' };
    case 'canceled':
      return { label: 'Canceled', tone: 'warning' };
    case 'deleted':
      return { label: 'Deleted', tone: 'aborted' };
    case 'failed':
      return { label: 'Failed', tone: 'error' };
    case 'unknown':
    default:
      // A status a newer Coder added (the schema maps it to `unknown`).
      return { label: 'Unknown', tone: 'warning' };
  }
}

const STATUS_ICONS = {
  ok: StatusOK,
  running: StatusRunning,
  pending: StatusPending,
  error: StatusError,
  warning: StatusWarning,
  aborted: StatusAborted,
};

/** Props of {@link WorkspaceStatus}. @public */
export interface WorkspaceStatusProps {
  workspace: CoderWorkspace;
}

/** The workspace's status with Backstage's status colours. @public */
export function WorkspaceStatus(props: WorkspaceStatusProps) {
  const { label, tone } = describeWorkspaceStatus(props.workspace);
  const Icon = STATUS_ICONS[tone];
  // A build in progress gets a spinner: the state is followed live and will change.
  const changing = isWorkspaceTransitioning(props.workspace);
  return (
    <Typography variant="body2" component="span">
      <Icon>
        {label}
        {changing && (
          <CircularProgress
            size={10}
            thickness={6}
            aria-hidden
            style={{ marginLeft: 6, verticalAlign: 'middle' }}
          />
        )}
      </Icon>
    </Typography>
  );
}
