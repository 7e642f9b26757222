/* eslint jest/expect-expect: ["warn", { "assertFunctionNames": ["expect", "expectConfigMessage"] }] */
import type { ReactNode } from 'react';
import {
  registerMswTestHooks,
  renderInTestApp,
  TestApiProvider,
} from '@backstage/test-utils';
import { screen } from '@testing-library/react';
import { setupServer } from 'msw/node';
import { TEST_ACCESS_URL, coderTestApis } from '../../testUtils/coderTestApis';
import { CoderAuthWrapper } from '../CoderAuthWrapper';
import { CoderWorkspacesCard } from '../CoderWorkspacesCard';
import { CoderProvider } from './CoderProvider';

// No handler: a misconfigured provider must not send anything.
const server = setupServer();
registerMswTestHooks(server);
afterEach(() => server.events.removeAllListeners());

const deployment = { accessUrl: TEST_ACCESS_URL };
// eslint-disable-next-line no-script-url
const SCRIPT_URL = 'javascript:alert(document.domain)';

async function renderWith(
  options: { appConfig?: unknown; config?: object },
  child: ReactNode = <CoderWorkspacesCard />,
) {
  const { apis } = coderTestApis({ config: options.config });
  const requests: string[] = [];
  server.events.on('request:start', ({ request }) => {
    requests.push(request.url);
  });
  await renderInTestApp(
    <TestApiProvider apis={apis as any}>
      <p>The rest of the page</p>
      <CoderProvider appConfig={options.appConfig as any}>
        {child}
      </CoderProvider>
    </TestApiProvider>,
  );
  return { requests };
}

/** The card's configuration panel: its title, and the message naming the key. */
async function expectConfigMessage(key: string, problem: RegExp) {
  expect(
    await screen.findByText(/Coder is not configured/),
  ).toBeInTheDocument();
  const message = screen.getByText(/^Coder plugin configuration:/);
  expect(message).toHaveTextContent(`Coder plugin configuration: ${key}`);
  expect(message.textContent).toMatch(problem);
  expect(screen.getByText('The rest of the page')).toBeInTheDocument();
}

