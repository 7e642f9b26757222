/* eslint jest/expect-expect: ["warn", { "assertFunctionNames": ["expect", "expectTokenNowhere"] }] */
/*
 * Hostile input from every side the card can reach, through its real UI: what an entity's
 * catalog-info says, what the user pastes, what browser storage does, and what "Coder"
 * answers. Nothing may crash, run, or leak the token; every refusal says what was wrong.
 */
import { useState, type ReactNode } from 'react';
import type { Entity } from '@backstage/catalog-model';
import { EntityProvider } from '@backstage/plugin-catalog-react';
import {
  registerMswTestHooks,
  renderInTestApp,
  TestApiProvider,
} from '@backstage/test-utils';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { http, HttpResponse } from 'msw';
import { setupServer } from 'msw/node';
import type { CoderTokenStorage } from '../../auth/CoderTokenStore';
import { useCoderAuth } from '../../hooks/useCoderAuth';
import {
  coderTestApis,
  TEST_ACCESS_URL,
  TEST_PROXY_URL,
  TEST_TOKEN,
} from '../../testUtils/coderTestApis';
import {
  userFixture,
  workspaceFixture,
} from '../../testUtils/workspaceFixtures';
import { CoderProvider } from '../CoderProvider';
import { CoderWorkspacesCard } from './CoderWorkspacesCard';
import { CODER_SEARCH_MAX_LENGTH } from './SearchBox';

const server = setupServer();
registerMswTestHooks(server);

const REPO = 'https://github.com/acme/web-app';
const TOKEN_KEY = 'backstage-plugin-coder/session-token';
const SOURCE = { 'backstage.io/source-location': `url:${REPO}/tree/main/` };
const REPO_CLAUSE = [
  REPO,
  `${REPO}.git`,
  'git@github.com:acme/web-app.git',
  'git@github.com:acme/web-app',
]
  .map(form => `param:"repo_url=${form}" `)
  .join('');
const TOKEN_SECRET = TEST_TOKEN.split('-')[1];
const HUNDRED_KB = 'x'.repeat(100 * 1024);
// eslint-disable-next-line no-script-url
const SCRIPT_URL = 'javascript:window.__hostile=1';
const UNAUTHORIZED = {
  message: 'You are signed out or your session has expired.',
  detail: 'API key is invalid.',
};

/** Everything the page sent and printed during the test. */
let requests: string[] = [];
let printed: jest.SpyInstance[] = [];

beforeEach(() => {
  requests = [];
  server.events.on('request:start', ({ request }) => {
    requests.push(request.url);
  });
  printed = (['log', 'info', 'warn', 'error', 'debug'] as const).map(method =>
    jest.spyOn(console, method),
  );
});

afterEach(() => {
  server.events.removeAllListeners();
  jest.restoreAllMocks();
  window.localStorage.clear();
  window.sessionStorage.clear();
  delete (window as { __hostile?: unknown }).__hostile;
});

function entity(
  annotations: Record<string, unknown>,
  spec: Record<string, unknown> = {},
): Entity {
  return {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Component',
    metadata: {
      name: 'web-app',
      annotations: annotations as Record<string, string>,
    },
    spec: { type: 'website', owner: 'team', lifecycle: 'production', ...spec },
  };
}

/**
 * Serves /users/me (accepting only TEST_TOKEN) and /workspaces. Like a real proxy, a
 * request line over 8 KB gets 431.
 */
function serveCoder(
  workspaces: (q: string) => Response | object[] = () => [
    workspaceFixture('still-here'),
  ],
  user: () => Response = () => HttpResponse.json(userFixture()),
) {
  const seen: string[] = [];
  server.use(
    http.get(`${TEST_PROXY_URL}/api/v2/users/me`, ({ request }) =>
      request.headers.get('Coder-Session-Token') === TEST_TOKEN
        ? user()
        : HttpResponse.json(UNAUTHORIZED, { status: 401 }),
    ),
    http.get(`${TEST_PROXY_URL}/api/v2/workspaces`, ({ request }) => {
      if (request.url.length > 8192) {
        return new HttpResponse('Request Header Fields Too Large', {
          status: 431,
        });
      }
      const q = new URL(request.url).searchParams.get('q') ?? '';
      seen.push(q);
      const answer = workspaces(q);
      return answer instanceof Response
        ? answer
        : HttpResponse.json({ workspaces: answer, count: answer.length });
    }),
  );
  return seen;
}

