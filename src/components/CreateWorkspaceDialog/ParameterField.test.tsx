import { useState } from 'react';
import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { CoderTemplateParameter } from '../../api/types';
import { parameter } from './__testUtils__/dialogHarness';
import { ParameterField } from './ParameterField';

const REGIONS = [
  { name: 'Helsinki', description: 'Europe', value: 'eu-helsinki', icon: '' },
  { name: 'Pittsburgh', description: '', value: 'us-pittsburgh', icon: '' },
  { name: 'Sydney', description: '', value: 'ap-sydney', icon: '' },
];

/** The field with its value kept, as the dialog keeps it; every change is recorded. */
function renderField(field: CoderTemplateParameter, initial = '') {
  const changes: string[] = [];
  const onSubmit = jest.fn((event: { preventDefault(): void }) =>
    event.preventDefault(),
  );
  function Stateful() {
    const [value, setValue] = useState(initial);
    return (
      <form onSubmit={onSubmit}>
        <ParameterField
          parameter={field}
          value={value}
          onChange={next => {
            changes.push(next);
            setValue(next);
          }}
        />
      </form>
    );
  }
  render(<Stateful />);
  return { changes, onSubmit };
}

describe('ParameterField', () => {
  describe('says the limits before anything is wrong', () => {
    it.each([
      [{ validation_min: 1, validation_max: 8 }, 'Between 1 and 8.'],
      [{ validation_min: 1, validation_max: null }, 'At least 1.'],
      [{ validation_min: null, validation_max: 8 }, 'At most 8.'],
    ])('a number with %j: %s', (bounds, text) => {
      renderField(
        parameter({
          name: 'cpu',
          display_name: 'CPU cores',
          description: 'Number of CPU cores.',
          type: 'number',
          ...bounds,
        }),
        '2',
      );
      expect(
        screen.getByRole('spinbutton', { name: 'CPU cores' }),
      ).toHaveAccessibleDescription(`Number of CPU cores. ${text}`);
    });

    it('a number without bounds says none', () => {
      renderField(
        parameter({ name: 'cpu', display_name: 'CPU cores', type: 'number' }),
      );
      expect(
        screen.getByRole('spinbutton', { name: 'CPU cores' }),
      ).not.toHaveAccessibleDescription(/Between|At least|At most/);
    });

    it("a pattern with the template's own words for it", () => {
      renderField(
        parameter({
          name: 'dotfiles_uri',
          display_name: 'Dotfiles URL',
          validation_regex: '^(https://.*)?$',
          validation_error: 'The dotfiles URL must start with https://',
        }),
      );
      expect(
        screen.getByRole('textbox', { name: 'Dotfiles URL' }),
      ).toHaveAccessibleDescription(
        'The dotfiles URL must start with https://',
      );
    });

    it('how many options a drop-down holds', () => {
      renderField(
        parameter({ name: 'region', display_name: 'Region', options: REGIONS }),
        'eu-helsinki',
      );
      expect(screen.getByText('3 options.')).toBeInTheDocument();
    });
  });

  describe('says once that a value is fixed after creation', () => {
    it('when only the flag says so', () => {
      renderField(
        parameter({
          name: 'disk_size',
          display_name: 'Disk size (GB)',
          description: 'Size of the home volume.',
          mutable: false,
        }),
      );
      expect(
        screen.getByRole('textbox', { name: 'Disk size (GB)' }),
      ).toHaveAccessibleDescription(
        'Size of the home volume. Cannot be changed after the workspace is created.',
      );
    });

    it('when the description already says it', () => {
      renderField(
        parameter({
          name: 'disk_size',
          display_name: 'Disk size (GB)',
          description:
            'Size of the home volume. It cannot be changed after creation.',
          mutable: false,
        }),
      );
      expect(
        screen.getByRole('textbox', { name: 'Disk size (GB)' }),
      ).toHaveAccessibleDescription(
        'Size of the home volume. It cannot be changed after creation.',
      );
    });

    it('when the error says it', () => {
      render(
        <ParameterField
          parameter={parameter({
            name: 'disk_size',
            display_name: 'Disk size (GB)',
            mutable: false,
          })}
          value="20"
          onChange={() => {}}
          error="Cannot be changed after the workspace is created."
        />,
      );
      expect(
        screen.getByRole('textbox', { name: 'Disk size (GB)' }),
      ).toHaveAccessibleDescription(
        'Cannot be changed after the workspace is created.',
      );
    });
  });

  describe('a list of text', () => {
    const TAGS = parameter({
      name: 'tags',
      display_name: 'Tags',
      type: 'list(string)',
      form_type: 'tag-select',
      default_value: '[]',
    });

    it('adds an item on Enter or comma and keeps the value as a JSON list', async () => {
      const { changes, onSubmit } = renderField(TAGS, '[]');
      const input = screen.getByRole('textbox', { name: 'Tags' });
      expect(input).toHaveAccessibleDescription(
        'Press Enter or type a comma to add each item.',
      );

      await userEvent.type(input, 'frontend{Enter}');
      await userEvent.type(input, 'team-a,');

      expect(
        screen.getByRole('button', { name: 'Remove frontend' }),
      ).toBeInTheDocument();
      expect(
        screen.getByRole('button', { name: 'Remove team-a' }),
      ).toBeInTheDocument();
      expect(changes.at(-1)).toBe('["frontend","team-a"]');
      expect(input).toHaveValue('');
      // Enter adds an item; it does not send the form.
      expect(onSubmit).not.toHaveBeenCalled();
    });

    it('removes the last item with Backspace and any item with its button', async () => {
      const { changes } = renderField(TAGS, '["a","b","c"]');
      const input = screen.getByRole('textbox', { name: 'Tags' });

      await userEvent.type(input, '{Backspace}');
      expect(changes.at(-1)).toBe('["a","b"]');
      expect(
        screen.queryByRole('button', { name: 'Remove c' }),
      ).not.toBeInTheDocument();

      await userEvent.click(screen.getByRole('button', { name: 'Remove a' }));
      expect(changes.at(-1)).toBe('["b"]');
    });

    it('keeps what was typed but not yet added when the field loses focus', async () => {
      const { changes } = renderField(TAGS, '[]');
      await userEvent.type(
        screen.getByRole('textbox', { name: 'Tags' }),
        'backend',
      );
      await userEvent.tab();
      expect(changes.at(-1)).toBe('["backend"]');
    });

    it('offers the options as choices instead of free text', async () => {
      const { changes } = renderField(
        { ...TAGS, name: 'regions', display_name: 'Regions', options: REGIONS },
        '[]',
      );
      const input = screen.getByRole('textbox', { name: 'Regions' });
      expect(input).toHaveAccessibleDescription('3 options.');

      await userEvent.click(input);
      await userEvent.click(
        within(screen.getByRole('listbox')).getByRole('option', {
          name: /Sydney/,
        }),
      );
      await userEvent.click(input);
      await userEvent.click(
        within(screen.getByRole('listbox')).getByRole('option', {
          name: /Helsinki/,
        }),
      );

      expect(changes.at(-1)).toBe('["ap-sydney","eu-helsinki"]');
      await userEvent.click(
        screen.getByRole('button', { name: 'Remove Sydney' }),
      );
      expect(changes.at(-1)).toBe('["eu-helsinki"]');
    });
  });
});
