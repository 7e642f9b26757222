/** @jest-environment node */
import type { IncomingMessage } from 'node:http';
import { Deployment } from '../deployment';
import { resolveOAuth2Settings } from '../oauth2/settings';
import { SEED_IDS, SEED_REPOSITORIES, SEED_TOKENS } from '../seed';
import type { FakeCoder } from '../server';
import { call, eventually, startTestFake } from '../testing';
import { renderPageRequest } from './routes';

/*
 * The dashboard pages: each answers HTML at Coder's path, unknown things get
 * an HTML 404, nothing from the store, the URL or headers comes out as
 * markup, /workspaces agrees with GET /api/v2/workspaces, and the API is
 * untouched.
 */

let fake: FakeCoder;
beforeAll(async () => {
  // Slow builds keep the seeded transitional states still while we look.
  fake = await startTestFake({ buildStepMs: 60_000 });
});
afterAll(() => fake.close());
afterEach(() => call(fake, '/__fake/reset', { method: 'POST' }));

interface Page {
  status: number;
  headers: Headers;
  html: string;
}

async function page(
  path: string,
  headers: Record<string, string> = {},
): Promise<Page> {
  const response = await fetch(`${fake.url}${path}`, {
    headers,
    redirect: 'manual',
  });
  return {
    status: response.status,
    headers: response.headers,
    html: await response.text(),
  };
}

function expectHtmlPage(result: Page, status = 200): void {
  expect(result.status).toBe(status);
  expect(result.headers.get('content-type')).toBe('text/html; charset=utf-8');
  expect(result.html).toMatch(/^<!DOCTYPE html>/);
  expect(result.html).toContain('Fake Coder (development only)');
  expect(result.html).toMatch(/<title>[^<]+<\/title>/);
  expect(result.html.match(/<h1>/g)).toHaveLength(1);
  expect(result.html).toContain('prefers-color-scheme: dark');
  // No script anywhere, and the browser is told to run none.
  expect(result.html).not.toMatch(/<script/i);
  expect(result.headers.get('content-security-policy')).toContain(
    "default-src 'none'",
  );
}

const WEB_APP = SEED_REPOSITORIES.webApp;
const CREATE_QUERY = new URLSearchParams({
  mode: 'manual',
  name: 'my-new-one',
  'param.region': 'eu-helsinki',
  'param.repo_url': WEB_APP,
}).toString();

/** `owner/name` of every workspace row the /workspaces page lists, in order. */
function listedWorkspaces(html: string): string[] {
  const body = html.match(/<tbody>([\s\S]*?)<\/tbody>/)?.[1] ?? '';
  return [...body.matchAll(/<a href="\/@([^"/]+)\/([^"]+)">/g)].map(
    ([, owner, name]) =>
      `${decodeURIComponent(owner)}/${decodeURIComponent(name)}`,
  );
}

async function apiNames(query: string, token: string): Promise<string[]> {
  const response = await call(
    fake,
    `/api/v2/workspaces?q=${encodeURIComponent(query)}`,
    { token },
  );
  expect(response.status).toBe(200);
  return response.body.workspaces.map(
    (workspace: { owner_name: string; name: string }) =>
      `${workspace.owner_name}/${workspace.name}`,
  );
}

/** The hostile text must appear only escaped, never as markup. */
function expectEscaped(html: string, escaped: string): void {
  expect(html).toContain(escaped);
  expect(html).not.toMatch(/<script/i);
  expect(html).not.toMatch(/<img/i);
}

const HOSTILE = '"><img src=x onerror=alert(1)><script>alert(1)</script>';
const HOSTILE_ESCAPED =
  '&#34;&gt;&lt;img src=x onerror=alert(1)&gt;&lt;script&gt;alert(1)&lt;/script&gt;';

