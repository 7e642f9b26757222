import { appTreeApiRef, toastApiRef } from '@backstage/frontend-plugin-api';
import { registerMswTestHooks } from '@backstage/test-utils';
import { waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { setupServer } from 'msw/node';
import {
  cardConfig,
  parameter,
  REPO_PARAMETER,
  renderDialog,
  serveCoder,
} from './__testUtils__/dialogHarness';

const server = setupServer();
registerMswTestHooks(server);
// Each test drives the whole dialog through MUI's pickers; jsdom is slow at that.
jest.setTimeout(20_000);

const NO_REPOSITORY_PARAMETER =
  'This template has no repository parameter, so the new workspace will not be listed on this card.';
const OTHER_REPOSITORY =
  'Workspaces are listed by repository; with this URL it will not appear on this card.';
const REGION = parameter({ name: 'region', display_name: 'Region' });

beforeAll(() => {
  Element.prototype.scrollIntoView = () => {};
});

async function nameWorkspace(dialog: HTMLElement, name: string) {
  const field = await within(dialog).findByRole('textbox', {
    name: /Workspace name/,
  });
  await userEvent.clear(field);
  await userEvent.type(field, name);
}

async function editRepository(dialog: HTMLElement, url: string) {
  await within(dialog).findByRole('textbox', { name: /Repository URL/ });
  const unlock = within(dialog).queryByRole('button', {
    name: 'Edit Repository URL',
  });
  if (unlock) await userEvent.click(unlock);
  const field = within(dialog).getByRole('textbox', { name: /Repository URL/ });
  await userEvent.clear(field);
  await userEvent.type(field, url);
}

describe('CreateWorkspaceDialog and the card it was opened from', () => {
  it('says when the template has no repository parameter', async () => {
    serveCoder(server, [REGION]);
    const { dialog } = await renderDialog();
    expect(
      await within(dialog).findByText(NO_REPOSITORY_PARAMETER),
    ).toBeInTheDocument();
  });

  it('says nothing of the kind when the template has one, or when there is no card', async () => {
    serveCoder(server, [REPO_PARAMETER, REGION]);
    const { dialog } = await renderDialog();
    await within(dialog).findByRole('textbox', { name: 'Region' });
    expect(within(dialog).queryByText(NO_REPOSITORY_PARAMETER)).toBeNull();
  });

  it('says nothing about a card when opened from the templates list', async () => {
    serveCoder(server, [REGION]);
    const { dialog } = await renderDialog({
      config: cardConfig({ repoUrl: undefined, repository: undefined }),
    });
    await within(dialog).findByRole('textbox', { name: 'Region' });
    expect(within(dialog).queryByText(NO_REPOSITORY_PARAMETER)).toBeNull();
  });

  it('warns under the repository field when its URL is another repository', async () => {
    serveCoder(server, [REPO_PARAMETER]);
    const { dialog } = await renderDialog();

    await editRepository(dialog, 'https://github.com/acme/other-app');
    expect(within(dialog).getByText(OTHER_REPOSITORY)).toBeInTheDocument();

    // Another way of writing the same repository is still this card's.
    await editRepository(dialog, 'git@github.com:acme/web-app.git');
    expect(within(dialog).queryByText(OTHER_REPOSITORY)).toBeNull();
  });

  it('says after creating that the workspace will not appear here, with a link to it', async () => {
    const created = serveCoder(server, [REGION]);
    const onClose = jest.fn();
    const { dialog, alertApi } = await renderDialog({ onClose });
    await nameWorkspace(dialog, 'my-ws');
    await within(dialog).findByText(NO_REPOSITORY_PARAMETER);

    await userEvent.click(
      within(dialog).getByRole('button', { name: 'Create workspace' }),
    );

    await waitFor(() => expect(onClose).toHaveBeenCalled());
    expect(created).toHaveLength(1);
    expect(alertApi.post).toHaveBeenCalledWith(
      expect.objectContaining({
        message:
          'Created my-ws. It will not appear on this card (no repository parameter). Open in Coder: https://coder.example.com/@demo/my-ws',
      }),
    );
  });

  it('links the notice to the workspace in Coder where notices carry links', async () => {
    serveCoder(server, [REPO_PARAMETER]);
    const toastApi = { post: jest.fn(() => ({ close: () => {} })) };
    const onClose = jest.fn();
    const { dialog } = await renderDialog({
      onClose,
      apis: [
        [toastApiRef, toastApi],
        [appTreeApiRef, { getTree: () => ({ tree: {} }) }],
      ],
    });
    await nameWorkspace(dialog, 'my-ws');
    await editRepository(dialog, 'https://github.com/acme/other-app');

    await userEvent.click(
      within(dialog).getByRole('button', { name: 'Create workspace' }),
    );

    await waitFor(() => expect(onClose).toHaveBeenCalled());
    expect(toastApi.post).toHaveBeenCalledWith(
      expect.objectContaining({
        title:
          'Created my-ws. It will not appear on this card (another repository).',
        links: [
          {
            label: 'Open in Coder',
            href: 'https://coder.example.com/@demo/my-ws',
          },
        ],
      }),
    );
  });

  it('says so in auto mode too, where only the confirmation shows', async () => {
    const created = serveCoder(server, [REGION]);
    const { dialog, alertApi } = await renderDialog({
      config: cardConfig({ mode: 'auto' }),
      autoSubmit: true,
    });
    await userEvent.click(
      await within(dialog).findByRole('button', { name: 'Create workspace' }),
    );

    await waitFor(() => expect(created).toHaveLength(1));
    await waitFor(() =>
      expect(alertApi.post).toHaveBeenCalledWith(
        expect.objectContaining({
          message: expect.stringContaining('will not appear on this card'),
        }),
      ),
    );
  });

  it('announces a workspace for this card as before', async () => {
    const created = serveCoder(server, [REPO_PARAMETER]);
    const onClose = jest.fn();
    const { dialog, alertApi } = await renderDialog({ onClose });
    await nameWorkspace(dialog, 'my-ws');

    await userEvent.click(
      within(dialog).getByRole('button', { name: 'Create workspace' }),
    );

    await waitFor(() => expect(onClose).toHaveBeenCalled());
    expect(created[0].rich_parameter_values).toEqual([
      { name: 'repo_url', value: 'https://github.com/acme/web-app' },
    ]);
    expect(alertApi.post).toHaveBeenCalledWith(
      expect.objectContaining({ message: 'Creating my-ws…' }),
    );
  });
});
