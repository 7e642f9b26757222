/** @jest-environment node */
import { runInNewContext } from 'node:vm';
import type { FakeCoder } from '../server';
import { SEED_PASSWORDS } from './login';
import { loginPage } from './pages';
import { admin, raw, sessionCookie, startOAuthFake } from './testing';

let fake: FakeCoder;
beforeAll(async () => {
  fake = await startOAuthFake();
});
afterAll(() => fake.close());
afterEach(() => admin(fake, 'POST', '/reset'));

function login(body: unknown, headers: Record<string, string> = {}) {
  return raw(fake, '/api/v2/users/login', {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', ...headers },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
}

describe('POST /api/v2/users/login', () => {
  it.each(Object.entries(SEED_PASSWORDS))(
    'signs %s in with the fixed password and a usable session',
    async (username, password) => {
      const answer = await login({
        email: `${username}@example.com`,
        password,
      });
      expect(answer.status).toBe(201);
      expect(answer.json).toEqual({
        session_token: expect.stringMatching(
          /^[A-Za-z0-9]{10}-[A-Za-z0-9]{22}$/,
        ),
      });
      const me = await raw(fake, '/api/v2/users/me', {
        headers: sessionCookie(answer.json.session_token),
      });
      expect(me.json.username).toBe(username);
    },
  );

  it('matches the email case-insensitively', async () => {
    const answer = await login({
      email: 'Demo@Example.com',
      password: 'demo-password',
    });
    expect(answer.status).toBe(201);
  });

  it.each([
    ['a wrong password', { email: 'demo@example.com', password: 'nope' }],
    [
      'an unknown email',
      { email: 'nobody@example.com', password: 'demo-password' },
    ],
  ])('answers 401 with one message for %s', async (_label, body) => {
    const answer = await login(body);
    expect(answer.status).toBe(401);
    expect(answer.json).toEqual({ message: 'Incorrect email or password.' });
  });

  it('validates the request like httpapi.Read', async () => {
    const empty = await login({});
    expect(empty.status).toBe(400);
    expect(empty.json).toEqual({
      message: 'Validation failed.',
      validations: [
        {
          field: 'email',
          detail: 'Validation failed for tag "required" with value: ""',
        },
        {
          field: 'password',
          detail: 'Validation failed for tag "required" with value: ""',
        },
      ],
    });
    const notEmail = await login({ email: 'demo', password: 'x' });
    expect(notEmail.json.validations).toEqual([
      {
        field: 'email',
        detail: 'Validation failed for tag "email" with value: "demo"',
      },
    ]);
    const notJson = await login('{');
    expect(notJson.json.message).toBe('Request body must be valid JSON.');
  });

  it('refuses a suspended account and wakes a dormant one', async () => {
    await admin(fake, 'PUT', '/users/alice', { status: 'suspended' });
    const suspended = await login({
      email: 'alice@example.com',
      password: 'alice-password',
    });
    expect(suspended.status).toBe(401);
    expect(suspended.json.message).toBe(
      'Your account is suspended. Contact an admin to reactivate your account.',
    );
    await admin(fake, 'PUT', '/users/alice', { status: 'dormant' });
    const dormant = await login({
      email: 'alice@example.com',
      password: 'alice-password',
    });
    expect(dormant.status).toBe(201);
  });

  it('needs the CSRF token when a session cookie is already present', async () => {
    const stale = sessionCookie(fake.tokens.demo);
    const body = { email: 'demo@example.com', password: 'demo-password' };
    expect((await login(body, stale)).status).toBe(400);
    const page = await raw(fake, '/login', { headers: stale });
    const token = /data-csrf="([^"]+)"/.exec(page.text)![1];
    expect(
      (await login(body, { ...stale, 'X-CSRF-TOKEN': token })).status,
    ).toBe(201);
  });
});

describe('POST /api/v2/users/logout', () => {
  it('deletes the session key and clears the cookie', async () => {
    const session = (
      await login({ email: 'demo@example.com', password: 'demo-password' })
    ).json.session_token;
    const answer = await raw(fake, '/api/v2/users/logout', {
      method: 'POST',
      headers: { 'Coder-Session-Token': session },
    });
    expect(answer.status).toBe(200);
    expect(answer.json).toEqual({ message: 'Logged out!' });
    expect(answer.headers.get('set-cookie')).toBe(
      'coder_session_token=; Path=/; Max-Age=0',
    );
    const after = await raw(fake, '/api/v2/users/me', {
      headers: { 'Coder-Session-Token': session },
    });
    expect(after.status).toBe(401);
    // Other sessions of the same user survive.
    expect(
      (
        await raw(fake, '/api/v2/users/me', {
          headers: { 'Coder-Session-Token': fake.tokens.demo },
        })
      ).status,
    ).toBe(200);
  });
});

