import type { Entity } from '@backstage/catalog-model';
import { EntityProvider } from '@backstage/plugin-catalog-react';
import {
  registerMswTestHooks,
  renderInTestApp,
  TestApiProvider,
} from '@backstage/test-utils';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { http, HttpResponse } from 'msw';
import { setupServer } from 'msw/node';
import { CoderProvider } from '../CoderProvider';
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
import { CoderWorkspacesCard } from './CoderWorkspacesCard';

const server = setupServer();
registerMswTestHooks(server);

const REPO = 'https://github.com/acme/web-app';
const UNAUTHORIZED = {
  message:
    'You are signed out or your session has expired. Please sign in again to continue.',
  detail: 'API key is invalid.',
};

function entity(annotations: Record<string, string>): Entity {
  return {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Component',
    metadata: { name: 'web-app', annotations },
    spec: { type: 'website', owner: 'team', lifecycle: 'production' },
  };
}

const webApp = entity({
  'backstage.io/source-location': `url:${REPO}/tree/main/`,
});

/** Serves /users/me and /workspaces; `workspacesFor(q)` decides each search's answer. */
function serveCoder(
  workspacesFor: (q: string) => Response | object[],
  seen: string[] = [],
) {
  server.use(
    http.get(`${TEST_PROXY_URL}/api/v2/users/me`, ({ request }) =>
      request.headers.get('Coder-Session-Token') === TEST_TOKEN
        ? HttpResponse.json(userFixture())
        : HttpResponse.json(UNAUTHORIZED, { status: 401 }),
    ),
    http.get(`${TEST_PROXY_URL}/api/v2/workspaces`, ({ request }) => {
      const q = new URL(request.url).searchParams.get('q') ?? '';
      seen.push(q);
      const answer = workspacesFor(q);
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
    appConfig?: object;
    config?: object;
  } = {},
) {
  const { apis, tokenStore } = coderTestApis({
    token: options.token,
    config: options.config,
  });
  await renderInTestApp(
    <TestApiProvider apis={apis as any}>
      <EntityProvider entity={options.entity ?? webApp}>
        <CoderProvider appConfig={options.appConfig as any}>
          <CoderWorkspacesCard readEntityData />
        </CoderProvider>
      </EntityProvider>
    </TestApiProvider>,
  );
  return { tokenStore };
}

describe('CoderWorkspacesCard', () => {
  it('asks to link an account, rejects a wrong token, then lists the repository workspaces', async () => {
    serveCoder(q =>
      q.includes(`repo_url=${REPO}`) ? [workspaceFixture('web-app-main')] : [],
    );
    const { tokenStore } = await renderCard();

    expect(
      screen.getByRole('link', { name: /get a session token from coder/i }),
    ).toHaveAttribute('href', `${TEST_ACCESS_URL}/cli-auth`);
    const field = screen.getByLabelText(/coder session token/i);
    await userEvent.type(field, 'wrongwrong-0123456789abcdefghijkl');
    await userEvent.click(
      screen.getByRole('button', { name: /link account/i }),
    );
    expect(await screen.findByRole('alert')).toHaveTextContent(
      /coder rejected the token/i,
    );
    expect(tokenStore.getToken()).toBeUndefined();

    await userEvent.clear(field);
    await userEvent.type(field, `  ${TEST_TOKEN}{Enter}`);
    expect(
      await screen.findByRole('link', { name: /web-app-main/ }),
    ).toHaveAttribute('href', `${TEST_ACCESS_URL}/@demo/web-app-main`);
    expect(tokenStore.getToken()).toBe(TEST_TOKEN);
  });

  it('asks Coder once for every repository parameter and every form of the URL', async () => {
    const seen = serveCoder(q =>
      q.includes(`param:"custom_repo=git@github.com:acme/web-app.git"`)
        ? [workspaceFixture('cloned-over-ssh'), workspaceFixture('web-app')]
        : [],
    );
    await renderCard({
      token: TEST_TOKEN,
      appConfig: {
        deployment: { accessUrl: TEST_ACCESS_URL },
        workspaces: {
          repoUrlParamKeys: ['repo_url', 'custom_repo', 'git_url'],
        },
      },
    });

    const list = await screen.findByRole('list', { name: /coder workspaces/i });
    expect(within(list).getAllByRole('listitem')).toHaveLength(2);
    expect(seen).toHaveLength(1);
    for (const key of ['repo_url', 'custom_repo', 'git_url']) {
      for (const form of [
        REPO,
        `${REPO}.git`,
        'git@github.com:acme/web-app.git',
        'git@github.com:acme/web-app',
      ]) {
        expect(seen[0]).toContain(`param:"${key}=${form}"`);
      }
    }
  });

  it("lists only the repository's workspaces when the user searches by parameter too", async () => {
    const inRepo = workspaceFixture('web-app-eu');
    const seen = serveCoder(q => {
      // Coder ORs every pair of one search, so each search answers its own question.
      if (q.includes('param:"region=eu"')) {
        return [inRepo, workspaceFixture('other-repo-eu')];
      }
      return q.includes(`repo_url=${REPO}`)
        ? [inRepo, workspaceFixture('web-app-us')]
        : [];
    });
    await renderCard({ token: TEST_TOKEN });
    await screen.findByText('web-app-us');

    const search = screen.getByRole('textbox', { name: /search workspaces/i });
    await userEvent.type(search, ' param:"region=eu"');
    await waitFor(() =>
      expect(
        within(screen.getByRole('list', { name: /coder workspaces/i }))
          .getAllByRole('listitem')
          .map(item => within(item).getByRole('link').textContent),
      ).toEqual([expect.stringMatching(/^web-app-eu/)]),
    );
    expect(screen.queryByText('other-repo-eu')).not.toBeInTheDocument();
    const last = seen.slice(-2);
    expect(last).toContain('owner:me param:"region=eu"');
    expect(last.find(q => q.includes('repo_url='))?.includes('region')).toBe(
      false,
    );
  });

  it('asks Coder for one page at a time and reaches every workspace with "Show more"', async () => {
    const all = Array.from({ length: 60 }, (_, index) =>
      workspaceFixture(`ws-${String(index).padStart(2, '0')}`),
    );
    const pages: string[] = [];
    serveCoder(() => []);
    server.use(
      http.get(`${TEST_PROXY_URL}/api/v2/workspaces`, ({ request }) => {
        const params = new URL(request.url).searchParams;
        const offset = Number(params.get('offset') ?? 0);
        const limit = Number(params.get('limit'));
        pages.push(`${offset}+${limit}`);
        return HttpResponse.json({
          workspaces: all.slice(offset, offset + limit),
          count: all.length,
        });
      }),
    );
    await renderCard({ token: TEST_TOKEN });

    const rows = () =>
      within(
        screen.getByRole('list', { name: /coder workspaces/i }),
      ).getAllByRole('listitem');
    await screen.findByRole('list', { name: /coder workspaces/i });
    expect(rows()).toHaveLength(25);
    await userEvent.click(
      screen.getByRole('button', { name: 'Show more (35 not shown)' }),
    );
    await waitFor(() => expect(rows()).toHaveLength(50));
    // Appended below, focus kept on the button (never disabled under the user).
    expect(
      screen.getByRole('button', { name: 'Show more (10 not shown)' }),
    ).toHaveFocus();
    await userEvent.click(
      await screen.findByRole('button', { name: 'Show more (10 not shown)' }),
    );
    await waitFor(() => expect(rows()).toHaveLength(60));
    // The last page: the button is gone and focus is on the first new row.
    await waitFor(() =>
      expect(within(rows()[50]).getAllByRole('link')[0]).toHaveFocus(),
    );
    expect(
      screen.queryByRole('button', { name: /show more/i }),
    ).not.toBeInTheDocument();
    // Each click fetched its page alone; the pages shown were not asked for again.
    expect(pages).toEqual(['0+25', '25+25', '50+25']);
    // 60 rows rendered three times: slow under a loaded CI machine, not a hang.
  }, 30_000);

  it('says a search failed instead of showing fewer workspaces', async () => {
    serveCoder(q =>
      q.includes('region')
        ? HttpResponse.json(
            {
              message: 'Internal error fetching workspaces.',
              detail: 'db down',
            },
            { status: 500 },
          )
        : [workspaceFixture('only-half')],
    );
    await renderCard({ token: TEST_TOKEN });
    await screen.findByText('only-half');
    // Two searches to intersect; the one that failed must not leave the other's rows.
    await userEvent.type(
      screen.getByRole('textbox', { name: /search workspaces/i }),
      ' param:"region=eu"',
    );
    expect(
      await screen.findByText(/coder reported an error \(http 500\)/i),
    ).toBeInTheDocument();
    expect(
      screen.getByText(/internal error fetching workspaces/i),
    ).toBeInTheDocument();
    expect(screen.queryByText('only-half')).not.toBeInTheDocument();
    expect(screen.queryByText(/no workspaces/i)).not.toBeInTheDocument();
  });

  it('returns to the link form when Coder rejects the stored token, keeping the search text', async () => {
    let revoked = false;
    serveCoder(q => {
      if (revoked) return HttpResponse.json(UNAUTHORIZED, { status: 401 });
      return q.includes('status:running') ? [] : [workspaceFixture('a')];
    });
    await renderCard({ token: TEST_TOKEN });
    await screen.findByText('a');
    revoked = true;
    const search = screen.getByRole('textbox', { name: /search workspaces/i });
    await userEvent.type(search, ' status:running');

    expect(await screen.findByRole('alert')).toHaveTextContent(
      /no longer accepts your token/i,
    );
    expect(screen.getByLabelText(/coder session token/i)).toBeInTheDocument();
    revoked = false;
    await userEvent.type(
      screen.getByLabelText(/coder session token/i),
      `${TEST_TOKEN}{Enter}`,
    );
    expect(
      await screen.findByRole('textbox', { name: /search workspaces/i }),
    ).toHaveValue('owner:me status:running');
  });

  it("says why when Coder refuses a suspended account, in Coder's words", async () => {
    const inactive = {
      message:
        'User is not active (status = "suspended"). Contact an admin to reactivate your account.',
    };
    serveCoder(() => HttpResponse.json(inactive, { status: 401 }));
    server.use(
      http.get(`${TEST_PROXY_URL}/api/v2/users/me`, () =>
        HttpResponse.json(inactive, { status: 401 }),
      ),
    );
    await renderCard({ token: TEST_TOKEN });
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('Your Coder account is not active');
    expect(alert).toHaveTextContent('status = "suspended"');
  });

  it("shows Coder's validation message under the search box for a bad query", async () => {
    serveCoder(q =>
      q.includes('colour:')
        ? HttpResponse.json(
            {
              message: 'Invalid workspace search query.',
              validations: [
                {
                  field: 'colour',
                  detail: '"colour" is not a valid query param',
                },
              ],
            },
            { status: 400 },
          )
        : [workspaceFixture('a')],
    );
    await renderCard({ token: TEST_TOKEN });
    await screen.findByText('a');
    await userEvent.type(
      screen.getByRole('textbox', { name: /search workspaces/i }),
      ' colour:red',
    );
    const message = await screen.findByText(
      /"colour" is not a valid query param/,
    );
    expect(message).toHaveTextContent('Invalid workspace search query.');
    expect(screen.getByText(/correct it above/i)).toBeInTheDocument();
  });

  it('offers the create link with template, mode, parameters and repository when nothing matches', async () => {
    serveCoder(() => []);
    await renderCard({
      token: TEST_TOKEN,
      entity: entity({
        'backstage.io/source-location': `url:${REPO}`,
        'coder.com/template': 'devcontainers',
        'coder.com/params': 'region=eu-helsinki',
      }),
      appConfig: {
        deployment: { accessUrl: TEST_ACCESS_URL },
        workspaces: {
          defaultMode: 'auto',
          params: { region: 'us', cpu: '2' },
          // The platform lets entities choose their region.
          fromEntities: { params: ['region'] },
        },
      },
    });
    expect(
      await screen.findByText(/no workspaces for this repository/i),
    ).toBeInTheDocument();
    expect(
      screen.getByRole('button', { name: 'Create workspace' }),
    ).toBeInTheDocument();
    const link = screen.getByRole('link', {
      name: /open coder's create page/i,
    });
    const url = new URL(link.getAttribute('href')!);
    expect(url.origin + url.pathname).toBe(
      `${TEST_ACCESS_URL}/templates/devcontainers/workspace`,
    );
    expect(Object.fromEntries(url.searchParams)).toEqual({
      mode: 'auto',
      'param.region': 'eu-helsinki',
      'param.cpu': '2',
      'param.repo_url': REPO,
    });
  });

  it('explains a missing repository instead of listing', async () => {
    const seen = serveCoder(() => []);
    await renderCard({ token: TEST_TOKEN, entity: entity({}) });
    // Card-sized: a heading and the YAML to add, not the page-sized panel.
    expect(
      await screen.findByRole('heading', {
        name: 'No repository for this entity',
      }),
    ).toBeInTheDocument();
    expect(
      screen.getByText(/coder\.com\/repo-url: https:/),
    ).toBeInTheDocument();
    expect(
      screen.queryByRole('heading', { name: 'Missing Annotation' }),
    ).not.toBeInTheDocument();
    expect(seen).toEqual([]);
  });

  it('names a broken catalog-info value and still lists workspaces', async () => {
    const consoleErrors = jest.spyOn(console, 'error');
    serveCoder(() => [workspaceFixture('still-here')]);
    await renderCard({
      token: TEST_TOKEN,
      entity: entity({
        'backstage.io/source-location': `url:${REPO}`,
        'coder.com/params': '{"region": ',
      }),
    });
    expect(await screen.findByText('still-here')).toBeInTheDocument();
    expect(
      screen.getByText('metadata.annotations["coder.com/params"]'),
    ).toBeInTheDocument();
    expect(screen.getByText(/json does not parse/i)).toBeInTheDocument();
    // Valid markup: React warns about a list inside a paragraph.
    expect(
      consoleErrors.mock.calls.filter(call =>
        String(call[0]).includes('validateDOMNesting'),
      ),
    ).toEqual([]);
    consoleErrors.mockRestore();
  });

  it("keeps an entity from turning on one-click creation or replacing the platform's values, and says so", async () => {
    serveCoder(() => []);
    await renderCard({
      token: TEST_TOKEN,
      entity: entity({
        'backstage.io/source-location': `url:${REPO}`,
        'coder.com/mode': 'auto',
        'coder.com/params':
          '{"region": "eu-helsinki", "dotfiles_uri": "https://attacker.example/dotfiles"}',
      }),
      appConfig: {
        deployment: { accessUrl: TEST_ACCESS_URL },
        workspaces: {
          defaultTemplateName: 'devcontainers',
          params: { region: 'us', dotfiles_uri: '' },
        },
      },
    });
    await screen.findByText(/no workspaces for this repository/i);
    expect(
      screen.getByText('metadata.annotations["coder.com/mode"]'),
    ).toBeInTheDocument();
    expect(
      screen.getByText(/does not let entities turn on/),
    ).toBeInTheDocument();
    expect(
      screen.getByText('metadata.annotations["coder.com/params"].dotfiles_uri'),
    ).toBeInTheDocument();
    const url = new URL(
      screen
        .getByRole('link', { name: /open coder's create page/i })
        .getAttribute('href')!,
    );
    expect(url.searchParams.get('mode')).toBe('form');
    expect(url.searchParams.get('param.region')).toBe('us');
    expect(url.searchParams.get('param.dotfiles_uri')).toBe('');
  });

  it('names the missing setting when the access URL is not configured', async () => {
    await renderCard({ config: {} });
    expect(
      await screen.findByText(/coder\.deployment\.accessUrl/),
    ).toBeInTheDocument();
  });

  it('tells an unreachable Coder apart from a bad token', async () => {
    server.use(
      http.get(
        `${TEST_PROXY_URL}/api/v2/users/me`,
        () =>
          new HttpResponse('Error occurred while trying to proxy', {
            status: 504,
          }),
      ),
      http.get(
        `${TEST_PROXY_URL}/api/v2/workspaces`,
        () =>
          new HttpResponse('Error occurred while trying to proxy', {
            status: 504,
          }),
      ),
    );
    const { tokenStore } = await renderCard({ token: TEST_TOKEN });
    expect(
      await screen.findByText(/coder is unreachable \(http 504\)/i),
    ).toBeInTheDocument();
    expect(tokenStore.getToken()).toBe(TEST_TOKEN);
  });

  it("shows a failed build's reason from Coder and a link to its logs", async () => {
    const failed = workspaceFixture('web-app-broken', {
      status: 'failed',
      transition: 'start',
    });
    const build = failed.latest_build as Record<string, any>;
    build.build_number = 7;
    build.job = {
      ...build.job,
      error: 'terraform apply: quota exceeded for CPUs in eu-helsinki',
    };
    serveCoder(() => [failed]);
    await renderCard({ token: TEST_TOKEN });
    const row = (await screen.findByText('web-app-broken')).closest('li')!;
    expect(
      within(row).getByText(/quota exceeded for CPUs in eu-helsinki/),
    ).toBeInTheDocument();
    expect(
      within(row).getByRole('link', { name: /build logs of web-app-broken/i }),
    ).toHaveAttribute(
      'href',
      `${TEST_ACCESS_URL}/@demo/web-app-broken/builds/7`,
    );
  });

  it("marks favourites with a star, in Coder's order (favourites first)", async () => {
    const favourite = workspaceFixture('web-app-pinned', {
      extra: { favorite: true },
    });
    serveCoder(() => [favourite, workspaceFixture('web-app-other')]);
    await renderCard({ token: TEST_TOKEN });
    const rows = within(
      await screen.findByRole('list', { name: /coder workspaces/i }),
    ).getAllByRole('listitem');
    expect(within(rows[0]).getByTitle('Favourite')).toBeInTheDocument();
    expect(within(rows[0]).getByText('web-app-pinned')).toBeInTheDocument();
    expect(within(rows[1]).queryByTitle('Favourite')).not.toBeInTheDocument();
  });

  it('renders workspace names with markup as plain text', async () => {
    serveCoder(() => [workspaceFixture('<img src=x onerror=alert(1)>')]);
    await renderCard({ token: TEST_TOKEN });
    expect(
      await screen.findByText('<img src=x onerror=alert(1)>'),
    ).toBeInTheDocument();
    expect(document.querySelector('img[src="x"]')).toBeNull();
  });

  it('unlinks from the menu', async () => {
    serveCoder(() => [workspaceFixture('a')]);
    const { tokenStore } = await renderCard({ token: TEST_TOKEN });
    await screen.findByText('a');
    await userEvent.click(
      screen.getByRole('button', { name: /more coder actions/i }),
    );
    await userEvent.click(
      await screen.findByRole('menuitem', { name: /unlink coder account/i }),
    );
    await waitFor(() => expect(tokenStore.getToken()).toBeUndefined());
    expect(screen.getByLabelText(/coder session token/i)).toBeInTheDocument();
  });
});