describe('GET /cli-auth', () => {
  it("shows the demo user's session token, labelled, with what to do with it", async () => {
    const result = await page('/cli-auth');
    expectHtmlPage(result);
    expect(result.html).toContain(
      '<label for="session-token">Session token</label>',
    );
    expect(result.html).toMatch(
      new RegExp(
        `<input id="session-token"[^>]* readonly value="${SEED_TOKENS.demo}"`,
      ),
    );
    expect(result.html).toContain('paste it into Backstage');
    // A token page must not be cached.
    expect(result.headers.get('cache-control')).toBe('no-store');
  });

  it("shows the signed-in user's own token when the browser sends a session", async () => {
    const result = await page('/cli-auth', {
      Cookie: `coder_session_token=${SEED_TOKENS.alice}`,
    });
    expectHtmlPage(result);
    expect(result.html).toContain(`value="${SEED_TOKENS.alice}"`);
    expect(result.html).not.toContain(SEED_TOKENS.demo);
    expect(result.html).toContain('Signed in as <strong>alice</strong>');
  });

  it('falls back to the demo token for an invalid session and says when it was revoked', async () => {
    await call(fake, '/__fake/revoke', {
      method: 'POST',
      body: { token: SEED_TOKENS.demo },
    });
    const result = await page('/cli-auth', {
      'Coder-Session-Token': 'wrongwrong-fakeCoderWrongSecret01',
    });
    expectHtmlPage(result);
    expect(result.html).toContain(`value="${SEED_TOKENS.demo}"`);
    expect(result.html).toContain('This token has been revoked');
  });
});

describe('GET /@{owner}/{workspace}', () => {
  it('shows name, owner, template, status, last build and its parameters', async () => {
    const result = await page('/@demo/web-app-main');
    expectHtmlPage(result);
    expect(result.html).toContain('<h1>web-app-main</h1>');
    expect(result.html).toContain('<dt>Owner</dt><dd>demo (Demo User)</dd>');
    expect(result.html).toContain('<dt>Template</dt><dd>Dev Containers ');
    expect(result.html).toContain(
      '<dt>Status</dt><dd><strong>running</strong></dd>',
    );
    expect(result.html).toContain(
      '<a href="/@demo/web-app-main/builds/1">#1 start</a>, job succeeded',
    );
    expect(result.html).toContain(
      `<th scope="row"><code>repo_url</code></th><td><code>${WEB_APP}</code></td>`,
    );
    expect(result.html).toContain(
      '<th scope="row"><code>region</code></th><td><code>eu-helsinki</code></td>',
    );
    expect(result.html).toContain(
      'Start, stop and delete it from the Backstage card',
    );
  });

  it("shows the same status string as the API's latest_build.status for every seeded workspace", async () => {
    const api = await call(fake, '/api/v2/workspaces', {
      token: fake.tokens.admin,
    });
    expect(api.body.count).toBe(15);
    for (const workspace of api.body.workspaces) {
      const result = await page(`/@${workspace.owner_name}/${workspace.name}`);
      expect(result.status).toBe(200);
      expect(result.html).toContain(
        `<dt>Status</dt><dd><strong>${workspace.latest_build.status}</strong></dd>`,
      );
      expect(result.html).toContain(
        `#${workspace.latest_build.build_number} ${workspace.latest_build.transition}</a>`,
      );
    }
  });

  it('links back to Backstage only for an http(s) Referer from elsewhere', async () => {
    const withReferer = await page('/@demo/web-app-main', {
      Referer: 'http://localhost:3000/catalog/default/component/web-app',
    });
    expect(withReferer.html).toContain(
      '<a href="http://localhost:3000/catalog/default/component/web-app">Back to Backstage</a>',
    );
    // Built, not written out: the point is a script URL arriving as a header.
    const scriptUrl = ['javascript', 'alert(1)'].join(':');
    for (const referer of [undefined, scriptUrl, 'not a url']) {
      const result = await page(
        '/@demo/web-app-main',
        referer ? { Referer: referer } : {},
      );
      expect(result.status).toBe(200);
      expect(result.html).not.toContain('Back to Backstage');
    }
  });

  it("resolves @me to the browser's session user, else demo", async () => {
    expect((await page('/@me/web-app-main')).status).toBe(200);
    const alice = await page('/@me/notebook', {
      Cookie: `coder_session_token=${SEED_TOKENS.alice}`,
    });
    expect(alice.status).toBe(200);
    expect(alice.html).toContain(
      '<dt>Owner</dt><dd>alice (Alice Liddell)</dd>',
    );
  });

  it.each([
    ['an unknown workspace', '/@demo/no-such-workspace', 'no-such-workspace'],
    ['an unknown owner', '/@nobody/web-app-main', 'nobody'],
    ["another owner's name", '/@alice/web-app-main', 'web-app-main'],
  ])('answers an HTML 404 for %s', async (_label, path, named) => {
    const result = await page(path);
    expectHtmlPage(result, 404);
    expect(result.html).toContain('<h1>Workspace not found</h1>');
    expect(result.html).toContain(`<code>${named}</code>`);
  });

  it('answers 404 once the workspace is deleted', async () => {
    await call(fake, '/__fake/reset', {
      method: 'POST',
      body: { buildStepMs: 0 },
    });
    const deleted = await call(
      fake,
      `/api/v2/workspaces/${SEED_IDS.workspaces(2)}/builds`,
      { method: 'POST', token: fake.demoToken, body: { transition: 'delete' } },
    );
    expect(deleted.status).toBe(201);
    const gone = await eventually(async () => {
      const result = await page('/@demo/web-app-feature');
      return result.status === 404 ? result : undefined;
    });
    expectHtmlPage(gone, 404);
  });
});

