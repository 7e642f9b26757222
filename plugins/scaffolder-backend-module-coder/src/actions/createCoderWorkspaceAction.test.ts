import { ConfigReader } from '@backstage/config';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import {
  mockActionContext,
  MockActionContext,
  MockActionContextOptions,
} from '../testUtils/mockActionContext';
import { startTestCoder, TestCoder } from '../testUtils/testCoder';
import { createCoderWorkspaceAction } from './createCoderWorkspaceAction';

type Input = {
  templateName: string;
  name: string;
  organization?: string;
  parameters?: Record<string, string>;
  repoUrl?: string;
  repoUrlParameters?: string[];
  waitUntilRunning?: boolean;
  timeoutSeconds?: number;
  token?: string;
};

const REPO = 'https://github.com/acme/new-service';
const CREATE = 'POST /api/v2/users/me/workspaces';

let coder: TestCoder;

beforeEach(async () => {
  coder = await startTestCoder();
});

afterEach(async () => {
  await coder.close();
});

function context(
  input: Input,
  options: Partial<MockActionContextOptions<Input>> = {},
): MockActionContext<Input> {
  return mockActionContext<Input>({
    input,
    secrets: { CODER_SESSION_TOKEN: coder.fake.tokens.demo },
    ...options,
  });
}

async function run(
  ctx: MockActionContext<Input>,
  config = coder.config,
): Promise<void> {
  const action = createCoderWorkspaceAction({ config, pollIntervalMs: 10 });
  await action.handler(ctx as any);
}

async function failure(
  ctx: MockActionContext<Input>,
  config = coder.config,
): Promise<Error> {
  try {
    await run(ctx, config);
  } catch (error) {
    return error as Error;
  }
  throw new Error('the action did not fail');
}

async function requestLines(): Promise<string[]> {
  return (await coder.requests()).map(
    request => `${request.method} ${request.url.split('?')[0]}`,
  );
}

const devcontainer = (name: string, extra: Partial<Input> = {}): Input => ({
  templateName: 'devcontainers',
  name,
  repoUrl: REPO,
  ...extra,
});

