import { registerMswTestHooks } from '@backstage/test-utils';
import { act, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { http, HttpResponse } from 'msw';
import { setupServer } from 'msw/node';
import { TEST_PROXY_URL, TEST_TOKEN } from '../testUtils/coderTestApis';
import { workspaceFixture } from '../testUtils/workspaceFixtures';
import {
  parameter,
  renderField,
  serveTemplates,
  templateFixture,
} from './__testUtils__/fieldHarness';

const server = setupServer();
registerMswTestHooks(server);
// The field and MUI's controls load lazily and render slowly under jsdom.
jest.setTimeout(20_000);

const DEVCONTAINERS = templateFixture('devcontainers', {
  display_name: 'Dev Containers',
  description: 'Develop in a devcontainer.',
});
const DOCKER = templateFixture('docker', {
  description: 'A Docker container.',
});
const OLD = templateFixture('old-vm', {
  display_name: 'Old VM',
  deprecated: true,
});

const REPO_URL = parameter({
  name: 'repo_url',
  display_name: 'Repository URL',
  required: true,
});
const REGION = parameter({
  name: 'region',
  display_name: 'Region',
  required: true,
});
const CPU = parameter({
  name: 'cpu',
  display_name: 'CPU cores',
  type: 'number',
  default_value: '2',
  validation_min: 1,
  validation_max: 8,
});
const IMAGE = parameter({ name: 'image', display_name: 'Image' });

async function templateChoices() {
  const group = await screen.findByRole('radiogroup', {
    name: 'Coder template',
  });
  return within(group).getAllByRole('radio');
}

async function pressNext() {
  await userEvent.click(screen.getByRole('button', { name: 'Next' }));
  return screen.findByRole('list', { name: 'Errors' });
}

describe('CoderWorkspaceTemplate field', () => {
  it('shows the link form until the account is linked, then the template picker in place', async () => {
    serveTemplates(server, [DEVCONTAINERS]);
    await renderField({ linked: false });

    expect(
      await screen.findByLabelText(/Coder session token/),
    ).toBeInTheDocument();
    expect(screen.queryByRole('radiogroup')).not.toBeInTheDocument();
    expect(await pressNext()).toHaveTextContent(
      'Link your Coder account to continue.',
    );

    await userEvent.type(
      screen.getByLabelText(/Coder session token/),
      TEST_TOKEN,
    );
    await userEvent.click(screen.getByRole('button', { name: 'Link account' }));

    const [only] = await templateChoices();
    expect(only).toHaveAccessibleName('Dev Containers');
    expect(only).toBeChecked();
    expect(screen.queryByLabelText(/Coder session token/)).toBeNull();
  });

  it("links from inside the template's form without submitting that form", async () => {
    serveTemplates(server, [DEVCONTAINERS]);
    const onFormSubmit = jest.fn();
    await renderField({ linked: false, onFormSubmit });

    const tokenField = await screen.findByLabelText(/Coder session token/);
    // A form inside a form is invalid HTML, and its submit reaches the outer form.
    expect(
      within(screen.getByRole('form', { name: 'Template step' })).getByRole(
        'form',
        { name: 'Link Coder account' },
      ).tagName,
    ).not.toBe('FORM');
    // Enter in the token field links, as in a form of its own.
    await userEvent.type(tokenField, `${TEST_TOKEN}{Enter}`);
    await templateChoices();
    expect(onFormSubmit).not.toHaveBeenCalled();
  });

  it('offers no deprecated template and only those on the allow-list, naming one Coder does not offer', async () => {
    serveTemplates(server, [DEVCONTAINERS, DOCKER, OLD]);
    await renderField({
      uiOptions: { templates: ['docker', 'old-vm', 'missing'] },
    });

    const choices = await templateChoices();
    expect(choices.map(choice => choice.getAttribute('value'))).toEqual([
      DOCKER.id,
    ]);
    expect(choices[0]).toHaveAccessibleName('docker');
    expect(choices[0]).toHaveAccessibleDescription('A Docker container.');
    // The only allowed template is chosen for the user.
    expect(choices[0]).toBeChecked();
    expect(
      screen.getByText(
        /Coder does not offer the templates "old-vm", "missing"/,
      ),
    ).toBeInTheDocument();
  });

  it('lists every template Coder offers without an allow-list, deprecated ones aside', async () => {
    serveTemplates(server, [DEVCONTAINERS, DOCKER, OLD]);
    await renderField();

    const choices = await templateChoices();
    expect(choices.map(choice => choice.getAttribute('value'))).toEqual([
      DEVCONTAINERS.id,
      DOCKER.id,
    ]);
    expect(choices[0]).toHaveAccessibleDescription(
      'Develop in a devcontainer.',
    );
    expect(choices.some(choice => (choice as HTMLInputElement).checked)).toBe(
      false,
    );
    expect(await pressNext()).toHaveTextContent('Choose a Coder template.');
  });

  it("shows the chosen template's parameters and writes its value as the user edits", async () => {
    serveTemplates(server, [DEVCONTAINERS, DOCKER], {
      devcontainers: [REGION, CPU],
      docker: [IMAGE],
    });
    const { record } = await renderField({
      uiOptions: {
        defaultTemplate: 'devcontainers',
        parameters: { region: 'eu-helsinki' },
      },
    });

    const region = await screen.findByRole('textbox', { name: /Region/ });
    expect(region).toHaveValue('eu-helsinki');
    expect(screen.getByRole('spinbutton', { name: 'CPU cores' })).toHaveValue(
      2,
    );
    expect(screen.queryByRole('textbox', { name: 'Image' })).toBeNull();

    await userEvent.clear(region);
    await userEvent.type(region, 'ap-sydney');
    await waitFor(() =>
      expect(record.value).toEqual({
        templateName: 'devcontainers',
        organization: 'coder',
        parameters: { region: 'ap-sydney', cpu: '2' },
      }),
    );

    const [, docker] = await templateChoices();
    await userEvent.click(docker);
    expect(
      await screen.findByRole('textbox', { name: 'Image' }),
    ).toBeInTheDocument();
    expect(screen.queryByRole('textbox', { name: /Region/ })).toBeNull();
    await waitFor(() =>
      expect(record.value).toEqual({
        templateName: 'docker',
        organization: 'coder',
        parameters: { image: '' },
      }),
    );
  });

  it("refuses the step while a parameter is wrong, in the create dialog's words, until it is fixed", async () => {
    serveTemplates(server, [DEVCONTAINERS], {
      devcontainers: [REGION, CPU],
    });
    await renderField();
    const cpu = await screen.findByRole('spinbutton', { name: 'CPU cores' });
    await userEvent.clear(cpu);
    await userEvent.type(cpu, '12');

    const errors = await pressNext();
    expect(errors).toHaveTextContent('Region: This parameter is required.');
    expect(errors).toHaveTextContent('CPU cores: Enter at most 8.');
    // On the fields too, and summed up with a way to each.
    expect(
      screen.getByRole('textbox', { name: /Region/ }),
    ).toHaveAccessibleDescription(/This parameter is required\./);
    expect(cpu).toHaveAccessibleDescription(/Enter at most 8\./);
    const summary = screen
      .getAllByRole('alert')
      .find(alert => alert.textContent?.includes('2 fields need attention'));
    await userEvent.click(
      within(summary!).getByRole('button', { name: 'Region' }),
    );
    expect(screen.getByRole('textbox', { name: /Region/ })).toHaveFocus();

    await userEvent.type(screen.getByRole('textbox', { name: /Region/ }), 'eu');
    await userEvent.clear(cpu);
    await userEvent.type(cpu, '4');
    await userEvent.click(screen.getByRole('button', { name: 'Next' }));
    await waitFor(() =>
      expect(
        screen.getByRole('list', { name: 'Errors' }),
      ).toBeEmptyDOMElement(),
    );
  });

  it('shows a bound parameter read-only, resolved from a RepoUrlPicker field', async () => {
    serveTemplates(server, [DEVCONTAINERS], {
      devcontainers: [REPO_URL, REGION],
    });
    const { record } = await renderField({
      uiOptions: {
        parameters: { region: 'eu' },
        boundParameters: { repo_url: '${{ parameters.repoUrl }}' },
      },
      otherFields: { repoUrl: 'github.com?owner=acme&repo=web-app' },
      otherSchema: {
        repoUrl: { title: 'Repository Location', type: 'string' },
      },
    });

    const repo = await screen.findByRole('textbox', {
      name: /Repository URL/,
    });
    expect(repo).toHaveValue('https://github.com/acme/web-app');
    expect(repo).toHaveAttribute('readonly');
    expect(repo).toHaveAccessibleDescription(
      /^Comes from Repository Location\./,
    );
    await waitFor(() =>
      expect(record.value?.parameters).toEqual({
        repo_url: 'https://github.com/acme/web-app',
        region: 'eu',
      }),
    );
    expect(await pressNext()).toBeEmptyDOMElement();
  });

  it('says which field to fill in first while the source of a bound parameter is empty', async () => {
    serveTemplates(server, [DEVCONTAINERS], { devcontainers: [REPO_URL] });
    await renderField({
      uiOptions: { boundParameters: { repo_url: '${{ parameters.repoUrl }}' } },
      otherSchema: {
        repoUrl: { title: 'Repository Location', type: 'string' },
      },
    });

    const repo = await screen.findByRole('textbox', {
      name: /Repository URL/,
    });
    expect(repo).toHaveValue('');
    expect(repo).toHaveAccessibleDescription(
      /^Fill in Repository Location first\./,
    );
    expect(await pressNext()).toHaveTextContent(
      'Repository URL: Fill in repoUrl first.',
    );
  });

  it('leaves a parameter bound to a step output to the task, and does not hold the form up for it', async () => {
    serveTemplates(server, [DEVCONTAINERS], { devcontainers: [REPO_URL] });
    const { record } = await renderField({
      uiOptions: {
        boundParameters: { repo_url: '${{ steps.publish.output.remoteUrl }}' },
      },
    });

    const repo = await screen.findByRole('textbox', {
      name: /Repository URL/,
    });
    expect(repo).toHaveAttribute('readonly');
    expect(repo).toHaveAccessibleDescription(
      /^Set by the template when it runs \(steps\.publish\.output\.remoteUrl\)\./,
    );
    await waitFor(() =>
      expect(record.value).toEqual({
        templateName: 'devcontainers',
        organization: 'coder',
        parameters: {},
      }),
    );
    expect(await pressNext()).toBeEmptyDOMElement();
  });

  it('puts the session token into the task secrets only, follows a new token and blanks it on unlinking', async () => {
    serveTemplates(server, [DEVCONTAINERS], { devcontainers: [REGION] });
    const { record, tokenStore } = await renderField();

    expect(await screen.findByText(/will act in Coder as/)).toHaveTextContent(
      "This template's steps will act in Coder as demo, with your Coder session, for this run only.",
    );
    await screen.findByRole('textbox', { name: /Region/ });
    expect(record.secrets).toEqual({ CODER_SESSION_TOKEN: TEST_TOKEN });
    expect(record.values.length).toBeGreaterThan(0);
    for (const value of record.values) {
      expect(JSON.stringify(value)).not.toContain(TEST_TOKEN);
    }
    expect(document.body.innerHTML).not.toContain(TEST_TOKEN);

    const refreshed = 'klmnopqrst-9876543210zyxwvutsrqpo';
    act(() => tokenStore.setToken(refreshed));
    await waitFor(() =>
      expect(record.secrets.CODER_SESSION_TOKEN).toBe(refreshed),
    );

    act(() => tokenStore.clearToken());
    await waitFor(() => expect(record.secrets.CODER_SESSION_TOKEN).toBe(''));
    expect(
      await screen.findByLabelText(/Coder session token/),
    ).toBeInTheDocument();
  });

  it('uses the secret name the template asks for', async () => {
    serveTemplates(server, [DEVCONTAINERS]);
    const { record } = await renderField({
      uiOptions: { secretsKey: 'MY_CODER_TOKEN' },
    });
    await templateChoices();
    expect(record.secrets).toEqual({ MY_CODER_TOKEN: TEST_TOKEN });
  });

  it('keeps the session from a template that only links to Coder, and does not claim it will act as the user', async () => {
    serveTemplates(server, [DEVCONTAINERS], { devcontainers: [REGION] });
    const { record } = await renderField({
      uiOptions: { shareSession: false },
    });

    await screen.findByRole('textbox', { name: /Region/ });
    // Coder's page, asking to confirm; the template appends what the run knows.
    await waitFor(() =>
      expect(record.value?.createUrl).toBe(
        'https://coder.example.com/templates/coder/devcontainers/workspace?mode=auto&param.region=',
      ),
    );
    expect(screen.queryByText(/will act in Coder as/)).toBeNull();
    expect(record.secrets).toEqual({});
  });

  describe('the workspace name the template will use (ui:options.workspaceName)', () => {
    const NAME_FIELD = { name: { title: 'Name', type: 'string' } };
    /** Coder's `name:` filter matches parts of names, as here: the user has these. */
    function serveOwnWorkspaces(names: string[]) {
      const searches: string[] = [];
      server.use(
        http.get(`${TEST_PROXY_URL}/api/v2/workspaces`, ({ request }) => {
          const q = new URL(request.url).searchParams.get('q') ?? '';
          searches.push(q);
          const part = /name:(\S+)/.exec(q)?.[1]?.toLowerCase() ?? '';
          const workspaces = names
            .filter(name => name.toLowerCase().includes(part))
            .map(name => workspaceFixture(name));
          return HttpResponse.json({ workspaces, count: workspaces.length });
        }),
      );
      return searches;
    }

    it('refuses a name the user already has in Coder, before the run publishes anything', async () => {
      serveTemplates(server, [DEVCONTAINERS]);
      const searches = serveOwnWorkspaces(['Web-App', 'web-app-main']);
      await renderField({
        uiOptions: { workspaceName: '${{ parameters.name }}' },
        otherFields: { name: 'web-app' },
        otherSchema: NAME_FIELD,
      });

      const name = await screen.findByRole('textbox', {
        name: 'Workspace name',
      });
      expect(name).toHaveValue('web-app');
      expect(name).toHaveAttribute('readonly');
      await waitFor(() =>
        expect(name).toHaveAccessibleDescription(
          'You already have a Coder workspace named "web-app". Choose another name.',
        ),
      );
      expect(searches).toContain('owner:me name:web-app');
      expect(await pressNext()).toHaveTextContent(
        'You already have a Coder workspace named "web-app". Choose another name.',
      );
    });

    it('takes a free name into the value, and names what is wrong with one Coder would refuse', async () => {
      serveTemplates(server, [DEVCONTAINERS]);
      serveOwnWorkspaces(['web-app-main']);
      const { record } = await renderField({
        uiOptions: {
          workspaceName: '${{ parameters.name }}',
          shareSession: false,
        },
        // On an earlier step: the scaffolder shows this step's schema only, so the
        // field words the source's name as the review page does.
        otherFields: { name: 'web-app' },
      });
      const name = await screen.findByRole('textbox', {
        name: 'Workspace name',
      });
      await waitFor(() =>
        expect(name).toHaveAccessibleDescription('Comes from Name.'),
      );
      await waitFor(() => expect(record.value?.workspaceName).toBe('web-app'));
      expect(await pressNext()).toBeEmptyDOMElement();
    });

    it("names Coder's rule for a name it would refuse, and the field to fill while there is none", async () => {
      serveTemplates(server, [DEVCONTAINERS]);
      serveOwnWorkspaces([]);
      await renderField({
        uiOptions: { workspaceName: '${{ parameters.name }}-dev' },
        otherFields: { name: 'my service' },
        otherSchema: NAME_FIELD,
      });
      const name = await screen.findByRole('textbox', {
        name: 'Workspace name',
      });
      expect(name).toHaveValue('my service-dev');
      expect(name).toHaveAccessibleDescription(
        'Workspace name "my service-dev": Use letters, digits and single hyphens; no spaces, and no hyphen at either end.',
      );
      expect(await pressNext()).toHaveTextContent(
        'Workspace name "my service-dev": Use letters, digits and single hyphens',
      );
    });
  });
});