describe('GET /@{owner}/{workspace}/builds/{number}', () => {
  it('shows a failed build with its job error as the last log line', async () => {
    const result = await page('/@demo/web-app-broken/builds/1');
    expectHtmlPage(result);
    expect(result.html).toContain('<h1>Build #1 (start)</h1>');
    expect(result.html).toContain(
      '<dt>Job status</dt><dd><strong>failed</strong></dd>',
    );
    expect(result.html).toContain(
      '<dt>Job error</dt><dd class="error">terraform apply: exit status 1',
    );
    const log = result.html.match(
      /<pre aria-label="Build log">([\s\S]*?)<\/pre>/,
    )?.[1];
    const lines = (log ?? '').trim().split('\n');
    expect(lines[0]).toContain('[Queued] Build #1 (start) queued by demo');
    expect(lines[lines.length - 1]).toMatch(
      /\[Error\] terraform apply: exit status 1: Error: Unable to pull image &#34;mcr\.microsoft\.com\/devcontainers\/base&#34;: manifest unknown<\/span>$/,
    );
  });

  it("dates the log from the build's own timestamps and tells a start's story", async () => {
    const api = await call(fake, '/api/v2/users/demo/workspace/web-app-main', {
      token: fake.demoToken,
    });
    const { job } = api.body.latest_build;
    const result = await page('/@demo/web-app-main/builds/1');
    expectHtmlPage(result);
    for (const stamp of [job.created_at, job.started_at, job.completed_at])
      expect(result.html).toContain(`<time datetime="${stamp}">`);
    expect(result.html).toContain(`${job.started_at}  [Setting up]`);
    expect(result.html).toContain('Terraform apply] Apply complete!');
    expect(result.html).toContain('[Agent] Agent main connected');
  });

  it('shows a running build as still running and a stop as destroying', async () => {
    const running = await page('/@demo/web-app-review/builds/3');
    expect(running.html).toContain(
      '<dt>Job status</dt><dd><strong>running</strong></dd>',
    );
    expect(running.html).toContain(
      '<dt>Completed</dt><dd><span class="muted">not yet</span></dd>',
    );
    expect(running.html).toContain('Still running; reload for more');
    const stopped = await page('/@demo/web-app-feature/builds/2');
    expect(stopped.html).toContain('<h1>Build #2 (stop)</h1>');
    expect(stopped.html).toContain('Destroy complete!');
  });

  it.each([
    [
      'an unknown build number',
      '/@demo/web-app-main/builds/7',
      'Build not found',
    ],
    [
      'a build number that is no number',
      '/@demo/web-app-main/builds/latest',
      'Build not found',
    ],
    [
      'an unknown workspace',
      '/@demo/no-such-workspace/builds/1',
      'Workspace not found',
    ],
  ])('answers an HTML 404 for %s', async (_label, path, heading) => {
    const result = await page(path);
    expectHtmlPage(result, 404);
    expect(result.html).toContain(`<h1>${heading}</h1>`);
  });
});

