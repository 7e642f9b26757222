import { SESSION_TOKEN_COOKIE, splitToken, tokenFromRequest } from '../auth';
import { decodeStruct } from '../goJson';
import { MICROS_PER_MILLISECOND } from '../clock';
import { apiError, tagFailure, ValidationError } from '../errors';
import { API_KEY_LIFETIME_MS, mintToken } from '../api/users';
import type { ApiContext, RequestContext } from '../router';
import { csrfTokenFor } from './csrf';
import { cookie, Exchange, sendHtml } from './http';
import { loginPage } from './pages';

/**
 * Password login, so a browser (a Backstage sign-in popup) can get the
 * session cookie /oauth2/authorize needs: GET /login (the fake's stand-in for
 * the dashboard's page), POST /api/v2/users/login and POST /api/v2/users/logout
 * (coderd/userauth.go).
 */

/** Fixed passwords of the seed users, by username. */
export const SEED_PASSWORDS: Readonly<Record<string, string>> = {
  demo: 'demo-password',
  alice: 'alice-password',
  admin: 'admin-password',
};

const LOGIN_FIELDS = {
  email: { kind: 'string' },
  password: { kind: 'string' },
} as const;

/** go-playground's `email` tag, loosely: one @, a dotted domain, no spaces. */
const EMAIL = /^[^@\s]+@[^@\s]+\.[^@\s]+$/;

function sessionCookie(token: string, expiresAtMs: number): string {
  return `${SESSION_TOKEN_COOKIE}=${token}; Path=/; Expires=${new Date(expiresAtMs).toUTCString()}; HttpOnly; SameSite=Lax`;
}

/** POST /api/v2/users/login: 201 {session_token} and the session cookie. */
export async function postLogin(context: RequestContext): Promise<void> {
  const request = decodeStruct(
    await context.readJson(),
    'LoginWithPasswordRequest',
    LOGIN_FIELDS,
  );
  const email = (request.email as string | undefined) ?? '';
  const password = (request.password as string | undefined) ?? '';
  const validations: ValidationError[] = [];
  if (email === '') validations.push(tagFailure('email', 'required', email));
  else if (!EMAIL.test(email))
    validations.push(tagFailure('email', 'email', email));
  if (password === '')
    validations.push(tagFailure('password', 'required', password));
  if (validations.length > 0)
    throw apiError(400, 'Validation failed.', undefined, validations);

  const user = [...context.deployment.store.users.values()].find(
    candidate => candidate.email.toLowerCase() === email.toLowerCase(),
  );
  // One message for "no such user" and "wrong password", as in Coder.
  if (!user || SEED_PASSWORDS[user.username] !== password)
    throw apiError(401, 'Incorrect email or password.');
  if (user.status === 'suspended') {
    throw apiError(
      401,
      'Your account is suspended. Contact an admin to reactivate your account.',
    );
  }
  // Logging in wakes a dormant account.
  user.status = 'active';
  const token = mintToken(context, user, API_KEY_LIFETIME_MS);
  const expiresAtMs =
    context.now / MICROS_PER_MILLISECOND + API_KEY_LIFETIME_MS;
  context.respond(
    201,
    { session_token: token },
    { 'Set-Cookie': sessionCookie(token, expiresAtMs) },
  );
}

/** POST /api/v2/users/logout: deletes the key, clears the cookie. */
export function postLogout(context: ApiContext): void {
  // The key this request authenticated with, found the way ExtractAPIKey finds it.
  const split = splitToken(tokenFromRequest(context.request, context.url));
  if (!('error' in split)) context.deployment.store.tokens.delete(split.id);
  context.respond(
    200,
    { message: 'Logged out!' },
    { 'Set-Cookie': `${SESSION_TOKEN_COOKIE}=; Path=/; Max-Age=0` },
  );
}

/** GET /login: the sign-in form; `redirect` and `message` come from the query. */
export function getLoginPage(exchange: Exchange): void {
  const session = cookie(exchange.request, SESSION_TOKEN_COOKIE);
  sendHtml(
    exchange,
    200,
    loginPage({
      message: exchange.url.searchParams.get('message') ?? '',
      // A stale cookie would otherwise make the login POST fail CSRF.
      csrfToken:
        session === undefined ? '' : csrfTokenFor(exchange.deployment, session),
    }),
  );
}
