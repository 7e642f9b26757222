/*
 * What the Open menu and the row icon make of Coder's answers: only http(s) addresses
 * (or, for external apps, Coder's desktop schemes) become links or image sources, and
 * VS Code gets one named, short-lived token per session instead of a key per click.
 */
import {
  registerMswTestHooks,
  renderInTestApp,
  TestApiProvider,
} from '@backstage/test-utils';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { http, HttpResponse } from 'msw';
import { setupServer } from 'msw/node';
import { coderApiRef, type CoderApi } from '../../api/CoderApi';
import type { CoderWorkspace } from '../../api/types';
import {
  buildWorkspaceAgent,
  buildWorkspaceApp,
  buildWorkspaceBuild,
  buildWorkspaceResource,
  type JsonObject,
} from '../../../dev/contract/fixtures';
import {
  coderTestApis,
  TEST_ACCESS_URL,
  TEST_PROXY_URL,
  TEST_TOKEN,
} from '../../testUtils/coderTestApis';
import { workspaceFixture } from '../../testUtils/workspaceFixtures';
import { handOffToDesktop } from '../../workspaces/desktopHandOff';
import { revokeWorkspaceKeys } from '../../workspaces/workspaceKeys';
import { CoderProvider } from '../CoderProvider';
import { OpenWorkspaceMenu } from './OpenWorkspaceMenu';
import { TemplateIcon } from './TemplateIcon';

// jsdom cannot navigate to vscode://; watch the hand-off instead.
jest.mock('../../workspaces/desktopHandOff', () => ({
  handOffToDesktop: jest.fn(),
}));
const handOff = handOffToDesktop as jest.MockedFunction<
  typeof handOffToDesktop
>;

const server = setupServer();
registerMswTestHooks(server);

afterEach(() => handOff.mockReset());

// eslint-disable-next-line no-script-url
const SCRIPT = 'javascript:window.__hostile=1';
const DATA = 'data:text/html,<script>window.__hostile=1</script>';
const MINTED_KEY = 'mintedkey1-abcdefghijklmnopqrstuv';

/** A running workspace `web-app-main` whose connected agent `main` has `apps`. */
function runningWithApps(apps: JsonObject[]): CoderWorkspace {
  const agent = buildWorkspaceAgent({ apps });
  return workspaceFixture('web-app-main', {
    extra: {
      latest_build: {
        ...buildWorkspaceBuild(),
        resources: [buildWorkspaceResource({ agents: [agent] })],
      },
    },
  }) as unknown as CoderWorkspace;
}

async function openMenu(
  workspace: CoderWorkspace,
  region: { path_app_url: string; wildcard_hostname: string },
) {
  let regionsServed = false;
  server.use(
    http.get(`${TEST_PROXY_URL}/api/v2/regions`, () => {
      regionsServed = true;
      return HttpResponse.json({
        regions: [{ id: 'r', name: 'primary', healthy: true, ...region }],
      });
    }),
  );
  const { apis } = coderTestApis({ token: TEST_TOKEN });
  await renderInTestApp(
    <TestApiProvider apis={apis as any}>
      <CoderProvider>
        <OpenWorkspaceMenu workspace={workspace} />
      </CoderProvider>
    </TestApiProvider>,
  );
  await userEvent.click(
    screen.getByRole('button', { name: 'Open web-app-main' }),
  );
  const menu = await screen.findByRole('menu');
  await within(menu).findByRole('menuitem', { name: /VS Code Desktop/ });
  // Until the regions arrive, path apps use the access URL (the usual path_app_url).
  await waitFor(() => expect(regionsServed).toBe(true));
  const coderApi = apis.find(([ref]) => ref === coderApiRef)![1] as CoderApi;
  return { menu, coderApi };
}

/** Every href and image source on the page. */
function addresses() {
  return [
    ...[...document.querySelectorAll('[href]')].map(element =>
      element.getAttribute('href')!,
    ),
    ...[...document.querySelectorAll('[src]')].map(element =>
      element.getAttribute('src')!,
    ),
  ];
}

