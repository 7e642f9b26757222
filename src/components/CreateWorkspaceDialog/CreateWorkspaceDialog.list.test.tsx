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

const TAGS = parameter({
  name: 'tags',
  display_name: 'Tags',
  type: 'list(string)',
  form_type: 'tag-select',
  default_value: '[]',
});
const ZONES = parameter({
  name: 'zones',
  display_name: 'Zones',
  type: 'list(string)',
  form_type: 'multi-select',
  default_value: '["eu-helsinki"]',
  required: true,
  options: [
    { name: 'Helsinki', description: '', value: 'eu-helsinki', icon: '' },
    { name: 'Pittsburgh', description: '', value: 'us-pittsburgh', icon: '' },
    { name: 'Sydney', description: '', value: 'ap-sydney', icon: '' },
  ],
});

beforeAll(() => {
  Element.prototype.scrollIntoView = () => {};
});

describe('CreateWorkspaceDialog lists', () => {
  it('sends each list as the JSON list of strings Coder expects', async () => {
    const created = serveCoder(server, [REPO_PARAMETER, TAGS, ZONES]);
    const { dialog } = await renderDialog();
    const tags = await within(dialog).findByRole('textbox', { name: 'Tags' });
    await userEvent.type(tags, 'frontend{Enter}team "a",');
    const zones = within(dialog).getByRole('textbox', { name: /Zones/ });
    await userEvent.click(zones);
    await userEvent.click(
      await within(document.body).findByRole('option', { name: /Sydney/ }),
    );
    await userEvent.click(
      within(dialog).getByRole('button', { name: 'Remove Helsinki' }),
    );

    await userEvent.click(
      within(dialog).getByRole('button', { name: 'Create workspace' }),
    );

    await waitFor(() => expect(created).toHaveLength(1));
    expect(created[0].rich_parameter_values).toEqual(
      expect.arrayContaining([
        { name: 'tags', value: '["frontend","team \\"a\\""]' },
        { name: 'zones', value: '["ap-sydney"]' },
      ]),
    );
  });

  it('asks for at least one item in a required list before sending', async () => {
    const created = serveCoder(server, [REPO_PARAMETER, ZONES]);
    const { dialog } = await renderDialog();
    await userEvent.click(
      await within(dialog).findByRole('button', { name: 'Remove Helsinki' }),
    );

    await userEvent.click(
      within(dialog).getByRole('button', { name: 'Create workspace' }),
    );

    const zones = within(dialog).getByRole('textbox', { name: /Zones/ });
    expect(zones).toHaveAccessibleDescription(/Add at least one item\./);
    expect(zones).toHaveFocus();
    expect(created).toEqual([]);
  });

  it('says what is wrong with a configured value that is not a list', async () => {
    const created = serveCoder(server, [REPO_PARAMETER, TAGS]);
    const { dialog } = await renderDialog({
      config: cardConfig({ params: { tags: 'frontend,backend' } }),
    });
    await within(dialog).findByRole('textbox', { name: 'Tags' });

    await userEvent.click(
      within(dialog).getByRole('button', { name: 'Create workspace' }),
    );

    expect(
      within(dialog).getByRole('textbox', { name: 'Tags' }),
    ).toHaveAccessibleDescription(
      /Coder expects a list such as \["a","b"\]; "frontend,backend" is not one\./,
    );
    expect(created).toEqual([]);
  });
});