async function renderCard(
  options: {
    token?: string;
    entity?: Entity;
    storage?: CoderTokenStorage;
    extra?: ReactNode;
  } = {},
) {
  const { apis, tokenStore } = coderTestApis({
    token: options.token,
    storage: options.storage,
  });
  await renderInTestApp(
    <TestApiProvider apis={apis as any}>
      <button type="button">Something else on the page</button>
      <EntityProvider entity={options.entity ?? entity(SOURCE)}>
        <CoderProvider>
          <CoderWorkspacesCard readEntityData />
          {options.extra}
        </CoderProvider>
      </EntityProvider>
    </TestApiProvider>,
  );
  return { tokenStore };
}

async function submitToken(value: string) {
  const field = await screen.findByLabelText(/coder session token/i);
  await userEvent.click(field);
  await userEvent.paste(value);
  await userEvent.click(screen.getByRole('button', { name: 'Link account' }));
}

function requestsTo(path: string) {
  return requests.filter(url => new URL(url).pathname.endsWith(path));
}

/** The token is not in the page, a field, a request URL or anything printed. */
function expectTokenNowhere() {
  const fields = [...document.querySelectorAll('input, textarea')].map(
    field => (field as HTMLInputElement).value,
  );
  const console = printed.flatMap(spy =>
    spy.mock.calls.map(args => args.map(String).join(' ')),
  );
  for (const [where, texts] of Object.entries({
    page: [document.documentElement.outerHTML],
    fields,
    requests,
    console,
  })) {
    expect({
      where,
      leaks: texts.filter(text => text.includes(TOKEN_SECRET)),
    }).toEqual({ where, leaks: [] });
  }
}

