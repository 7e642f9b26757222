import { registerMswTestHooks } from '@backstage/test-utils';
import { screen, within } from '@testing-library/react';
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

const DOTFILES = parameter({ name: 'dotfiles_uri', display_name: 'Dotfiles' });

describe('CreateWorkspaceDialog in auto mode', () => {
  it('lists the template and every value, marking catalog-info ones, and creates only on the confirming click', async () => {
    const created = serveCoder(server, [REPO_PARAMETER, DOTFILES]);
    const { dialog } = await renderDialog({
      autoSubmit: true,
      config: cardConfig({
        mode: 'auto',
        params: { dotfiles_uri: 'https://example.com/dotfiles' },
        entityParams: ['dotfiles_uri'],
        entityTemplate: true,
      }),
    });

    const values = await within(dialog).findByRole('table', {
      name: 'Values for the new workspace',
    });
    const row = (label: string) =>
      within(values).getByRole('row', { name: new RegExp(`^${label}`) });
    expect(row('Template')).toHaveTextContent('Dev Containers');
    expect(row('Template')).toHaveTextContent('from catalog-info');
    expect(row('Dotfiles')).toHaveTextContent('https://example.com/dotfiles');
    expect(row('Dotfiles')).toHaveTextContent('from catalog-info');
    expect(row('Repository URL')).toHaveTextContent(
      'https://github.com/acme/web-app',
    );
    expect(row('Repository URL')).not.toHaveTextContent('from catalog-info');
    await new Promise(resolve => setTimeout(resolve, 200));
    expect(created).toEqual([]);

    await userEvent.click(
      within(dialog).getByRole('button', { name: 'Create workspace' }),
    );
    await screen.findByRole('dialog');
    expect(created).toHaveLength(1);
    expect(created[0].rich_parameter_values).toEqual(
      expect.arrayContaining([
        { name: 'dotfiles_uri', value: 'https://example.com/dotfiles' },
      ]),
    );
  });

  it('opens the whole form on "Edit values"', async () => {
    const created = serveCoder(server, [REPO_PARAMETER, DOTFILES]);
    const { dialog } = await renderDialog({
      autoSubmit: true,
      config: cardConfig({ mode: 'auto' }),
    });
    await userEvent.click(
      await within(dialog).findByRole('button', { name: 'Edit values' }),
    );
    expect(
      within(dialog).getByRole('textbox', { name: /Workspace name/ }),
    ).toBeInTheDocument();
    expect(created).toEqual([]);
  });
});
