import {
  buildUser,
  buildWorkspace,
  buildWorkspaceBuild,
  type JsonObject,
} from '../../dev/contract/fixtures';

let counter = 0;

/** A wire-accurate workspace (see dev/contract/fixtures.ts) with a fresh id and the given name and status. */
export function workspaceFixture(
  name: string,
  options: {
    status?: string;
    transition?: string;
    owner?: string;
    extra?: JsonObject;
  } = {},
): JsonObject {
  counter += 1;
  const id = `00000000-0000-4000-8000-${String(counter).padStart(12, '0')}`;
  const status = options.status ?? 'running';
  const transition =
    options.transition ?? (status === 'stopped' ? 'stop' : 'start');
  let jobStatus = status;
  if (['running', 'stopped', 'deleted'].includes(status))
    jobStatus = 'succeeded';
  if (['starting', 'stopping', 'deleting'].includes(status))
    jobStatus = 'running';
  const base = buildWorkspace();
  const build = buildWorkspaceBuild();
  return {
    ...base,
    id,
    name,
    owner_name: options.owner ?? 'demo',
    latest_build: {
      ...build,
      workspace_id: id,
      status,
      transition,
      job: { ...(build.job as JsonObject), status: jobStatus },
    },
    ...options.extra,
  };
}

/** The linked demo user, as `/users/me` returns it. */
export function userFixture(username = 'demo'): JsonObject {
  return buildUser({ username });
}