describe('CoderWorkspacesCard, given hostile catalog-info', () => {
  it.each([
    [
      'a number as template',
      { 'coder.com/template': 42 },
      {},
      'metadata.annotations["coder.com/template"]',
      /expected a template name \(text\)/,
    ],
    [
      'a list as template',
      { 'coder.com/template': ['docker'] },
      {},
      'metadata.annotations["coder.com/template"]',
      /expected a template name \(text\)/,
    ],
    [
      'a template name with "/"',
      { 'coder.com/template': 'acme/devcontainers' },
      {},
      'metadata.annotations["coder.com/template"]',
      /letters, digits and single hyphens, no spaces or "\/"/,
    ],
    [
      'a template name with spaces',
      { 'coder.com/template': 'dev containers' },
      {},
      'metadata.annotations["coder.com/template"]',
      /no spaces or "\/"/,
    ],
    [
      'a 100 KB template name',
      { 'coder.com/template': HUNDRED_KB },
      {},
      'metadata.annotations["coder.com/template"]',
      /expected at most 32 characters/,
    ],
    [
      'an unknown mode',
      { 'coder.com/mode': 'yolo' },
      {},
      'metadata.annotations["coder.com/mode"]',
      /expected "manual" or "auto"/,
    ],
    [
      'a number as mode',
      { 'coder.com/mode': 1 },
      {},
      'metadata.annotations["coder.com/mode"]',
      /expected "manual" or "auto"/,
    ],
    [
      'a 100 KB mode',
      { 'coder.com/mode': HUNDRED_KB },
      {},
      'metadata.annotations["coder.com/mode"]',
      /expected "manual" or "auto"/,
    ],
    [
      'params that are not JSON',
      { 'coder.com/params': '{region: eu-helsinki}' },
      {},
      'metadata.annotations["coder.com/params"]',
      /the JSON does not parse/,
    ],
    [
      'params as a JSON list',
      { 'coder.com/params': '["eu-helsinki"]' },
      {},
      'metadata.annotations["coder.com/params"]',
      /expected an object of parameter names to values/,
    ],
    [
      'params with a nested object',
      { 'coder.com/params': '{"cpu":{"cores":4}}' },
      {},
      'metadata.annotations["coder.com/params"].cpu',
      /expected text, a number or true\/false/,
    ],
    [
      'params without name=value',
      { 'coder.com/params': 'eu-helsinki' },
      {},
      'metadata.annotations["coder.com/params"]',
      /"eu-helsinki" has no name=value/,
    ],
    [
      'params as a number',
      { 'coder.com/params': 4 },
      {},
      'metadata.annotations["coder.com/params"]',
      /expected a JSON object .* or name=value pairs .*, as text; got a number/,
    ],
    [
      'params as an object',
      { 'coder.com/params': { region: 'eu' } },
      {},
      'metadata.annotations["coder.com/params"]',
      /as text; got an object/,
    ],
    [
      'a 100 KB parameter value',
      { 'coder.com/params': `region=${HUNDRED_KB}` },
      {},
      'metadata.annotations["coder.com/params"].region',
      /expected at most 4096 characters/,
    ],
    [
      'spec.coder as a number',
      {},
      { coder: 42 },
      'spec.coder',
      /expected an object with templateName, mode and params/,
    ],
    [
      'spec.coder as a list',
      {},
      { coder: ['devcontainers'] },
      'spec.coder',
      /expected an object with templateName, mode and params/,
    ],
    [
      'a number as spec.coder.templateName',
      {},
      { coder: { templateName: 42 } },
      'spec.coder.templateName',
      /expected a template name \(text\)/,
    ],
    [
      'a template name with "/" in spec.coder',
      {},
      { coder: { templateName: 'acme/dev' } },
      'spec.coder.templateName',
      /no spaces or "\/"/,
    ],
    [
      'an object as spec.coder.mode',
      {},
      { coder: { mode: { auto: true } } },
      'spec.coder.mode',
      /expected "manual" or "auto"/,
    ],
    [
      'spec.coder.params as text',
      {},
      { coder: { params: 'region=eu' } },
      'spec.coder.params',
      /expected an object of parameter names to values/,
    ],
    [
      'a nested object in spec.coder.params',
      {},
      { coder: { params: { region: { name: 'eu' } } } },
      'spec.coder.params.region',
      /expected text, a number or true\/false/,
    ],
    [
      'a 100 KB value in spec.coder.params',
      {},
      { coder: { params: { region: HUNDRED_KB } } },
      'spec.coder.params.region',
      /expected at most 4096 characters/,
    ],
  ])(
    'names the key for %s and still lists the workspaces',
    async (_, annotations, spec, field, message) => {
      serveCoder();
      await renderCard({
        token: TEST_TOKEN,
        entity: entity({ ...SOURCE, ...annotations }, spec),
      });

      expect(await screen.findByText('still-here')).toBeInTheDocument();
      const issue = screen.getByText(field, { selector: 'code' }).closest('li');
      expect(issue).toHaveTextContent(message);
      expect(
        screen.getByText(
          /A Coder setting in this entity's catalog-info could not be used/,
        ),
      ).toBeInTheDocument();
      // A long value is never dumped into the page.
      expect(document.body.textContent).not.toContain('x'.repeat(1000));
      expect(
        screen.getByRole('textbox', { name: 'Search workspaces' }),
      ).toBeEnabled();
    },
  );

  it.each([
    [
      'a number as repository URL',
      { 'coder.com/repo-url': 42 },
      'metadata.annotations["coder.com/repo-url"]',
      /expected a repository URL such as .*, as text; got a number/,
    ],
    [
      'a 100 KB repository URL',
      { 'coder.com/repo-url': `https://github.com/acme/${HUNDRED_KB}` },
      'metadata.annotations["coder.com/repo-url"]',
      /at most 1024 characters; this one has 102,4\d\d/,
    ],
    [
      'a javascript: repository URL',
      { 'coder.com/repo-url': SCRIPT_URL },
      'metadata.annotations["coder.com/repo-url"]',
      /expected a repository URL such as https:\/\/github\.com\/acme\/web-app, got "javascript:/,
    ],
    [
      'a list as source location',
      { 'backstage.io/source-location': [REPO] },
      'metadata.annotations["backstage.io/source-location"]',
      /as text; got a list/,
    ],
  ])(
    'names the key for %s and searches nothing',
    async (_, annotations, field, message) => {
      const seen = serveCoder();
      await renderCard({ token: TEST_TOKEN, entity: entity(annotations) });

      const issue = (
        await screen.findByText(field, { selector: 'code' })
      ).closest('li');
      expect(issue).toHaveTextContent(message);
      expect(document.body.textContent).not.toContain('x'.repeat(1000));
      expect(screen.queryByRole('link', { name: /javascript/i })).toBeNull();
      expect(seen).toEqual([]);
      expect(
        screen.getByRole('button', { name: 'Something else on the page' }),
      ).toBeEnabled();
    },
  );

  it('names every broken key at once', async () => {
    serveCoder();
    await renderCard({
      token: TEST_TOKEN,
      entity: entity(
        {
          ...SOURCE,
          'coder.com/template': 'a/b',
          'coder.com/mode': 7,
          'coder.com/params': '[',
        },
        { coder: { params: [] } },
      ),
    });
    expect(await screen.findByText('still-here')).toBeInTheDocument();
    expect(
      screen.getByText(
        /Some Coder settings in this entity's catalog-info could not be used/,
      ),
    ).toBeInTheDocument();
    expect(
      screen.getAllByText(/^(spec\.coder|metadata\.annotations)/, {
        selector: 'code',
      }),
    ).toHaveLength(4);
  });
});

