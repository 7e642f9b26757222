import { QueryObserver } from '@tanstack/react-query';
import type { CoderApi } from './CoderApi';
import { toCoderResponseError } from './errors';
import { CoderTokenStore } from '../auth/CoderTokenStore';
import { getCoderQueryClient } from '../queries/coderQueryClient';
import { workspacesQueryOptions } from '../queries/workspacesQueries';

const SIGNED_OUT =
  'You are signed out or your session has expired. Please sign in again to continue.';

function answer(
  status: number,
  body: object | string,
  headers: Record<string, string> = {},
) {
  return toCoderResponseError(
    new Response(typeof body === 'string' ? body : JSON.stringify(body), {
      status,
      headers: { 'Content-Type': 'application/json', ...headers },
    }),
  );
}

const rateLimited = (
  retryAfter: string,
  headers: Record<string, string> = {},
) =>
  answer(
    429,
    {
      message:
        "You've been rate limited for sending more than 512 requests in 1m0s.",
    },
    { 'Retry-After': retryAfter, ...headers },
  );

describe('toCoderResponseError, reading Retry-After', () => {
  it.each([
    ['40', 40],
    ['3000000', 600],
    ['0', 1],
  ])('reads %s seconds as %s, within 1 s … 10 min', async (header, seconds) => {
    expect((await rateLimited(header)).coder.retryAfterSeconds).toBe(seconds);
  });

  it('reads an HTTP date against the response’s own Date, so clock skew does not matter', async () => {
    const sent = new Date('2026-08-22T12:00:00Z');
    const error = await rateLimited(
      new Date(sent.getTime() + 90_000).toUTCString(),
      { Date: sent.toUTCString() },
    );
    expect(error.coder.retryAfterSeconds).toBe(90);
  });

  it('clamps an HTTP date years ahead, or in the past', async () => {
    const sent = { Date: 'Sat, 22 Aug 2026 12:00:00 GMT' };
    expect(
      (await rateLimited('Fri, 01 Jan 2100 00:00:00 GMT', sent)).coder
        .retryAfterSeconds,
    ).toBe(600);
    expect(
      (await rateLimited('Thu, 01 Jan 2026 00:00:00 GMT', sent)).coder
        .retryAfterSeconds,
    ).toBe(1);
  });

  it.each(['soon', '-5', '1e9x', ''])(
    'ignores a Retry-After of %p',
    async header => {
      expect(
        (await rateLimited(header)).coder.retryAfterSeconds,
      ).toBeUndefined();
    },
  );

  it('keeps a workspace list polling with Retry-After: 3000000 to at most one request per 10 s', async () => {
    jest.useFakeTimers();
    try {
      const getWorkspaces = jest.fn(async () => {
        throw await rateLimited('3000000');
      });
      const api = { getWorkspaces } as unknown as CoderApi;
      const queryClient = getCoderQueryClient(
        new CoderTokenStore({ storage: 'memory' }),
      );
      const observer = new QueryObserver(
        queryClient,
        workspacesQueryOptions(api, 1, 'owner:me'),
      );
      const unsubscribe = observer.subscribe(() => {});
      // In steps, stopping early once it is clearly polling too fast.
      for (
        let ms = 0;
        ms < 10_000 && getWorkspaces.mock.calls.length <= 5;
        ms += 100
      ) {
        await jest.advanceTimersByTimeAsync(100);
      }
      unsubscribe();
      expect(getWorkspaces.mock.calls.length).toBeLessThanOrEqual(1);
    } finally {
      jest.useRealTimers();
    }
  });
});

describe("toCoderResponseError, recognising Coder's own 401", () => {
  it('knows Coder’s signed-out answer by its fixed message', async () => {
    const error = await answer(401, {
      message: SIGNED_OUT,
      detail: 'API key is invalid.',
    });
    expect(error.coder).toMatchObject({
      fromCoder: true,
      authFailure: 'signed-out',
    });
  });

  it('knows Coder’s answer for a suspended user', async () => {
    const error = await answer(401, {
      message:
        'User is not active (status = "suspended"). Contact an admin to reactivate your account.',
    });
    expect(error.coder).toMatchObject({
      fromCoder: true,
      authFailure: 'user-inactive',
    });
  });

  it('knows Coder’s 401 by its WWW-Authenticate challenge when the proxy lets it through', async () => {
    const error = await answer(
      401,
      { message: 'Something Coder may say one day.' },
      {
        'WWW-Authenticate':
          'Bearer realm="coder", error="invalid_token", error_description="The access token is invalid", resource_metadata="https://coder.example.com/.well-known/oauth-protected-resource"',
      },
    );
    expect(error.coder).toMatchObject({
      fromCoder: true,
      authFailure: 'signed-out',
    });
  });

  it.each([
    ['a gateway’s JSON', { message: 'Unauthorized' }, {}],
    [
      'another realm’s challenge',
      { message: 'Unauthorized' },
      { 'WWW-Authenticate': 'Bearer realm="gateway"' },
    ],
  ])('does not take %s for Coder', async (_, body, headers) => {
    const error = await answer(401, body, headers);
    expect(error.coder.fromCoder).toBe(false);
    expect(error.coder.authFailure).toBeUndefined();
  });
});