describe('GET /templates/{name}/workspace', () => {
  it('shows the template, every query parameter and which parameters the link fills', async () => {
    const result = await page(
      `/templates/devcontainers/workspace?${CREATE_QUERY}&utm_source=backstage`,
    );
    expectHtmlPage(result);
    expect(result.html).toContain(
      '<h1>Create a workspace from Dev Containers</h1>',
    );
    expect(result.html).toContain(
      '<p>Develop in a devcontainer built from your repository.</p>',
    );
    for (const [key, value] of [
      ['mode', 'manual'],
      ['name', 'my-new-one'],
      ['param.region', 'eu-helsinki'],
      ['param.repo_url', WEB_APP],
      ['utm_source', 'backstage'],
    ])
      expect(result.html).toContain(
        `<th scope="row"><code>${key}</code></th><td><code>${value}</code></td>`,
      );
    const filled = [
      ...result.html.matchAll(
        /<tr data-filled="true">\n<th scope="row"><code>([^<]+)<\/code>/g,
      ),
    ].map(match => match[1]);
    expect(filled).toEqual(['repo_url', 'region']);
    // Every parameter of the active version, with its default.
    for (const name of [
      'cpu',
      'enable_docker',
      'dotfiles_uri',
      'disk_size',
      'tags',
    ])
      expect(result.html).toContain(`<th scope="row"><code>${name}</code>`);
    expect(result.html).toMatch(
      /<code>cpu<\/code>[\s\S]*?<td><code>2<\/code><\/td>/,
    );
  });

  it('flags link values the form would refuse and parameters the template lacks', async () => {
    const result = await page(
      '/templates/devcontainers/workspace?param.region=mars&param.cpu=99&param.nope=1',
    );
    expect(result.html).toContain(
      '<code>mars</code> <span class="error">(not one of the options)</span>',
    );
    expect(result.html).toContain(
      '<code>99</code> <span class="error">(outside 1 to 8)</span>',
    );
    expect(result.html).toContain(
      'no parameter <code>nope</code> in this template',
    );
  });

  it('also answers at /templates/{organization}/{name}/workspace', async () => {
    const result = await page(
      `/templates/coder/devcontainers/workspace?${CREATE_QUERY}`,
    );
    expectHtmlPage(result);
    expect(result.html).toContain(
      '<h1>Create a workspace from Dev Containers</h1>',
    );
  });

  it('warns about a deprecated template', async () => {
    const result = await page('/templates/legacy-vm/workspace');
    expectHtmlPage(result);
    expect(result.html).toContain(
      'Deprecated: Use the Dev Containers template instead.',
    );
  });

  it.each([
    ['an unknown template', '/templates/no-such-template/workspace'],
    [
      'an unknown organization',
      '/templates/no-such-org/devcontainers/workspace',
    ],
  ])('answers an HTML 404 for %s', async (_label, path) => {
    const result = await page(path);
    expectHtmlPage(result, 404);
    expect(result.html).toContain('<h1>Template not found</h1>');
  });

  it('answers 404 for a deleted template', async () => {
    const deleted = await call(fake, '/__fake/templates/docker', {
      method: 'DELETE',
    });
    expect(deleted.status).toBe(204);
    expectHtmlPage(await page('/templates/docker/workspace'), 404);
  });
});