describe('OpenWorkspaceMenu, given unsafe addresses from Coder', () => {
  it.each([
    [new URL(SCRIPT).protocol, SCRIPT],
    [new URL(DATA).protocol, DATA],
  ])(
    'renders no link or image for a %s region, wildcard host, app URL or icon',
    async (_, hostile) => {
      const { menu } = await openMenu(
        runningWithApps([
          buildWorkspaceApp({
            id: 'path',
            slug: 'code-server',
            display_name: 'Path app',
          }),
          buildWorkspaceApp({
            id: 'sub',
            slug: 'jupyter',
            display_name: 'Subdomain app',
            subdomain: true,
            subdomain_name: 'jupyter--web-app-main--demo',
          }),
          buildWorkspaceApp({
            id: 'ext',
            slug: 'external',
            display_name: 'External app',
            external: true,
            url: hostile,
          }),
          buildWorkspaceApp({
            id: 'ext-token',
            slug: 'external-token',
            display_name: 'External app with token',
            external: true,
            url: `${hostile}$SESSION_TOKEN`,
          }),
          buildWorkspaceApp({
            id: 'icon',
            slug: 'docs',
            display_name: 'App with icon',
            external: true,
            url: 'https://docs.example.com/',
            icon: hostile,
          }),
        ]),
        {
          path_app_url: `${hostile}//`,
          // Also a host that would send the user elsewhere.
          wildcard_hostname: `${TEST_ACCESS_URL.slice(8)}@evil.example/*`,
        },
      );

      await waitFor(() =>
        expect(
          within(menu).queryByRole('menuitem', { name: /Path app/ }),
        ).not.toBeInTheDocument(),
      );
      for (const name of [
        /Path app/,
        /Subdomain app/,
        /External app/,
        /External app with token/,
      ]) {
        expect(
          within(menu).queryByRole('menuitem', { name }),
        ).not.toBeInTheDocument();
      }
      // What is safe stays: the dashboard, the terminal, the app without its icon.
      expect(
        within(menu).getByRole('menuitem', { name: /Open in Coder/ }),
      ).toHaveAttribute('href', `${TEST_ACCESS_URL}/@demo/web-app-main`);
      expect(
        within(menu).getByRole('menuitem', { name: /Terminal/ }),
      ).toHaveAttribute(
        'href',
        `${TEST_ACCESS_URL}/@demo/web-app-main.main/terminal`,
      );
      const withIcon = within(menu).getByRole('menuitem', {
        name: /App with icon/,
      });
      expect(withIcon).toHaveAttribute('href', 'https://docs.example.com/');
      expect(withIcon.querySelector('img')).toBeNull();
      for (const address of addresses()) {
        expect(address).toMatch(/^https?:\/\/(coder|docs)\.example\.com\//);
      }
    },
  );

  it.each([
    [new URL(SCRIPT).protocol, SCRIPT],
    [new URL(DATA).protocol, DATA],
  ])('shows the letter, not a %s image, as the row icon', async (_, icon) => {
    const { apis } = coderTestApis({ token: TEST_TOKEN });
    await renderInTestApp(
      <TestApiProvider apis={apis as any}>
        <CoderProvider>
          <ul>
            <li aria-label="row">
              <TemplateIcon icon={icon} name="docker" />
            </li>
          </ul>
        </CoderProvider>
      </TestApiProvider>,
    );
    const row = screen.getByRole('listitem', { name: 'row' });
    expect(within(row).queryByRole('img', { hidden: true })).toBeNull();
    expect(
      within(row).queryByRole('presentation', { hidden: true }),
    ).toBeNull();
    expect(row).toHaveTextContent('D');
    expect(row.querySelector('[src]')).toBeNull();
  });
});

describe('OpenWorkspaceMenu, opening VS Code', () => {
  it('mints one named, short-lived token for two clicks, and the revoke function deletes it', async () => {
    const minted: unknown[] = [];
    const deleted: Array<{ path: string; token: string | null }> = [];
    server.use(
      http.post(
        `${TEST_PROXY_URL}/api/v2/users/me/keys/tokens`,
        async ({ request }) => {
          minted.push(await request.json());
          return HttpResponse.json({ key: MINTED_KEY }, { status: 201 });
        },
      ),
      http.delete(
        `${TEST_PROXY_URL}/api/v2/users/me/keys/:id`,
        ({ request, params }) => {
          deleted.push({
            path: String(params.id),
            token: request.headers.get('Coder-Session-Token'),
          });
          return new HttpResponse(null, { status: 204 });
        },
      ),
    );
    const workspace = runningWithApps([]);
    const { menu, coderApi } = await openMenu(workspace, {
      path_app_url: TEST_ACCESS_URL,
      wildcard_hostname: '',
    });
    await userEvent.click(
      within(menu).getByRole('menuitem', { name: /VS Code Desktop/ }),
    );
    await waitFor(() => expect(handOff).toHaveBeenCalledTimes(1));
    await userEvent.click(
      screen.getByRole('button', { name: 'Open web-app-main' }),
    );
    await userEvent.click(
      await screen.findByRole('menuitem', { name: /VS Code Desktop/ }),
    );
    await waitFor(() => expect(handOff).toHaveBeenCalledTimes(2));

    expect(minted).toEqual([
      {
        token_name: expect.stringMatching(/^backstage-vscode-[a-z0-9]{8}$/),
        // 24 hours as a Go time.Duration (nanoseconds).
        lifetime: 24 * 60 * 60 * 1e9,
      },
    ]);
    for (const [url] of handOff.mock.calls) {
      const handed = new URL(url);
      expect(handed.protocol).toBe('vscode:');
      expect(handed.searchParams.get('token')).toBe(MINTED_KEY);
    }
    // Nowhere on the page.
    expect(document.documentElement.outerHTML).not.toContain(
      MINTED_KEY.split('-')[1],
    );

    await revokeWorkspaceKeys(coderApi);
    expect(deleted).toEqual([{ path: 'mintedkey1', token: MINTED_KEY }]);
  });
});