describe('CoderWorkspacesCard, given hostile tokens', () => {
  it.each([
    ['spaces and tabs around it', `  \t${TEST_TOKEN}\t  `],
    ['line breaks around it', `\r\n${TEST_TOKEN}\n`],
    [
      'a line break inside it (the field joins the lines)',
      `abcdefghij-\n0123456789abcdefghijkl`,
    ],
  ])('links a token with %s', async (_, pasted) => {
    serveCoder();
    const { tokenStore } = await renderCard();
    await submitToken(pasted);
    expect(await screen.findByText('still-here')).toBeInTheDocument();
    expect(tokenStore.getToken()).toBe(TEST_TOKEN);
    expectTokenNowhere();
  });

  it.each([
    ['an emoji', `${TEST_TOKEN}🔑`, /characters a token never has \(an emoji/],
    [
      'curly quotes',
      `“${TEST_TOKEN}”`,
      /characters a token never has \(an emoji, accented letter, curly quote/,
    ],
    [
      'a NUL',
      `${TEST_TOKEN}\u0000`,
      /characters a token never has \(a control character\)/,
    ],
    [
      'a tab inside it',
      `abcdefghij-\t0123456789abcdefghijkl`,
      /characters a token never has \(a space or tab inside it\)/,
    ],
    [
      '2,000 emoji and accents',
      `${'🔑'.repeat(2000)}${'ü'.repeat(2000)}`,
      /It is 6,000 characters long; Coder session tokens have about 33/,
    ],
    [
      '10 KB of junk',
      'abcdefghij0123456789-'.repeat(500),
      /It is 10,500 characters long/,
    ],
  ])(
    'refuses %s before any request, without echoing it',
    async (_, pasted, reason) => {
      serveCoder();
      const { tokenStore } = await renderCard();
      await submitToken(pasted);

      const alert = await screen.findByRole('alert');
      expect(alert).toHaveTextContent('That is not a Coder session token.');
      expect(alert).toHaveTextContent(reason);
      expect(alert.textContent).not.toContain(pasted.trim().slice(0, 12));
      expect(requestsTo('/users/me')).toEqual([]);
      expect(tokenStore.getToken()).toBeUndefined();
      expect(
        screen.getByRole('button', { name: 'Link account' }),
      ).toBeEnabled();
    },
  );

  it('refuses an inner line break passed to linkToken by a custom form', async () => {
    serveCoder();
    function CustomLink() {
      const auth = useCoderAuth();
      const [outcome, setOutcome] = useState('');
      return (
        <>
          <button
            type="button"
            onClick={() =>
              auth
                .linkToken('abcdefghij-\n0123456789abcdefghijkl')
                .then(() => setOutcome('linked'))
                .catch((error: Error) => setOutcome(error.message))
            }
          >
            Custom link
          </button>
          <output>{outcome}</output>
        </>
      );
    }
    await renderCard({ extra: <CustomLink /> });
    await userEvent.click(screen.getByRole('button', { name: 'Custom link' }));
    expect(
      await screen.findByText(
        /^That is not a Coder session token: It contains characters a token never has \(a line break\)/,
      ),
    ).toBeInTheDocument();
    expect(requestsTo('/users/me')).toEqual([]);
  });

  it('keeps the token out of the page, request URLs and the console through errors and revocation', async () => {
    let answer: 'ok' | 'broken' | 'down' | 'revoked' = 'ok';
    serveCoder(() => {
      if (answer === 'broken') {
        return new HttpResponse('{"workspaces": [', {
          headers: { 'Content-Type': 'application/json' },
        });
      }
      if (answer === 'down') return new HttpResponse(null, { status: 502 });
      if (answer === 'revoked') {
        return HttpResponse.json(UNAUTHORIZED, { status: 401 });
      }
      return [workspaceFixture('still-here')];
    });
    await renderCard();
    await submitToken(TEST_TOKEN);
    await screen.findByText('still-here');
    expectTokenNowhere();

    answer = 'broken';
    await userEvent.click(
      screen.getByRole('button', { name: 'Refresh workspaces' }),
    );
    expect(
      await screen.findByText(/Unexpected answer from Coder/),
    ).toBeInTheDocument();
    expectTokenNowhere();

    answer = 'down';
    await userEvent.click(screen.getByRole('button', { name: 'Try again' }));
    expect(
      await screen.findByText(/Coder is unreachable \(HTTP 502\)/),
    ).toBeInTheDocument();
    expectTokenNowhere();

    answer = 'revoked';
    await userEvent.click(screen.getByRole('button', { name: 'Try again' }));
    expect(
      await screen.findByLabelText(/coder session token/i),
    ).toBeInTheDocument();
    expectTokenNowhere();
    expect(requestsTo('/workspaces').length).toBeGreaterThanOrEqual(4);
  });
});

describe('CoderWorkspacesCard, when browser storage fails', () => {
  it.each([
    ['local', 'full', ['setItem'], 'QuotaExceededError'],
    ['session', 'full', ['setItem'], 'QuotaExceededError'],
    [
      'local',
      'disabled',
      ['getItem', 'setItem', 'removeItem'],
      'SecurityError',
    ],
    [
      'session',
      'disabled',
      ['getItem', 'setItem', 'removeItem'],
      'SecurityError',
    ],
  ] as const)(
    'links the account for this tab when %s storage is %s',
    async (storage, _, methods, name) => {
      // Only the plugin's key fails: Backstage's own settings must keep working.
      for (const method of methods) {
        const original = Storage.prototype[method] as (
          ...args: string[]
        ) => unknown;
        const spy: jest.SpyInstance = jest.spyOn(Storage.prototype, method);
        spy.mockImplementation(function refuse(this: Storage, ...args) {
          if (args[0] === TOKEN_KEY) {
            throw new DOMException('Storage refused', name);
          }
          return original.apply(this, args);
        });
      }
      serveCoder();
      const { tokenStore } = await renderCard({ storage });
      await submitToken(TEST_TOKEN);

      expect(await screen.findByText('still-here')).toBeInTheDocument();
      expect(tokenStore.getToken()).toBe(TEST_TOKEN);
      expectTokenNowhere();
    },
  );

  it('shows the link form, not a stuck card, when storage holds a token no header can carry', async () => {
    window.localStorage.setItem(TOKEN_KEY, 'ü🔑');
    serveCoder();
    await renderCard({ storage: 'local' });
    expect(
      await screen.findByLabelText(/coder session token/i),
    ).toBeInTheDocument();
    expect(requests).toEqual([]);
    expect(window.localStorage.getItem(TOKEN_KEY)).toBeNull();
  });
});

describe('CoderWorkspacesCard, given an oversized search', () => {
  it(`keeps the first ${CODER_SEARCH_MAX_LENGTH} characters of a 20 KB paste, says why, and still lists`, async () => {
    const seen = serveCoder();
    await renderCard({ token: TEST_TOKEN });
    await screen.findByText('still-here');
    const search = screen.getByRole('textbox', { name: 'Search workspaces' });
    const pasted = `owner:me ${'name:x'.repeat(Math.ceil((20 * 1024) / 6))}`;

    await userEvent.clear(search);
    await userEvent.paste(pasted);

    const kept = pasted.slice(0, CODER_SEARCH_MAX_LENGTH);
    expect(search).toHaveValue(kept);
    expect(
      screen.getByText(
        `Searches are limited to ${CODER_SEARCH_MAX_LENGTH} characters; anything beyond that is left out.`,
      ),
    ).toBeInTheDocument();
    await waitFor(() => expect(seen.at(-1)).toBe(`${REPO_CLAUSE}${kept}`));
    expect(await screen.findByText('still-here')).toBeInTheDocument();
    expect(screen.queryByText(/HTTP 431/)).not.toBeInTheDocument();
  });

  it('cuts a value set past the limit without typing (autofill, IME), never inside an emoji', async () => {
    serveCoder();
    await renderCard({ token: TEST_TOKEN });
    await screen.findByText('still-here');
    const search = screen.getByRole('textbox', { name: 'Search workspaces' });
    const text = `${'a'.repeat(CODER_SEARCH_MAX_LENGTH - 1)}🔑${'b'.repeat(20_000)}`;

    fireEvent.change(search, { target: { value: text } });

    expect(search).toHaveValue('a'.repeat(CODER_SEARCH_MAX_LENGTH - 1));
    expect(
      screen.getByText(/Searches are limited to \d+ characters/),
    ).toBeInTheDocument();
  });

  it('loses nothing typed within the limit', async () => {
    const seen = serveCoder();
    await renderCard({ token: TEST_TOKEN });
    await screen.findByText('still-here');
    const search = screen.getByRole('textbox', { name: 'Search workspaces' });
    // One short of the limit; the next key fills it and the one after is refused.
    const typed = `owner:me name:${'y'.repeat(CODER_SEARCH_MAX_LENGTH - 15)}`;

    await userEvent.clear(search);
    await userEvent.paste(typed);
    expect(
      screen.getByText('Coder search syntax, e.g. owner:me status:running'),
    ).toBeInTheDocument();
    await userEvent.type(search, 'zq');

    expect(search).toHaveValue(`${typed}z`);
    expect(
      screen.getByText(/Searches are limited to \d+ characters/),
    ).toBeInTheDocument();
    await waitFor(() => expect(seen.at(-1)).toBe(`${REPO_CLAUSE}${typed}z`));
    await userEvent.type(search, '{Backspace}');
    expect(
      screen.getByText('Coder search syntax, e.g. owner:me status:running'),
    ).toBeInTheDocument();
  });
});

describe('CoderWorkspacesCard, given hostile answers from Coder', () => {
  it('renders markup in workspace, owner and template names as text', async () => {
    const name = '<img src=x onerror="window.__hostile=1">';
    const owner = '"><svg onload="window.__hostile=2">';
    const template = '<script>window.__hostile=3</script>';
    serveCoder(() => [
      workspaceFixture(name, {
        owner,
        extra: { template_display_name: template },
      }),
    ]);
    await renderCard({ token: TEST_TOKEN });

    const link = await screen.findByRole('link', { name: /^<img src=x/ });
    expect(link).toHaveAttribute(
      'href',
      `${TEST_ACCESS_URL}/@${encodeURIComponent(owner)}/${encodeURIComponent(name)}`,
    );
    expect(screen.getByText(template)).toBeInTheDocument();
    expect(
      document.querySelector('img[src="x"], svg[onload], script'),
    ).toBeNull();
    expect((window as { __hostile?: unknown }).__hostile).toBeUndefined();
  });

  it('never uses a javascript:, data: or vbscript: icon as an image source', async () => {
    const icons = [
      SCRIPT_URL,
      ` ${SCRIPT_URL.toUpperCase()}`,
      'data:image/svg+xml,<svg xmlns="http://www.w3.org/2000/svg" onload="window.__hostile=1"/>',
      'vbscript:msgbox(1)',
      '/icon/docker.png',
    ];
    serveCoder(() =>
      icons.map((icon, index) =>
        workspaceFixture(`hostile-${index}`, {
          extra: {
            template_icon: icon,
            template_display_name: `Icon ${index}`,
          },
        }),
      ),
    );
    await renderCard({ token: TEST_TOKEN });
    await screen.findByText('hostile-4');

    const sources = [...document.querySelectorAll('img')].map(image =>
      image.getAttribute('src'),
    );
    // Only the deployment's own icon loads; the others fall back to a letter.
    expect(sources).toEqual([`${TEST_ACCESS_URL}/icon/docker.png`]);
  });

  it('tolerates fields it does not know, and a __proto__ key pollutes nothing', async () => {
    const workspace = workspaceFixture('with-extras', {
      extra: {
        future_field: { nested: [1, 2, { deeper: true }] },
        template_icon_v2: SCRIPT_URL,
      },
    });
    serveCoder(
      () =>
        new HttpResponse(
          `{"__proto__":{"polluted":true},"workspaces":[${JSON.stringify(workspace)}],"count":1,"next_page":"?"}`,
          { headers: { 'Content-Type': 'application/json' } },
        ),
    );
    await renderCard({ token: TEST_TOKEN });
    expect(await screen.findByText('with-extras')).toBeInTheDocument();
    expect(({} as { polluted?: boolean }).polluted).toBeUndefined();
  });

  it.each([
    [
      'a workspace without a name',
      () => {
        const { name: _, ...nameless } = workspaceFixture('x');
        return HttpResponse.json({ workspaces: [nameless], count: 1 });
      },
      /Unexpected response from Coder for \/api\/v2\/workspaces: workspaces\.0\.name/,
    ],
    [
      'a number where an id belongs',
      () => HttpResponse.json({ workspaces: [{ id: 42 }], count: 1 }),
      /for \/api\/v2\/workspaces: workspaces\.0\.id/,
    ],
    [
      'a list instead of an object',
      () => HttpResponse.json([workspaceFixture('x')]),
      /for \/api\/v2\/workspaces: /,
    ],
    [
      'an HTML sign-in page with status 200',
      () => HttpResponse.html('<html><body>Sign in to continue</body></html>'),
      /for \/api\/v2\/workspaces: the body is not valid JSON/,
    ],
  ])('says the answer was unexpected for %s', async (_, answer, message) => {
    serveCoder(answer);
    await renderCard({ token: TEST_TOKEN });
    expect(
      await screen.findByText(/Unexpected answer from Coder/),
    ).toBeInTheDocument();
    expect(screen.getByText(message)).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Try again' })).toBeEnabled();
    expect(screen.queryByText(/no workspaces/i)).not.toBeInTheDocument();
  });

  it('refuses to link when /users/me answers without a username, naming the field', async () => {
    serveCoder(undefined, () => {
      const { username: _, ...anonymous } = userFixture();
      return HttpResponse.json(anonymous);
    });
    const { tokenStore } = await renderCard();
    await submitToken(TEST_TOKEN);
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent(/Unexpected answer from Coder/);
    expect(alert).toHaveTextContent(/\/api\/v2\/users\/me: username/);
    expect(tokenStore.getToken()).toBeUndefined();
    expect(within(alert).queryByText(TEST_TOKEN)).toBeNull();
  });
});
