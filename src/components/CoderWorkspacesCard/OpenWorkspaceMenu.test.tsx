import {
  registerMswTestHooks,
  renderInTestApp,
  TestApiProvider,
} from '@backstage/test-utils';
import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { http, HttpResponse } from 'msw';
import { setupServer } from 'msw/node';
import type { CoderWorkspace } from '../../api/types';
import type { JsonObject } from '../../../dev/contract/fixtures';
import {
  coderTestApis,
  TEST_PROXY_URL,
  TEST_TOKEN,
} from '../../testUtils/coderTestApis';
import { workspaceFixture } from '../../testUtils/workspaceFixtures';
import { CoderProvider } from '../CoderProvider';
import { OpenWorkspaceMenu } from './OpenWorkspaceMenu';

const server = setupServer();
registerMswTestHooks(server);

/** A running workspace whose one agent is `status`. */
function runningWith(status: string): CoderWorkspace {
  const workspace = workspaceFixture('web-app-main');
  const build = workspace.latest_build as JsonObject;
  const [resource] = build.resources as JsonObject[];
  const [agent] = resource.agents as JsonObject[];
  return {
    ...workspace,
    latest_build: {
      ...build,
      resources: [{ ...resource, agents: [{ ...agent, status }] }],
    },
  } as unknown as CoderWorkspace;
}

async function openMenu(workspace: CoderWorkspace) {
  server.use(
    http.get(`${TEST_PROXY_URL}/api/v2/regions`, () =>
      HttpResponse.json({ regions: [] }),
    ),
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
  return screen.findByRole('menu');
}

describe('OpenWorkspaceMenu', () => {
  it('groups the ways to open a workspace: Coder, IDEs, apps', async () => {
    const menu = await openMenu(runningWith('connected'));
    await within(menu).findByRole('menuitem', { name: /VS Code Desktop/ });
    const text = menu.textContent ?? '';
    expect(text.indexOf('Coder')).toBeLessThan(text.indexOf('IDEs'));
    expect(text.indexOf('IDEs')).toBeLessThan(text.indexOf('Apps'));
    expect(
      within(menu).getByRole('menuitem', { name: /Terminal/ }),
    ).toBeInTheDocument();
  });

  it('says why IDEs and apps are missing while the agent connects', async () => {
    const menu = await openMenu(runningWith('connecting'));
    expect(
      await within(menu).findByText(
        'Apps and IDEs appear once the agent has connected.',
      ),
    ).toBeInTheDocument();
    expect(
      within(menu).queryByRole('menuitem', { name: /VS Code/ }),
    ).not.toBeInTheDocument();
  });
});
