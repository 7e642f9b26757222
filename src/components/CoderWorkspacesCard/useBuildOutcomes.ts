import { useEffect, useRef } from 'react';
import type { QueryClient } from '@tanstack/react-query';
import type { CoderWorkspace } from '../../api/types';
import { useCoderAppConfig } from '../../hooks/useCoderAppConfig';
import { useCoderNotify, type CoderNotice } from '../../hooks/useCoderNotify';
import { useCoderSession } from '../../hooks/useCoderSession';
import { isWorkspaceTransitioning } from '../../queries/workspacesQueries';
import { buildLogsUrl } from '../../workspaces/workspacePages';

/** Builds already announced, per app: several cards may see the same one finish. */
const announced = new WeakMap<QueryClient, Set<string>>();

type Seen = { name: string; status: string; transitioning: boolean };

function outcome(
  workspace: CoderWorkspace,
  accessUrl: string,
): Omit<CoderNotice, 'key'> | undefined {
  const { name, latest_build: build } = workspace;
  switch (build.status) {
    case 'running':
      return {
        message: `${name} is running.`,
        severity: 'success',
        transient: true,
      };
    case 'stopped':
      return {
        message: `${name} stopped.`,
        severity: 'success',
        transient: true,
      };
    case 'canceled':
      return {
        message: `The ${build.transition} build of ${name} was canceled.`,
        severity: 'info',
        transient: true,
      };
    case 'failed':
      return {
        message: `The ${build.transition} build of ${name} failed${
          build.job.error ? `: ${build.job.error}` : '.'
        }`,
        severity: 'error',
        link: { label: 'Build logs', href: buildLogsUrl(accessUrl, workspace) },
      };
    default:
      return undefined;
  }
}

/**
 * Announces each build the user watched finish (running, stopped, failed with Coder's
 * reason and a link to the logs, canceled, deleted), once per build across cards. The
 * notice replaces the "Starting X…" one about the same workspace.
 */
export function useBuildOutcomes(
  workspaces: readonly CoderWorkspace[] | undefined,
) {
  const notify = useCoderNotify();
  const { queryClient } = useCoderSession();
  const { deployment } = useCoderAppConfig();
  const seen = useRef(new Map<string, Seen>());

  useEffect(() => {
    if (!workspaces) return;
    let done = announced.get(queryClient);
    if (!done) {
      done = new Set();
      announced.set(queryClient, done);
    }
    const now = new Map<string, Seen>();
    for (const workspace of workspaces) {
      const transitioning = isWorkspaceTransitioning(workspace);
      now.set(workspace.id, {
        name: workspace.name,
        status: workspace.latest_build.status,
        transitioning,
      });
      const before = seen.current.get(workspace.id);
      const buildKey = workspace.latest_build.id;
      if (!before?.transitioning || transitioning || done.has(buildKey))
        continue;
      const notice = outcome(workspace, deployment.accessUrl);
      if (notice) {
        done.add(buildKey);
        notify({ ...notice, key: workspace.id });
      }
    }
    // A workspace that was being deleted and left the list is gone.
    for (const [id, before] of seen.current) {
      if (
        !now.has(id) &&
        before.status === 'deleting' &&
        !done.has(`deleted:${id}`)
      ) {
        done.add(`deleted:${id}`);
        notify({
          message: `${before.name} was deleted.`,
          severity: 'success',
          transient: true,
          key: id,
        });
      }
    }
    seen.current = now;
  }, [workspaces, queryClient, notify, deployment.accessUrl]);
}
