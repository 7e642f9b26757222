import { randomBytes } from 'node:crypto';
import type { FakeCoder, FakeCoderOptions } from '../server';
import { startTestFake } from '../testing';
import { DEV_OAUTH_APP } from './devApp';
import { s256Challenge } from './secrets';

/**
 * Shared by the OAuth2 tests (this folder and dev/contract): a fake with the
 * provider on, raw HTTP helpers that do not follow redirects, and the steps
 * of the authorization-code flow. Not part of the fake's public API.
 */

export interface RawAnswer {
  status: number;
  headers: Headers;
  /** The body as text; `json` parses it. */
  text: string;
  json: any;
}

export function startOAuthFake(
  options: FakeCoderOptions = {},
): Promise<FakeCoder> {
  return startTestFake({
    ...options,
    oauth2: { experiment: true, ...options.oauth2 },
  });
}

/** One request, redirects not followed, body read as text. */
export async function raw(
  fake: FakeCoder,
  path: string,
  init: RequestInit = {},
): Promise<RawAnswer> {
  const response = await fetch(`${fake.url}${path}`, {
    redirect: 'manual',
    ...init,
  });
  const text = await response.text();
  let json: unknown;
  try {
    json = text === '' ? undefined : JSON.parse(text);
  } catch {
    json = undefined;
  }
  return { status: response.status, headers: response.headers, text, json };
}

/** A form-encoded POST (or other method), optionally with HTTP Basic credentials. */
export function postForm(
  fake: FakeCoder,
  path: string,
  fields: Record<string, string>,
  options: {
    basic?: [string, string];
    headers?: Record<string, string>;
    method?: string;
  } = {},
): Promise<RawAnswer> {
  const headers: Record<string, string> = {
    'Content-Type': 'application/x-www-form-urlencoded',
    ...options.headers,
  };
  if (options.basic) {
    headers.Authorization = `Basic ${Buffer.from(options.basic.join(':')).toString('base64')}`;
  }
  return raw(fake, path, {
    method: options.method ?? 'POST',
    headers,
    body: new URLSearchParams(fields).toString(),
  });
}

export function pkcePair(): { verifier: string; challenge: string } {
  const verifier = randomBytes(48).toString('base64url');
  return { verifier, challenge: s256Challenge(verifier) };
}

/** `/oauth2/authorize?…` for the dev app; `extra` overrides or adds parameters. */
export function authorizePath(
  challenge: string,
  extra: Record<string, string | undefined> = {},
): string {
  const query = new URLSearchParams();
  const parameters: Record<string, string | undefined> = {
    client_id: DEV_OAUTH_APP.clientId,
    response_type: 'code',
    code_challenge: challenge,
    code_challenge_method: 'S256',
    state: 'state-123',
    ...extra,
  };
  for (const [key, value] of Object.entries(parameters))
    if (value !== undefined) query.set(key, value);
  return `/oauth2/authorize?${query.toString()}`;
}

/** The session cookie header for a token. */
export const sessionCookie = (token: string) => ({
  Cookie: `coder_session_token=${token}`,
});

/** Consent as a CLI would: POST /oauth2/authorize with the session header. */
export async function authorizeCode(
  fake: FakeCoder,
  challenge: string,
  options: { token?: string; extra?: Record<string, string | undefined> } = {},
): Promise<{ code: string; location: URL }> {
  const answer = await raw(fake, authorizePath(challenge, options.extra), {
    method: 'POST',
    headers: { 'Coder-Session-Token': options.token ?? fake.tokens.demo },
  });
  if (answer.status !== 302)
    throw new Error(`authorize answered ${answer.status}: ${answer.text}`);
  const location = new URL(answer.headers.get('location')!);
  return { code: location.searchParams.get('code')!, location };
}

export const DEV_BASIC: [string, string] = [
  DEV_OAUTH_APP.clientId,
  DEV_OAUTH_APP.clientSecret,
];

/** The authorization-code exchange with the dev app's Basic credentials. */
export function exchangeCode(
  fake: FakeCoder,
  code: string,
  verifier: string,
  extra: Record<string, string> = {},
): Promise<RawAnswer> {
  return postForm(
    fake,
    '/oauth2/tokens',
    {
      grant_type: 'authorization_code',
      code,
      code_verifier: verifier,
      ...extra,
    },
    { basic: DEV_BASIC },
  );
}

/** Login, consent and exchange in one: a live token pair for `token`'s user. */
export async function issueTokens(
  fake: FakeCoder,
  token?: string,
): Promise<{
  access_token: string;
  refresh_token: string;
  expires_in: number;
}> {
  const { verifier, challenge } = pkcePair();
  const { code } = await authorizeCode(fake, challenge, { token });
  const answer = await exchangeCode(fake, code, verifier);
  if (answer.status !== 200)
    throw new Error(`token exchange answered ${answer.status}: ${answer.text}`);
  return answer.json;
}

export function refresh(fake: FakeCoder, refreshToken: string) {
  return postForm(
    fake,
    '/oauth2/tokens',
    { grant_type: 'refresh_token', refresh_token: refreshToken },
    { basic: DEV_BASIC },
  );
}

/** GET /api/v2/users/me with a token in the Coder-Session-Token header. */
export function whoAmI(fake: FakeCoder, token: string): Promise<RawAnswer> {
  return raw(fake, '/api/v2/users/me', {
    headers: { 'Coder-Session-Token': token },
  });
}

/** The fake's admin API, JSON in and out; throws unless 2xx. */
export async function admin(
  fake: FakeCoder,
  method: string,
  path: string,
  body?: unknown,
): Promise<any> {
  const answer = await raw(fake, `/__fake${path}`, {
    method,
    headers: body === undefined ? {} : { 'Content-Type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  if (answer.status >= 300)
    throw new Error(
      `${method} /__fake${path} → ${answer.status}: ${answer.text}`,
    );
  return answer.json;
}
