import { registerMswTestHooks } from '@backstage/test-utils';
import { fireEvent, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { HttpResponse } from 'msw';
import { setupServer } from 'msw/node';
import {
  parameter,
  REPO_PARAMETER,
  renderDialog,
  serveCoder,
} from './__testUtils__/dialogHarness';

const server = setupServer();
registerMswTestHooks(server);
// Each test drives the whole dialog through MUI's pickers; jsdom is slow at that.
jest.setTimeout(20_000);

const REGION = parameter({
  name: 'region',
  display_name: 'Region',
  default_value: 'eu-helsinki',
  options: [
    { name: 'Helsinki', description: '', value: 'eu-helsinki', icon: '' },
    { name: 'Sydney', description: '', value: 'ap-sydney', icon: '' },
  ],
});
const CPU = parameter({
  name: 'cpu',
  display_name: 'CPU cores',
  type: 'number',
  default_value: '2',
  validation_min: 1,
  validation_max: 8,
});
const PROJECT = parameter({
  name: 'project',
  display_name: 'Project',
  required: true,
});

const scrolled: Element[] = [];
beforeAll(() => {
  // jsdom lays nothing out and has no scrollIntoView; record what asked to be seen.
  Element.prototype.scrollIntoView = function scrollIntoView(this: Element) {
    scrolled.push(this);
  };
});
afterEach(() => {
  scrolled.length = 0;
});

describe('CreateWorkspaceDialog problems', () => {
  it('moves focus to the first field that needs attention and sums them up above the buttons', async () => {
    const created = serveCoder(server, [REPO_PARAMETER, REGION, CPU, PROJECT]);
    const { dialog } = await renderDialog();
    const cpu = await within(dialog).findByRole('spinbutton', {
      name: 'CPU cores',
    });
    await userEvent.clear(cpu);
    await userEvent.type(cpu, '12');

    await userEvent.click(
      within(dialog).getByRole('button', { name: 'Create workspace' }),
    );

    expect(cpu).toHaveFocus();
    const summary = await within(dialog).findByRole('alert');
    expect(summary).toHaveTextContent('2 fields need attention');
    expect(
      within(summary)
        .getAllByRole('button')
        .map(button => button.textContent),
    ).toEqual(['CPU cores', 'Project']);
    // Inside the scrolling content after the last field, not behind the footer.
    const project = within(dialog).getByRole('textbox', { name: 'Project' });
    expect(
      project.compareDocumentPosition(summary) &
        Node.DOCUMENT_POSITION_FOLLOWING,
    ).toBeTruthy();
    expect(summary.closest('.MuiDialogContent-root')).not.toBeNull();
    expect(scrolled).toContain(summary);

    await userEvent.click(
      within(summary).getByRole('button', { name: 'Project' }),
    );
    expect(project).toHaveFocus();
    // Nothing typed was lost, and nothing was sent.
    expect(cpu).toHaveValue(12);
    expect(created).toEqual([]);
  });

  it('counts the workspace name first, as the form shows it first', async () => {
    serveCoder(server, [REPO_PARAMETER, PROJECT]);
    const { dialog } = await renderDialog();
    const name = await within(dialog).findByRole('textbox', {
      name: /Workspace name/,
    });
    await userEvent.clear(name);
    await within(dialog).findByRole('textbox', { name: 'Project' });

    await userEvent.click(
      within(dialog).getByRole('button', { name: 'Create workspace' }),
    );

    expect(name).toHaveFocus();
    const summary = await within(dialog).findByRole('alert');
    expect(summary).toHaveTextContent('2 fields need attention');
    expect(
      within(summary)
        .getAllByRole('button')
        .map(button => button.textContent),
    ).toEqual(['Workspace name', 'Project']);
  });

  it("puts Coder's objection on its field, focuses it and names it in the summary", async () => {
    const created = serveCoder(server, [REPO_PARAMETER, REGION, CPU], () =>
      HttpResponse.json(
        {
          message: 'Validation failed.',
          validations: [{ field: 'region', detail: 'Sydney is full.' }],
        },
        { status: 400 },
      ),
    );
    const { dialog } = await renderDialog();
    const name = await within(dialog).findByRole('textbox', {
      name: /Workspace name/,
    });
    await userEvent.clear(name);
    await userEvent.type(name, 'my-ws');
    await within(dialog).findByRole('spinbutton', { name: 'CPU cores' });

    await userEvent.click(
      within(dialog).getByRole('button', { name: 'Create workspace' }),
    );

    const summary = await within(dialog).findByRole('alert');
    expect(summary).toHaveTextContent('1 field needs attention');
    const form = dialog.querySelector('form')!;
    const region = within(form).getByRole('button', { name: /^Region/ });
    expect(region).toHaveAccessibleDescription(/^Sydney is full\. /);
    expect(region).toHaveFocus();
    expect(scrolled).toContain(summary);
    expect(name).toHaveValue('my-ws');
    expect(created).toHaveLength(1);
  });

  it('shows an objection that belongs to no field above the buttons too', async () => {
    serveCoder(server, [REPO_PARAMETER], () =>
      HttpResponse.json(
        { message: 'Quota exceeded.', detail: 'You may have 3 workspaces.' },
        { status: 400 },
      ),
    );
    const { dialog } = await renderDialog();
    await within(dialog).findByRole('textbox', { name: /Repository URL/ });

    await userEvent.click(
      within(dialog).getByRole('button', { name: 'Create workspace' }),
    );

    const summary = await within(dialog).findByRole('alert');
    expect(summary).toHaveTextContent(
      'Quota exceeded. You may have 3 workspaces.',
    );
    expect(scrolled).toContain(summary);
  });

  it('ignores a second submit while the first is on its way', async () => {
    let answer: (response: Response) => void = () => {};
    const created = serveCoder(
      server,
      [REPO_PARAMETER],
      () => new Promise<Response>(resolve => (answer = resolve)),
    );
    const onClose = jest.fn();
    const { dialog } = await renderDialog({ onClose });
    await within(dialog).findByRole('textbox', { name: /Repository URL/ });
    const form = dialog.querySelector('form')!;

    await userEvent.click(
      within(dialog).getByRole('button', { name: 'Create workspace' }),
    );
    fireEvent.submit(form);
    await new Promise(resolve => setTimeout(resolve, 100));

    expect(created).toHaveLength(1);
    answer(HttpResponse.json({ message: 'Later.' }, { status: 400 }));
    expect(await screen.findByRole('alert')).toHaveTextContent('Later.');
  });
});