describe('CoderProvider, given a hostile appConfig prop', () => {
  it.each([
    ['a javascript: access URL', SCRIPT_URL],
    [
      'a javascript: access URL in mixed case',
      ` ${SCRIPT_URL.replace('java', 'Java')}`,
    ],
    ['a data: access URL', 'data:text/html,<script>alert(1)</script>'],
    ['an ftp: access URL', 'ftp://coder.example.com'],
  ])('refuses %s and renders no link to it', async (_, accessUrl) => {
    await renderWith({ appConfig: { deployment: { accessUrl } } });
    await expectConfigMessage(
      'coder.deployment.accessUrl',
      /must be an http\(s\) URL such as https:\/\/coder\.example\.com/,
    );
    expect(screen.queryAllByRole('link')).toEqual([]);
    expect(document.body.innerHTML).not.toMatch(/href="(javascript|data):/i);
  });

  it.each([
    ['an empty access URL', ''],
    ['an access URL of spaces', '   '],
    ['a number as access URL', 42],
    ['a list as access URL', [TEST_ACCESS_URL]],
    ['an object as access URL', { href: TEST_ACCESS_URL }],
    ['text that is not a URL', 'coder dot example dot com'],
  ])('names the access URL when given %s', async (_, accessUrl) => {
    await renderWith({ appConfig: { deployment: { accessUrl } } });
    await expectConfigMessage(
      'coder.deployment.accessUrl',
      /must be a URL such as https:\/\/coder\.example\.com/,
    );
  });

  it.each([
    ['a password', 'https://admin:hunter2@coder.example.com'],
    ['a query', 'https://coder.example.com/?redirect=https://evil.example'],
    ['a fragment', 'https://coder.example.com/#/cli-auth'],
  ])(
    'refuses an access URL with %s, without echoing it',
    async (_, accessUrl) => {
      await renderWith({ appConfig: { deployment: { accessUrl } } });
      await expectConfigMessage(
        'coder.deployment.accessUrl',
        /must be the deployment's address alone.*no user name, password, \?query or #fragment/,
      );
      expect(document.body.textContent).not.toContain(accessUrl);
    },
  );

  it.each([
    ['text', 'https://coder.example.com', 'a string'],
    ['a list', [TEST_ACCESS_URL], 'a list'],
    ['a number', 42, 'a number'],
  ])('names coder.deployment when it is %s', async (_, value, got) => {
    await renderWith({ appConfig: { deployment: value } });
    await expectConfigMessage(
      'coder.deployment',
      new RegExp(`must be an object of settings, got ${got}`),
    );
  });

  it.each([
    ['text', 'devcontainers', 'a string'],
    ['a list', ['devcontainers'], 'a list'],
    ['true', true, 'a boolean'],
  ])('names coder.workspaces when it is %s', async (_, workspaces, got) => {
    await renderWith({ appConfig: { deployment, workspaces } });
    await expectConfigMessage(
      'coder.workspaces',
      new RegExp(`must be an object of settings, got ${got}`),
    );
  });

  it.each([
    [
      'an unknown mode',
      { defaultMode: 'fast' },
      'coder.workspaces.defaultMode',
      /must be "manual" or "auto"/,
    ],
    [
      'a number as mode',
      { defaultMode: 1 },
      'coder.workspaces.defaultMode',
      /must be "manual" or "auto"/,
    ],
    [
      'an empty template name',
      { defaultTemplateName: '' },
      'coder.workspaces.defaultTemplateName',
      /must not be empty/,
    ],
    [
      'a number as template name',
      { defaultTemplateName: 42 },
      'coder.workspaces.defaultTemplateName',
      /must be text/,
    ],
    [
      'a template name with "/"',
      { defaultTemplateName: 'acme/devcontainers' },
      'coder.workspaces.defaultTemplateName',
      /must be a Coder template name: .*no spaces or "\/"/,
    ],
    [
      'a template name with a space',
      { defaultTemplateName: 'dev containers' },
      'coder.workspaces.defaultTemplateName',
      /must be a Coder template name/,
    ],
    [
      'a 100 KB template name',
      { defaultTemplateName: 'x'.repeat(100_000) },
      'coder.workspaces.defaultTemplateName',
      /must be at most 32 characters/,
    ],
    [
      'repository parameters as text',
      { repoUrlParamKeys: 'repo_url' },
      'coder.workspaces.repoUrlParamKeys',
      /must be a list of parameter names/,
    ],
    [
      'no repository parameters',
      { repoUrlParamKeys: [] },
      'coder.workspaces.repoUrlParamKeys',
      /must name at least one parameter/,
    ],
    [
      'an empty repository parameter',
      { repoUrlParamKeys: [''] },
      'coder.workspaces.repoUrlParamKeys.0',
      /must not contain empty names/,
    ],
    [
      'an object as repository parameter',
      { repoUrlParamKeys: [{ key: 'repo' }] },
      'coder.workspaces.repoUrlParamKeys.0',
      /must list parameter names/,
    ],
    [
      'params as text',
      { params: 'region=eu' },
      'coder.workspaces.params',
      /must map parameter names to text values/,
    ],
    [
      'params as a list',
      { params: ['eu'] },
      'coder.workspaces.params',
      /must map parameter names to text values/,
    ],
    [
      'a number as a param value',
      { params: { cpu: 4 } },
      'coder.workspaces.params.cpu',
      /must map names to text values/,
    ],
    [
      'a nested object as a param value',
      { params: { region: { eu: true } } },
      'coder.workspaces.params.region',
      /must map names to text values/,
    ],
  ])('reports %s at its key', async (_, workspaces, key, problem) => {
    await renderWith({ appConfig: { deployment, workspaces } });
    await expectConfigMessage(key, problem);
  });

  it('names the prop itself when it is not an object', async () => {
    await renderWith({ appConfig: TEST_ACCESS_URL });
    await expectConfigMessage(
      'the appConfig prop',
      /must be an object of settings, got a string/,
    );
  });

  it('shows the message instead of the link form around wrapped content', async () => {
    await renderWith(
      { appConfig: { deployment: { accessUrl: SCRIPT_URL } } },
      <CoderAuthWrapper type="card">
        <p>secret content</p>
      </CoderAuthWrapper>,
    );
    await expectConfigMessage(
      'coder.deployment.accessUrl',
      /must be an http\(s\) URL/,
    );
    expect(screen.queryByText('secret content')).not.toBeInTheDocument();
    expect(
      screen.queryByLabelText(/coder session token/i),
    ).not.toBeInTheDocument();
    expect(screen.queryAllByRole('link')).toEqual([]);
  });
});

describe('CoderProvider, given hostile app-config values', () => {
  it.each([
    [
      'coder as text',
      { coder: TEST_ACCESS_URL },
      'coder',
      /must be an object of settings, got a string/,
    ],
    [
      'coder as a list',
      { coder: [TEST_ACCESS_URL] },
      'coder',
      /must be an object of settings, got a list/,
    ],
    [
      'no coder section',
      {},
      'coder.deployment.accessUrl',
      /is missing: set coder\.deployment\.accessUrl/,
    ],
    [
      'a javascript: access URL',
      { coder: { deployment: { accessUrl: SCRIPT_URL } } },
      'coder.deployment.accessUrl',
      /must be an http\(s\) URL/,
    ],
    [
      'an empty access URL',
      { coder: { deployment: { accessUrl: '' } } },
      'coder.deployment.accessUrl',
      /must be a URL/,
    ],
    [
      'workspaces as text',
      { coder: { deployment, workspaces: 'auto' } },
      'coder.workspaces',
      /must be an object of settings, got a string/,
    ],
  ])('names the key for %s', async (_, config, key, problem) => {
    const { requests } = await renderWith({ config });
    await expectConfigMessage(key, problem);
    expect(requests).toEqual([]);
  });

  it('lets a valid prop repair a broken app-config value key by key', async () => {
    await renderWith({
      config: { coder: { deployment: { accessUrl: SCRIPT_URL } } },
      appConfig: { deployment },
    });
    expect(
      await screen.findByLabelText(/coder session token/i),
    ).toBeInTheDocument();
    expect(
      screen.queryByText('Coder is not configured'),
    ).not.toBeInTheDocument();
  });
});
