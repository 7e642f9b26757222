import type { CoderApi } from '../api/CoderApi';
import { toCoderResponseError } from '../api/errors';
import {
  CODER_ACTIVE_POLL_MS,
  CODER_IDLE_POLL_MS,
  workspacesQueryOptions,
} from './workspacesQueries';

const api = {} as CoderApi;

async function coderError(status: number, headers: Record<string, string>) {
  return toCoderResponseError(
    new Response(JSON.stringify({ message: 'Nope.' }), { status, headers }),
  );
}

/** The poll interval the options choose after a search ended in `state`. */
function nextPoll(shareOfBudget: number, state: object) {
  const { refetchInterval } = workspacesQueryOptions(api, 1, 'owner:me', {
    shareOfBudget,
  });
  if (typeof refetchInterval !== 'function') throw new Error('not adaptive');
  return refetchInterval({ state } as any);
}

describe('workspacesQueryOptions polling', () => {
  it('shares the idle budget among the pages of one list', () => {
    const data = { workspaces: [], count: 0 };
    expect(nextPoll(2, { status: 'success', data })).toBe(
      CODER_IDLE_POLL_MS * 2,
    );
  });

  it('re-polls an outage within the shared budget', async () => {
    const error = await coderError(503, {});
    expect(nextPoll(3, { status: 'error', error })).toBe(
      CODER_ACTIVE_POLL_MS * 3,
    );
  });

  it('waits at least as long as Retry-After asks', async () => {
    const error = await coderError(429, { 'Retry-After': '40' });
    expect(nextPoll(2, { status: 'error', error })).toBe(40_000);
  });

  it('does not re-poll a 4xx answer', async () => {
    const error = await coderError(400, {});
    expect(nextPoll(1, { status: 'error', error })).toBe(false);
  });
});
