import {
  createExtensionTester,
  renderInTestApp,
  registerMswTestHooks,
} from '@backstage/frontend-test-utils';
import {
  EntityContextMenuItemBlueprint,
  EntityIconLinkBlueprint,
} from '@backstage/plugin-catalog-react/alpha';
import { EntityProvider } from '@backstage/plugin-catalog-react';
import type { MouseEventHandler } from 'react';
import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { http, HttpResponse } from 'msw';
import { setupServer } from 'msw/node';
import {
  coderTestApis,
  TEST_ACCESS_URL,
  TEST_PROXY_URL,
  TEST_TOKEN,
} from '../testUtils/coderTestApis';
import { userFixture, workspaceFixture } from '../testUtils/workspaceFixtures';
import {
  coderCreateWorkspaceContextMenuItem,
  coderOpenEntityIconLink,
} from './entityLinks';

const server = setupServer();
registerMswTestHooks(server);

const config = { coder: { deployment: { accessUrl: TEST_ACCESS_URL } } };
const entity = {
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Component',
  metadata: {
    name: 'web-app',
    annotations: {
      'backstage.io/source-location': 'url:https://github.com/acme/web-app',
      'coder.com/template': 'devcontainers',
    },
  },
  spec: {},
};

// The catalog calls these hooks inside its About card and header menu; render them the
// same way, as plain props.
function IconLink() {
  const useProps = createExtensionTester(coderOpenEntityIconLink).get(
    EntityIconLinkBlueprint.dataRefs.useProps,
  );
  const props = useProps();
  return props.href ? (
    <a href={props.href} title={props.title}>
      {props.label}
    </a>
  ) : (
    <button
      disabled={props.disabled}
      title={props.title}
      // The About card puts these props on a link; a button is enough here.
      onClick={props.onClick as unknown as MouseEventHandler<HTMLButtonElement>}
    >
      {props.label}
    </button>
  );
}

function MenuItem() {
  const { useProps } = createExtensionTester(
    coderCreateWorkspaceContextMenuItem,
  ).get(EntityContextMenuItemBlueprint.dataRefs.data);
  const props = useProps();
  return (
    <button disabled={props.disabled} onClick={() => props.onClick?.()}>
      {props.title}
    </button>
  );
}

async function renderOnEntity(element: JSX.Element, options: object) {
  return renderInTestApp(
    <EntityProvider entity={entity}>{element}</EntityProvider>,
    options,
  );
}

describe("the About card's Coder link", () => {
  it('names a bad app-config instead of breaking the About card', async () => {
    const { apis } = coderTestApis();
    await renderOnEntity(<IconLink />, { apis, config: { coder: {} } });
    const link = await screen.findByRole('button', {
      name: 'Coder not configured',
    });
    expect(link).toBeDisabled();
    expect(link).toHaveAttribute(
      'title',
      expect.stringContaining('coder.deployment.accessUrl'),
    );
  });

  it('offers to link an account first, in a dialog', async () => {
    const { apis } = coderTestApis();
    await renderOnEntity(<IconLink />, { apis, config });
    await userEvent.click(
      await screen.findByRole('button', { name: 'Link Coder' }),
    );
    expect(
      await screen.findByRole('dialog', { name: 'Link your Coder account' }),
    ).toBeInTheDocument();
  });

  it("opens the repository's most recently used running workspace", async () => {
    const { apis } = coderTestApis({ token: TEST_TOKEN });
    server.use(
      http.get(`${TEST_PROXY_URL}/api/v2/users/me`, () =>
        HttpResponse.json(userFixture()),
      ),
      http.get(`${TEST_PROXY_URL}/api/v2/workspaces`, () =>
        HttpResponse.json({
          workspaces: [workspaceFixture('web-app-main')],
          count: 1,
        }),
      ),
    );
    await renderOnEntity(<IconLink />, { apis, config });
    const link = await screen.findByRole('link', { name: 'Open in Coder' });
    expect(link).toHaveAttribute(
      'href',
      `${TEST_ACCESS_URL}/@demo/web-app-main`,
    );
  });
});

describe('"Create Coder workspace" in the entity menu', () => {
  it('asks an unlinked user to link first, and never creates by itself', async () => {
    const { apis } = coderTestApis();
    const posts: string[] = [];
    server.events.on('request:start', ({ request }) => {
      if (request.method === 'POST') posts.push(request.url);
    });
    await renderOnEntity(<MenuItem />, { apis, config });
    await userEvent.click(
      await screen.findByRole('button', { name: 'Create Coder workspace' }),
    );
    expect(
      await screen.findByRole('dialog', { name: 'Link your Coder account' }),
    ).toBeInTheDocument();
    expect(posts).toEqual([]);
  });
});
