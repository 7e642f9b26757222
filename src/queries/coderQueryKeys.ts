/*
 * Every Coder query lives under ['coder', 'session', <token version>] so that linking a
 * different account can never show the previous account's cached data, and the token
 * itself never appears in a key (keys show up in devtools and logs).
 */

/** Query-key factory for everything the plugin caches. @public */
export const coderQueryKeys = {
  all: ['coder'] as const,
  session: (sessionVersion: number) =>
    ['coder', 'session', sessionVersion] as const,
  currentUser: (sessionVersion: number) =>
    [...coderQueryKeys.session(sessionVersion), 'users', 'me'] as const,
  /** One workspace followed while it transitions (not under `workspaces`: another shape). */
  workspace: (sessionVersion: number, workspaceId: string) =>
    [
      ...coderQueryKeys.session(sessionVersion),
      'workspace',
      workspaceId,
    ] as const,
  workspaces: (sessionVersion: number) =>
    [...coderQueryKeys.session(sessionVersion), 'workspaces'] as const,
  workspaceSearch: (
    sessionVersion: number,
    q: string,
    limit?: number,
    offset?: number,
  ) =>
    [...coderQueryKeys.workspaces(sessionVersion), { q, limit, offset }] as const,
};
