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
import { setupServer } from 'msw/node';
import {
  coderTestApis,
  TEST_ACCESS_URL,
  TEST_TOKEN,
} from '../testUtils/coderTestApis';
import {
  coderCreateWorkspaceContextMenuItem,
  coderOpenEntityIconLink,
} from './entityLinks';
import { entityFixture } from '../testUtils/entityFixtures';

const server = setupServer();
// What the extensions render loads lazily; the first import is slow under jest.
const LAZY = { timeout: 10_000 };
registerMswTestHooks(server);

const config = { coder: { deployment: { accessUrl: TEST_ACCESS_URL } } };
const entity = entityFixture({
  annotations: { 'coder.com/template': 'devcontainers' },
});

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
    const link = await screen.findByRole('button', { name: 'Open in Coder' });
    expect(link).toBeDisabled();
    expect(link).toHaveAttribute(
      'title',
      expect.stringContaining('coder.deployment.accessUrl'),
    );
  });

  it("opens the repository's workspaces on Coder's dashboard, sending no request", async () => {
    // msw fails the test on any request: the About card must cost Coder nothing.
    const { apis } = coderTestApis({ token: TEST_TOKEN });
    await renderOnEntity(<IconLink />, {
      apis,
      config: {
        coder: {
          deployment: { accessUrl: TEST_ACCESS_URL },
          workspaces: { repoUrlParamKeys: ['repo_url', 'custom_repo'] },
        },
      },
    });
    const link = await screen.findByRole('link', { name: 'Open in Coder' });
    const url = new URL(link.getAttribute('href')!);
    expect(`${url.origin}${url.pathname}`).toBe(
      `${TEST_ACCESS_URL}/workspaces`,
    );
    // The card's own search: every parameter, every URL form, ORed by Coder.
    const filter = url.searchParams.get('filter');
    expect(filter).toMatch(/^owner:me param:/);
    for (const key of ['repo_url', 'custom_repo']) {
      for (const form of [
        'https://github.com/acme/web-app',
        'https://github.com/acme/web-app.git',
        'git@github.com:acme/web-app.git',
      ]) {
        expect(filter).toContain(`param:"${key}=${form}"`);
      }
    }
  });

  it('is off, saying why, for an entity without a repository', async () => {
    const { apis } = coderTestApis();
    await renderInTestApp(
      <EntityProvider
        entity={entityFixture({
          name: 'no-repo',
          repoUrl: null,
          annotations: { 'coder.com/template': 'devcontainers' },
        })}
      >
        <IconLink />
      </EntityProvider>,
      { apis, config },
    );
    const link = await screen.findByRole('button', { name: 'Open in Coder' });
    expect(link).toBeDisabled();
    expect(link).toHaveAttribute(
      'title',
      expect.stringContaining('names no repository'),
    );
  });
});

describe('"New workspace" in the entity menu', () => {
  it('asks an unlinked user to link first, and never creates by itself', async () => {
    const { apis } = coderTestApis();
    const posts: string[] = [];
    server.events.on('request:start', ({ request }) => {
      if (request.method === 'POST') posts.push(request.url);
    });
    await renderOnEntity(<MenuItem />, { apis, config });
    await userEvent.click(
      await screen.findByRole('button', { name: 'New workspace' }),
    );
    expect(
      await screen.findByRole(
        'dialog',
        { name: 'Link your Coder account' },
        LAZY,
      ),
    ).toBeInTheDocument();
    expect(posts).toEqual([]);
  });
});