describe('GET /workspaces', () => {
  const repositoryFilter = (...repositories: string[]) =>
    ['owner:me', ...repositories.map(url => `param:"repo_url=${url}"`)].join(
      ' ',
    );

  it.each([
    ['one repository', repositoryFilter(WEB_APP)],
    [
      'two repositories (ORed)',
      repositoryFilter(
        SEED_REPOSITORIES.paymentsApi,
        SEED_REPOSITORIES.docsSite,
      ),
    ],
    ['a status', 'owner:me status:running'],
    ['a name', 'web-app'],
    ['nothing (everything visible)', ''],
  ])(
    'lists what the API lists, in its order, for %s',
    async (_label, filter) => {
      const result = await page(
        `/workspaces?filter=${encodeURIComponent(filter)}`,
      );
      expectHtmlPage(result);
      const expected = await apiNames(filter, fake.demoToken);
      expect(expected.length).toBeGreaterThan(0);
      expect(listedWorkspaces(result.html)).toEqual(expected);
      expect(result.html).toContain(
        `${expected.length === 1 ? '1 workspace' : `${expected.length} workspaces`}.</p>`,
      );
    },
  );

  it('shows the filter it received', async () => {
    const filter = repositoryFilter(WEB_APP);
    const result = await page(
      `/workspaces?filter=${encodeURIComponent(filter)}`,
    );
    const shown = filter.replace(/"/g, '&#34;');
    expect(result.html).toContain(`Filter received: <code>${shown}</code>`);
    expect(result.html).toContain(`value="${shown}"`);
  });

  it("defaults to owner:me and uses the browser's session when there is one", async () => {
    const mine = await page('/workspaces');
    expect(listedWorkspaces(mine.html)).toEqual(
      await apiNames('owner:me', fake.demoToken),
    );
    const alice = await page('/workspaces', {
      Cookie: `coder_session_token=${SEED_TOKENS.alice}`,
    });
    expect(listedWorkspaces(alice.html)).toEqual(
      await apiNames('owner:me', fake.tokens.alice),
    );
    expect(listedWorkspaces(alice.html)).toEqual([
      'alice/web-app',
      'alice/notebook',
      'alice/web-app-hotfix',
    ]);
  });

  it.each([
    ['an unknown key', 'owner:me colour:blue'],
    ['a bad status', 'status:sleeping'],
    ['a param with two =', 'param:"a=b=c"'],
  ])("shows Coder's validation messages for %s", async (_label, filter) => {
    const api = await call(
      fake,
      `/api/v2/workspaces?q=${encodeURIComponent(filter)}`,
      { token: fake.demoToken },
    );
    expect(api.status).toBe(400);
    const result = await page(
      `/workspaces?filter=${encodeURIComponent(filter)}`,
    );
    expectHtmlPage(result);
    expect(result.html).toContain(`<p class="error">${api.body.message}</p>`);
    for (const validation of api.body.validations) {
      const detail = validation.detail
        .replace(/&/g, '&amp;')
        .replace(/</g, '&lt;')
        .replace(/>/g, '&gt;')
        .replace(/"/g, '&#34;')
        .replace(/'/g, '&#39;');
      expect(result.html).toContain(
        `<li><code>${validation.field}</code>: ${detail}</li>`,
      );
    }
    expect(listedWorkspaces(result.html)).toEqual([]);
  });
});

describe('GET /', () => {
  it("links to the other pages for the demo user's workspaces", async () => {
    const result = await page('/');
    expectHtmlPage(result);
    expect(result.html).toContain('<a href="/cli-auth">');
    expect(result.html).toContain('<a href="/workspaces">');
    for (const name of await apiNames('owner:me', fake.demoToken)) {
      expect(result.html).toContain(`<a href="/@${name}">`);
    }
    expect(result.html).toContain('<a href="/@demo/web-app-broken/builds/1">');
    expect(result.html).toContain(
      '<a href="/templates/devcontainers/workspace">',
    );
    expect(result.html).toContain(
      `<a href="/workspaces?${new URLSearchParams({ filter: `owner:me param:"repo_url=${WEB_APP}"` })}">`,
    );
  });
});

describe('hostile values come out escaped', () => {
  it('in build parameter values on the workspace and list pages', async () => {
    const created = await call(fake, '/api/v2/users/me/workspaces', {
      method: 'POST',
      token: fake.demoToken,
      body: {
        name: 'hostile',
        template_id: SEED_IDS.templates.devcontainers,
        rich_parameter_values: [{ name: 'repo_url', value: HOSTILE }],
      },
    });
    expect(created.status).toBe(201);
    const workspacePage = await page('/@demo/hostile');
    expectHtmlPage(workspacePage);
    expectEscaped(
      workspacePage.html,
      `<td><code>${HOSTILE_ESCAPED}</code></td>`,
    );
    const list = await page('/workspaces?filter=');
    expectEscaped(list.html, `<code>${HOSTILE_ESCAPED}</code>`);
    expect(listedWorkspaces(list.html)).toContain('demo/hostile');
    const home = await page('/');
    expectEscaped(home.html, HOSTILE_ESCAPED);
  });

  it('in query parameters of the create page, keys and values', async () => {
    const query = new URLSearchParams([
      ['param.repo_url', HOSTILE],
      [HOSTILE, 'x'],
      ['name', HOSTILE],
    ]);
    const result = await page(`/templates/devcontainers/workspace?${query}`);
    expectHtmlPage(result);
    expectEscaped(result.html, `<td><code>${HOSTILE_ESCAPED}</code></td>`);
    expect(result.html).toContain(
      `<th scope="row"><code>${HOSTILE_ESCAPED}</code></th>`,
    );
  });

  it('in the filter, its echo in the input and its validation messages', async () => {
    const result = await page(
      `/workspaces?filter=${encodeURIComponent(HOSTILE)}`,
    );
    expectHtmlPage(result);
    expectEscaped(result.html, `value="${HOSTILE_ESCAPED}"`);
    expect(result.html).toContain(
      `Filter received: <code>${HOSTILE_ESCAPED}</code>`,
    );
    // Coder's validation detail quotes the bad value back.
    const invalid = await page(
      `/workspaces?filter=${encodeURIComponent('status:<script>x</script>')}`,
    );
    expectEscaped(
      invalid.html,
      '<li><code>status</code>: Query param &#34;status&#34; has invalid value: &#34;&lt;script&gt;x&lt;/script&gt;&#34; is not a valid value</li>',
    );
  });

  it('in path segments echoed by the 404 pages', async () => {
    const owner = encodeURIComponent(HOSTILE);
    for (const path of [
      `/@${owner}/x`,
      `/@demo/${owner}`,
      `/@demo/web-app-main/builds/${owner}`,
      `/templates/${owner}/workspace`,
      `/templates/${owner}/devcontainers/workspace`,
    ]) {
      const result = await page(path);
      expect(result.status).toBe(404);
      expectHtmlPage(result, 404);
      expectEscaped(result.html, HOSTILE_ESCAPED);
    }
  });

  it('in the Referer header', async () => {
    const result = await page('/@demo/web-app-main', {
      Referer: `http://backstage.example/a?b=${HOSTILE}`,
    });
    expectHtmlPage(result);
    expect(result.html).toMatch(
      /<a href="http:\/\/backstage\.example\/a\?b=[^"<>]*">Back to Backstage<\/a>/,
    );
    expect(result.html).not.toMatch(/<img/i);
  });

  it('in workspace names, owner names and template texts from the store', async () => {
    // Coder's API refuses such names, so they are put in the store directly.
    const deployment = new Deployment({
      accessUrl: 'http://fake.invalid',
      buildStepMs: 60_000,
      agentConnectMs: 60_000,
      seedWorkspaces: 0,
      oauth2: resolveOAuth2Settings(undefined),
    });
    try {
      const { store } = deployment;
      const workspace = store.workspaces.get(SEED_IDS.workspaces(1))!;
      workspace.name = HOSTILE;
      store.users.get(SEED_IDS.users.demo)!.name = HOSTILE;
      const template = store.templates.get(SEED_IDS.templates.devcontainers)!;
      template.displayName = HOSTILE;
      template.description = HOSTILE;
      const render = (path: string) => {
        const request = { method: 'GET', headers: {} } as IncomingMessage;
        const result = renderPageRequest(
          deployment,
          request,
          new URL(path, 'http://fake.invalid'),
        );
        if (!result) throw new Error(`no page at ${path}`);
        return result;
      };
      const name = encodeURIComponent(HOSTILE);
      for (const path of [
        `/@demo/${name}`,
        `/@demo/${name}/builds/1`,
        '/workspaces',
        '/',
        '/cli-auth',
        '/templates/devcontainers/workspace',
      ]) {
        const result = render(path);
        expect(result.status).toBe(200);
        expectEscaped(result.html, HOSTILE_ESCAPED);
      }
      // Links to the workspace carry its name percent-encoded.
      expect(render('/workspaces').html).toContain(`<a href="/@demo/${name}">`);
    } finally {
      deployment.close();
    }
  });
});

describe('the rest of the server', () => {
  it('still answers the API in JSON', async () => {
    const buildInfo = await call(fake, '/api/v2/buildinfo');
    expect(buildInfo.status).toBe(200);
    expect(buildInfo.headers.get('content-type')).toContain('application/json');
    expect(buildInfo.body.version).toEqual(expect.any(String));
    const workspaces = await call(fake, '/api/v2/workspaces', {
      token: fake.demoToken,
    });
    expect(workspaces.status).toBe(200);
    expect(workspaces.body.count).toBe(12);
    const unknown = await call(fake, '/api/v2/workspaces-page');
    expect(unknown.status).toBe(404);
    expect(unknown.body).toEqual({ message: 'Route not found.' });
  });

  it('keeps plain-text 404s for paths that are no page', async () => {
    for (const path of [
      '/nope',
      '/@demo',
      '/@demo/web-app-main.main/terminal',
    ]) {
      const result = await page(path);
      expect(result.status).toBe(404);
      expect(result.headers.get('content-type')).toBe(
        'text/plain; charset=utf-8',
      );
    }
  });

  it('answers HEAD without a body and other methods with 405', async () => {
    const head = await fetch(`${fake.url}/cli-auth`, { method: 'HEAD' });
    expect(head.status).toBe(200);
    expect(head.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(await head.text()).toBe('');
    const post = await fetch(`${fake.url}/cli-auth`, { method: 'POST' });
    expect(post.status).toBe(405);
    expect(post.headers.get('allow')).toBe('GET, HEAD');
  });
});