describe('GET /login', () => {
  it('shows the message and a labelled form, without an open redirect', async () => {
    const page = await raw(
      fake,
      '/login?message=Please+sign+in&redirect=%2Foauth2%2Fauthorize',
    );
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(page.text).toContain('<p>Please sign in</p>');
    expect(page.text).toContain('<input id="email" name="email" type="email"');
    expect(page.text).toContain(
      '<input id="password" name="password" type="password"',
    );
    expect(page.text).toContain(
      "redirect.startsWith('/') && !redirect.startsWith('//')",
    );
  });

  it('escapes the message', async () => {
    const page = await raw(
      fake,
      '/login?message=%3Cscript%3Ealert(1)%3C%2Fscript%3E',
    );
    expect(page.text).not.toContain('<script>alert(1)');
    expect(page.text).toContain('&lt;script&gt;');
  });
});

/**
 * Runs the login page's inline script against a stub DOM, so its fetch and
 * navigation are checked without a browser.
 */
async function submitLoginPage(input: {
  search: string;
  csrf?: string;
  answer: { status: number; body: unknown };
}) {
  const html = loginPage({ message: '', csrfToken: input.csrf ?? '' });
  const script = /<script>([\s\S]*)<\/script>/.exec(html)![1];
  let submit: (event: {
    preventDefault(): void;
  }) => Promise<void> = async () => {};
  const form = {
    dataset: { csrf: input.csrf ?? '' },
    email: { value: 'demo@example.com' },
    password: { value: 'demo-password' },
    addEventListener: (_type: string, handler: typeof submit) => {
      submit = handler;
    },
  };
  const alertBox = { textContent: '' };
  const calls: Array<{ url: string; init: any }> = [];
  const navigations: string[] = [];
  runInNewContext(script, {
    document: {
      getElementById: (id: string) => (id === 'login' ? form : alertBox),
    },
    location: {
      search: input.search,
      assign: (url: string) => navigations.push(url),
    },
    URLSearchParams,
    JSON,
    fetch: async (url: string, init: unknown) => {
      calls.push({ url, init });
      return {
        status: input.answer.status,
        json: async () => input.answer.body,
      };
    },
  });
  await submit({ preventDefault: () => {} });
  return { calls, navigations, alert: alertBox.textContent };
}

describe('the login page script', () => {
  it('posts the credentials as JSON and follows a same-origin redirect', async () => {
    const run = await submitLoginPage({
      search: '?redirect=%2Foauth2%2Fauthorize%3Fclient_id%3Dx',
      answer: { status: 201, body: { session_token: 't' } },
    });
    expect(run.calls).toEqual([
      {
        url: '/api/v2/users/login',
        init: {
          method: 'POST',
          credentials: 'same-origin',
          headers: { 'Content-Type': 'application/json' },
          body: JSON.stringify({
            email: 'demo@example.com',
            password: 'demo-password',
          }),
        },
      },
    ]);
    expect(run.navigations).toEqual(['/oauth2/authorize?client_id=x']);
  });

  it.each(['//evil.example/x', 'https://evil.example/x', '/\\evil.example'])(
    'goes home instead of to %s',
    async redirect => {
      const run = await submitLoginPage({
        search: `?redirect=${encodeURIComponent(redirect)}`,
        answer: { status: 201, body: {} },
      });
      expect(run.navigations).toEqual(['/']);
    },
  );

  it('sends the CSRF token it was rendered with and shows a failure', async () => {
    const run = await submitLoginPage({
      search: '',
      csrf: 'tok',
      answer: {
        status: 401,
        body: { message: 'Incorrect email or password.' },
      },
    });
    expect(run.calls[0].init.headers['X-CSRF-TOKEN']).toBe('tok');
    expect(run.navigations).toEqual([]);
    expect(run.alert).toBe('Incorrect email or password.');
  });
});
