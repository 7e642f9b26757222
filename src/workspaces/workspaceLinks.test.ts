import * as v from 'valibot';
import { workspaceSchema } from '../api/schemas';
import type { CoderRegion, CoderWorkspace } from '../api/types';
import {
  buildWorkspaceAgent,
  buildWorkspaceApp,
  buildWorkspaceBuild,
  buildWorkspaceResource,
  type JsonObject,
} from '../../dev/contract/fixtures';
import { workspaceFixture } from '../testUtils/workspaceFixtures';
import { workspaceLinks } from './workspaceLinks';

const ACCESS_URL = 'https://coder.example.com';
// eslint-disable-next-line no-script-url
const SCRIPT = 'javascript:alert(document.cookie)';
const DATA = 'data:text/html,<script>alert(document.cookie)</script>';

/** A running workspace `ws` of `demo` whose one connected agent `main` has `apps`. */
function workspaceWithApps(apps: JsonObject[]): CoderWorkspace {
  const agent = buildWorkspaceAgent({ apps });
  return v.parse(
    workspaceSchema,
    workspaceFixture('ws', {
      extra: {
        latest_build: {
          ...buildWorkspaceBuild(),
          resources: [buildWorkspaceResource({ agents: [agent] })],
        },
      },
    }),
  );
}

function region(overrides: Partial<CoderRegion> = {}): CoderRegion {
  return {
    id: 'primary',
    name: 'primary',
    healthy: true,
    path_app_url: ACCESS_URL,
    wildcard_hostname: '*.apps.example.com',
    ...overrides,
  };
}

function hrefs(workspace: CoderWorkspace, primaryRegion?: CoderRegion) {
  return Object.fromEntries(
    workspaceLinks(workspace, { accessUrl: ACCESS_URL, primaryRegion }).map(
      link => [link.label, link.href ?? (link.withKey ? 'withKey' : undefined)],
    ),
  );
}

const pathApp = buildWorkspaceApp({ id: 'a1', slug: 'code-server' });
const subdomainApp = buildWorkspaceApp({
  id: 'a2',
  slug: 'jupyter',
  display_name: 'Jupyter',
  subdomain: true,
  subdomain_name: 'jupyter--ws--demo',
});

describe('workspaceLinks', () => {
  it('builds path, subdomain, command and external app links as Coder does', () => {
    const workspace = workspaceWithApps([
      pathApp,
      subdomainApp,
      buildWorkspaceApp({
        id: 'a3',
        slug: 'htop',
        display_name: 'htop',
        command: 'htop',
      }),
      buildWorkspaceApp({
        id: 'a4',
        slug: 'docs',
        display_name: 'Docs',
        external: true,
        url: 'https://docs.example.com/',
      }),
    ]);
    expect(
      hrefs(
        workspace,
        region({
          path_app_url: 'https://proxy.example.com/',
          wildcard_hostname: '*.apps.example.com:8443',
        }),
      ),
    ).toEqual({
      'Open in Coder': `${ACCESS_URL}/@demo/ws`,
      'VS Code Desktop': 'withKey',
      Terminal: `${ACCESS_URL}/@demo/ws.main/terminal`,
      'code-server':
        'https://proxy.example.com/@demo/ws.main/apps/code-server/',
      Jupyter: 'https://jupyter--ws--demo.apps.example.com:8443/',
      htop: `${ACCESS_URL}/@demo/ws.main/terminal?app=htop`,
      Docs: 'https://docs.example.com/',
    });
  });

  it.each([[SCRIPT], [`${SCRIPT}//`], [DATA], ['file:///tmp/'], ['proxy']])(
    'offers no path app on a region whose path_app_url is %j',
    pathAppUrl => {
      const links = hrefs(
        workspaceWithApps([pathApp]),
        region({ path_app_url: pathAppUrl }),
      );
      expect(links).not.toHaveProperty('code-server');
      expect(links['Open in Coder']).toBe(`${ACCESS_URL}/@demo/ws`);
    },
  );

  it.each([
    [SCRIPT],
    [`${SCRIPT}*`],
    [`${DATA}*`],
    ['*.apps.example.com/path'],
    ['coder.example.com@evil.example/*'],
    ['evil.example/*'],
    ['*.apps.example.com?x'],
  ])('offers no subdomain app on the wildcard host %j', wildcard => {
    const links = hrefs(
      workspaceWithApps([subdomainApp]),
      region({ wildcard_hostname: wildcard }),
    );
    expect(links).not.toHaveProperty('Jupyter');
  });

  it.each([
    [SCRIPT],
    [DATA],
    ['file:///etc/passwd'],
    [`${SCRIPT}$SESSION_TOKEN`],
    ['https://evil.example/?token=$SESSION_TOKEN'],
  ])('offers no external app at %j', url => {
    const links = hrefs(
      workspaceWithApps([
        buildWorkspaceApp({ slug: 'ext', external: true, url }),
      ]),
    );
    expect(links).not.toHaveProperty('code-server');
    expect(Object.keys(links)).toEqual([
      'Open in Coder',
      'VS Code Desktop',
      'Terminal',
    ]);
  });

  it('keeps an app but drops its icon when the icon is not http(s)', () => {
    for (const icon of [SCRIPT, DATA, 'vbscript:msgbox(1)']) {
      const [app] = workspaceLinks(
        workspaceWithApps([buildWorkspaceApp({ icon })]),
        { accessUrl: ACCESS_URL },
      ).filter(link => link.kind === 'app');
      expect(app.href).toBe(`${ACCESS_URL}/@demo/ws.main/apps/code-server/`);
      expect(app.icon).toBeUndefined();
    }
    const [app] = workspaceLinks(workspaceWithApps([pathApp]), {
      accessUrl: ACCESS_URL,
    }).filter(link => link.kind === 'app');
    expect(app.icon).toBe(`${ACCESS_URL}/icon/code.svg`);
  });

  it('puts the key only into desktop URLs, at the moment it is asked for', () => {
    const workspace = workspaceWithApps([
      buildWorkspaceApp({
        slug: 'cursor',
        display_name: 'Cursor',
        external: true,
        url: 'cursor://coder.coder-remote/open?token=$SESSION_TOKEN',
      }),
    ]);
    const links = workspaceLinks(workspace, { accessUrl: ACCESS_URL });
    const cursor = links.find(link => link.label === 'Cursor')!;
    expect(cursor.href).toBeUndefined();
    expect(cursor.withKey!('abcdefghij-0123456789abcdefghijkl')).toBe(
      'cursor://coder.coder-remote/open?token=abcdefghij-0123456789abcdefghijkl',
    );
    const vscode = new URL(
      links.find(link => link.kind === 'vscode')!.withKey!(
        'abcdefghij-0123456789abcdefghijkl',
      ),
    );
    expect(vscode.protocol).toBe('vscode:');
    expect(vscode.searchParams.get('url')).toBe(ACCESS_URL);
  });

  it('offers nothing at all on an access URL that is not http(s)', () => {
    expect(
      workspaceLinks(workspaceWithApps([pathApp]), {
        accessUrl: `${SCRIPT}//`,
      }),
    ).toEqual([]);
  });
});