describe('coder:workspace:create', () => {
  it('creates the workspace as the token owner and waits until Coder reports it running', async () => {
    const ctx = context(devcontainer('new-service'));
    await run(ctx);

    expect(ctx.outputs).toEqual({
      workspaceId: expect.stringMatching(/^[0-9a-f-]{36}$/),
      workspaceName: 'new-service',
      ownerName: 'demo',
      workspaceUrl: `${coder.url}/@demo/new-service`,
      status: 'running',
      templateName: 'devcontainers',
    });
    const workspace = await coder.get(
      `/api/v2/workspaces/${ctx.outputs.workspaceId}`,
    );
    expect(workspace.body.owner_name).toBe('demo');
    expect(workspace.body.latest_build.status).toBe('running');
    const info = ctx.logged.filter(line => line.level === 'info');
    expect(info.map(line => line.message)).toEqual(
      expect.arrayContaining([
        expect.stringMatching(
          /^Creating workspace demo\/new-service from template devcontainers/,
        ),
        'Workspace demo/new-service is running',
      ]),
    );
  });

  it('puts repoUrl in the repo_url parameter and passes the other parameters', async () => {
    const ctx = context(
      devcontainer('with-repo', { parameters: { region: 'ap-sydney' } }),
    );
    await run(ctx);

    const workspace = await coder.get(
      `/api/v2/workspaces/${ctx.outputs.workspaceId}`,
    );
    const parameters = await coder.get(
      `/api/v2/workspacebuilds/${workspace.body.latest_build.id}/parameters`,
    );
    expect(parameters.body).toEqual(
      expect.arrayContaining([
        { name: 'repo_url', value: REPO },
        { name: 'region', value: 'ap-sydney' },
      ]),
    );
  });

  it('ignores repoUrl, with a warning, when the template has none of the repoUrlParameters', async () => {
    const ctx = context({
      templateName: 'docker',
      name: 'plain-docker',
      repoUrl: REPO,
    });
    await run(ctx);

    expect(ctx.outputs.status).toBe('running');
    expect(ctx.logged).toContainEqual(
      expect.objectContaining({
        level: 'warn',
        message: expect.stringContaining('repoUrl is not used'),
      }),
    );
    const create = (await coder.requests()).find(
      request => `${request.method} ${request.url}` === CREATE,
    );
    expect(JSON.parse(create?.body ?? '{}').rich_parameter_values).toEqual([]);
  });

  it('returns right after the create without waiting when waitUntilRunning is false', async () => {
    await coder.close();
    coder = await startTestCoder({ buildStepMs: 60_000 });
    const ctx = context(devcontainer('no-wait', { waitUntilRunning: false }));
    await run(ctx);

    expect(ctx.outputs.status).toBe('pending');
    expect(ctx.outputs.workspaceName).toBe('no-wait');
    const lines = await requestLines();
    expect(
      lines.filter(line => line.startsWith('GET /api/v2/workspaces/')),
    ).toHaveLength(1);
  });

  it('fails at the timeout saying the workspace exists, where, and its last status', async () => {
    await coder.close();
    coder = await startTestCoder({ buildStepMs: 60_000 });
    const ctx = context(devcontainer('slow-one', { timeoutSeconds: 0.2 }));
    const error = await failure(ctx);

    expect(error.message).toBe(
      `Workspace demo/slow-one exists but was not running after 0 s (last status: pending). See ${coder.url}/@demo/slow-one`,
    );
  });

  it('fails with the build error when Coder reports the build failed', async () => {
    await coder.setFaults({ failBuilds: 1 });
    const error = await failure(context(devcontainer('doomed')));

    expect(error.message).toBe(
      `The build of workspace demo/doomed ended failed: terraform apply: exit status 1: Error: fake-coder: injected build failure. The workspace exists; see ${coder.url}/@demo/doomed`,
    );
  });

  it('keeps waiting through a passing 500 from Coder while polling', async () => {
    await coder.setFaults({
      status500: 1,
      pathPrefix: '/api/v2/workspaces/',
    });
    const ctx = context(devcontainer('bumpy'));
    await run(ctx);

    expect(ctx.outputs.status).toBe('running');
    expect(ctx.logged).toContainEqual(
      expect.objectContaining({
        level: 'warn',
        message: expect.stringContaining(
          'Could not read workspace demo/bumpy, trying again: Coder refused to read the workspace: An internal server error occurred.',
        ),
      }),
    );
  });

  it("reports Coder's own parameter validation with the field and Coder's detail", async () => {
    // The dotfiles_uri regex is checked by Coder (dynamic parameter flow), not by the action.
    const error = await failure(
      context(
        devcontainer('bad-dotfiles', {
          parameters: { dotfiles_uri: 'http://insecure.example.com' },
        }),
      ),
    );

    expect(error.message).toMatch(
      /^Coder refused the workspace: Unable to validate parameters \(dotfiles_uri: .+\)$/,
    );
    expect(error.message).toContain(
      'The dotfiles URL must start with https://',
    );
  });

  it("reports a classic-flow template's parameter error with Coder's detail", async () => {
    const error = await failure(
      context({
        templateName: 'docker',
        name: 'huge-volume',
        parameters: { home_volume_gb: '500' },
      }),
    );

    expect(error.message).toMatch(
      /^Coder refused the workspace: Unable to validate parameter "home_volume_gb": parameter validation failed\s+can't validate build parameter "Home volume \(GB\)": value 500 is more than the maximum 100$/,
    );
  });

  it('says the name is taken (409) and asks for another', async () => {
    const error = await failure(context(devcontainer('web-app-main')));

    expect(error.name).toBe('ConflictError');
    expect(error.message).toBe(
      'A workspace named "web-app-main" already exists for demo. Choose another name.',
    );
  });

  it('refuses a name Coder would refuse, before sending anything', async () => {
    const error = await failure(context(devcontainer('my_workspace')));

    expect(error.name).toBe('InputError');
    expect(error.message).toBe(
      '"my_workspace" is not a valid Coder workspace name: it may contain only letters, digits and single hyphens between them (no leading, trailing or double hyphens).',
    );
    expect(await requestLines()).toEqual([]);
  });

  it('says Coder could not be reached, naming the URL', async () => {
    const closed = await closedPortUrl();
    const error = await failure(
      context(devcontainer('offline')),
      new ConfigReader({ coder: { deployment: { accessUrl: closed } } }),
    );

    expect(error.message).toMatch(
      new RegExp(`^Could not reach Coder at ${closed}: .*ECONNREFUSED`),
    );
  });

  it('calls Coder at coder.scaffolder.apiUrl and links to the access URL', async () => {
    const ctx = context(devcontainer('split-urls'));
    await run(
      ctx,
      new ConfigReader({
        coder: {
          deployment: { accessUrl: 'https://coder.example.com' },
          scaffolder: { apiUrl: coder.url },
        },
      }),
    );

    expect(ctx.outputs.workspaceUrl).toBe(
      'https://coder.example.com/@demo/split-urls',
    );
  });

  it('names the missing config key when coder.deployment.accessUrl is not set', async () => {
    const error = await failure(
      context(devcontainer('no-config')),
      new ConfigReader({}),
    );

    expect(error.message).toContain('"coder.deployment.accessUrl"');
  });

  it('tells the user to re-link Coder when Coder refuses the token (401)', async () => {
    const error = await failure(
      context(devcontainer('bad-token'), {
        secrets: { CODER_SESSION_TOKEN: 'abcdefghij-notTheSecretOfAnyUser1' },
      }),
    );

    expect(error.name).toBe('AuthenticationError');
    expect(error.message).toBe(
      'Coder refused the Coder token (You are signed out or your session has expired. Please sign in again to continue. API key is invalid.). Re-link Coder in Backstage (the Coder field of this template) and run the template again.',
    );
  });

  it('explains where the token comes from when there is none', async () => {
    const error = await failure(
      context(devcontainer('no-token'), { secrets: {} }),
    );

    expect(error.name).toBe('InputError');
    expect(error.message).toBe(
      "No Coder token: use the CoderWorkspaceTemplate field in the template's parameters (it puts the user's Coder token in the task secret CODER_SESSION_TOKEN), or pass the action's \"token\" input.",
    );
    expect(await requestLines()).toEqual([]);
  });

  it('uses the token input over the task secret', async () => {
    const ctx = context(
      devcontainer('as-alice', { token: coder.fake.tokens.alice }),
    );
    await run(ctx);

    expect(ctx.outputs.ownerName).toBe('alice');
  });

  it('never puts the token in a log line, an error or an output', async () => {
    const token = coder.fake.tokens.demo;
    const secretPart = token.split('-')[1];
    const seen: string[] = [];
    const collect = (ctx: MockActionContext<Input>, error?: Error) => {
      for (const line of ctx.logged)
        seen.push(line.message, JSON.stringify(line.meta ?? null));
      seen.push(JSON.stringify(ctx.outputs));
      if (error) seen.push(error.message, error.stack ?? '');
    };

    const ok = context(devcontainer('secret-keeper'));
    await run(ok);
    collect(ok);
    for (const input of [
      devcontainer('secret-keeper'),
      devcontainer('bad-dotfiles', {
        parameters: { dotfiles_uri: 'ftp://x' },
      }),
      { ...devcontainer('x'), templateName: 'nope' },
    ]) {
      const ctx = context(input);
      collect(ctx, await failure(ctx));
    }
    const unreachable = context(devcontainer('away'));
    collect(
      unreachable,
      await failure(
        unreachable,
        new ConfigReader({
          coder: { deployment: { accessUrl: await closedPortUrl() } },
        }),
      ),
    );
    const refused = context(devcontainer('refused'), {
      secrets: { CODER_SESSION_TOKEN: 'abcdefghij-notTheSecretOfAnyUser1' },
    });
    collect(refused, await failure(refused));

    expect(seen.length).toBeGreaterThan(10);
    for (const text of seen) {
      expect(text).not.toContain(secretPart);
      expect(text).not.toContain('notTheSecretOfAnyUser1');
    }
  });

  it('creates once when a retried task runs the step again (checkpoint)', async () => {
    const checkpoints = new Map<string, unknown>();
    const first = context(devcontainer('retried'), { checkpoints });
    await run(first);
    const second = context(devcontainer('retried'), { checkpoints });
    await run(second);

    expect(second.outputs).toEqual(first.outputs);
    expect((await requestLines()).filter(line => line === CREATE)).toHaveLength(
      1,
    );
  });

  it('in a dry run resolves the template and parameters but creates nothing', async () => {
    const ctx = context(devcontainer('just-looking'), { isDryRun: true });
    await run(ctx);

    expect(ctx.outputs).toEqual({
      workspaceId: 'dry-run',
      workspaceName: 'just-looking',
      ownerName: 'demo',
      workspaceUrl: `${coder.url}/@demo/just-looking`,
      status: 'dry-run',
      templateName: 'devcontainers',
    });
    const lines = await requestLines();
    expect(lines).toContain(
      'GET /api/v2/templateversions/c0de0003-0000-4000-8000-000000000002/rich-parameters',
    );
    expect(lines.filter(line => line.startsWith('POST'))).toEqual([]);
    const lookup = await coder.get('/api/v2/users/demo/workspace/just-looking');
    expect(lookup.status).toBe(404);
  });

  it('in a dry run warns about a parameter the template does not list', async () => {
    const ctx = context(
      devcontainer('typo', { parameters: { regoin: 'eu' } }),
      {
        isDryRun: true,
      },
    );
    await run(ctx);

    expect(ctx.logged).toContainEqual({
      level: 'warn',
      message:
        'Template devcontainers does not list the parameters "regoin" (it lists "repo_url", "region", "cpu", "enable_docker", "dotfiles_uri", "disk_size", "tags"); Coder will ignore them unless the template defines them dynamically.',
      meta: undefined,
    });
  });

  it('treats an empty repoUrl, as an absent form value renders, as no repoUrl', async () => {
    const error = await failure(
      context(devcontainer('empty-repo', { repoUrl: '' })),
    );

    // Coder itself then refuses the required repo_url; the action sent no empty value.
    expect(error.message).toMatch(
      /^Coder refused the workspace: Unable to validate parameters \(repo_url: /,
    );
    const create = (await coder.requests()).find(
      request => `${request.method} ${request.url}` === CREATE,
    );
    expect(JSON.parse(create?.body ?? '{}').rich_parameter_values).toEqual([]);
  });

  it('explains that a deprecated template cannot be used', async () => {
    const error = await failure(
      context({ templateName: 'legacy-vm', name: 'old-box' }),
    );

    expect(error.message).toBe(
      'Coder template "legacy-vm" is deprecated and cannot be used to create workspaces: Use the Dev Containers template instead.',
    );
  });

  it('says which template was not found and for whom', async () => {
    const error = await failure(
      context({ templateName: 'kubernetes', name: 'k8s' }),
    );

    expect(error.name).toBe('NotFoundError');
    expect(error.message).toBe(
      'No Coder template named "kubernetes" is visible to Coder user "demo". Check the name, and that this user may use the template.',
    );
  });

  it('looks the template up in the given organization', async () => {
    const ctx = context(devcontainer('in-org', { organization: 'coder' }));
    await run(ctx);
    expect(ctx.outputs.status).toBe('running');

    const error = await failure(
      context(devcontainer('elsewhere', { organization: 'other-org' })),
    );
    expect(error.message).toMatch(
      /^Coder refused to list templates: Invalid template search query\. \(organization: .*"other-org"/,
    );
  });

  it('stops waiting when the task is cancelled, saying the workspace exists', async () => {
    await coder.close();
    coder = await startTestCoder({ buildStepMs: 60_000 });
    const controller = new AbortController();
    const ctx = context(devcontainer('cancelled'), {
      signal: controller.signal,
    });
    const pending = failure(ctx);
    setTimeout(() => controller.abort(), 100);
    const error = await pending;

    expect(error.message).toBe(
      `Cancelled while waiting for workspace demo/cancelled (last status: pending). The workspace exists; see ${coder.url}/@demo/cancelled`,
    );
  });
});

/** A URL on which nothing listens: a port that was free a moment ago. */
async function closedPortUrl(): Promise<string> {
  const server = createServer();
  await new Promise<void>(resolve => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise<void>(resolve => server.close(() => resolve()));
  return `http://127.0.0.1:${port}`;
}
