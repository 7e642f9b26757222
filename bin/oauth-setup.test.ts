/** @jest-environment node */
/*
 * Behaviour tests for `backstage-plugin-coder oauth-setup`: the real command,
 * spawned as a child process (exactly as `npx` runs it), against the fake
 * Coder with its OAuth2 provider. Every run is also checked for leaked
 * secrets: the admin token must never appear, and failing runs must not show
 * the client secret either.
 */
import { spawn } from 'node:child_process';
import path from 'node:path';
import { startFakeCoder } from '../dev/fake-coder/server';
import type { OAuth2Options } from '../dev/fake-coder/oauth2/settings';

type FakeCoder = Awaited<ReturnType<typeof startFakeCoder>>;

const CLI = path.resolve(__dirname, 'coder-backstage.mjs');
const ADMIN_TOKEN = 'admin00001-fakeCoderAdminSecret01';
const MEMBER_TOKEN = 'demo000001-fakeCoderDemoSecret001';
// Not the fake's seeded dev app callback (http://localhost:3000/…), so the
// setup registers a new client unless a test reuses one on purpose.
const REDIRECT_URI = 'https://backstage.example.com/coder/oauth/callback';

jest.setTimeout(30_000);

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
  output: string;
}

/** Runs the command with only the given environment (never the developer's CODER_*). */
function spawnCli(args: string[], env: Record<string, string>): Promise<Run> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [CLI, 'oauth-setup', ...args], {
      env: { PATH: process.env.PATH ?? '', ...env },
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', chunk => {
      stdout += chunk;
    });
    child.stderr.on('data', chunk => {
      stderr += chunk;
    });
    child.on('error', reject);
    child.on('close', code => {
      resolve({ code, stdout, stderr, output: stdout + stderr });
    });
  });
}

async function cli(args: string[], env: Record<string, string> = {}) {
  const run = await spawnCli(args, env);
  // Whatever happened, the admin token never reaches the terminal.
  expect(run.output).not.toContain(ADMIN_TOKEN);
  return run;
}

const asAdmin = { CODER_SESSION_TOKEN: ADMIN_TOKEN };

/** A fake with the oauth2 experiment on and DCR off unless a test says otherwise. */
async function startFake(oauth2: OAuth2Options) {
  return startFakeCoder({
    port: 0,
    quiet: true,
    buildStepMs: 0,
    oauth2: { experiment: true, dcrEnabled: false, ...oauth2 },
  });
}

async function apps(server: FakeCoder): Promise<Array<Record<string, string>>> {
  const response = await fetch(`${server.url}/api/v2/oauth2-provider/apps`, {
    headers: { 'Coder-Session-Token': ADMIN_TOKEN },
  });
  expect(response.status).toBe(200);
  return response.json();
}

async function fakeAdmin(
  server: FakeCoder,
  method: string,
  adminPath: string,
  body: unknown,
) {
  const response = await fetch(`${server.url}${adminPath}`, {
    method,
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify(body),
  });
  expect(response.ok).toBe(true);
}

function setupArgs(server: FakeCoder, ...extra: string[]) {
  return ['--url', server.url, '--redirect-uri', REDIRECT_URI, ...extra];
}

/** The credentials line of the setup output, decoded. */
function credentialsFrom(stdout: string) {
  const match = stdout.match(/^CODER_OAUTH_CLIENT_CREDENTIALS=(\S+)$/m);
  expect(match).not.toBeNull();
  const encoded = match![1];
  const [clientId, clientSecret] = Buffer.from(encoded, 'base64')
    .toString('utf8')
    .split(':');
  return { encoded, clientId, clientSecret };
}

async function setUp(server: FakeCoder) {
  const run = await cli(setupArgs(server, '--json'), asAdmin);
  expect(run.code).toBe(0);
  const result = JSON.parse(run.stdout);
  return {
    clientId: result.clientId as string,
    clientSecret: result.clientSecret as string,
    encoded: result.env.CODER_OAUTH_CLIENT_CREDENTIALS as string,
  };
}

function expectNoSecret(run: Run, ...secrets: string[]) {
  for (const secret of secrets) expect(run.output).not.toContain(secret);
}

let fake: FakeCoder | undefined;
afterEach(async () => {
  await fake?.close();
  fake = undefined;
});

describe('setup', () => {
  it('registers by dynamic client registration and prints config, secret and the check command', async () => {
    fake = await startFake({ dcrEnabled: true });
    const run = await cli(setupArgs(fake), asAdmin);

    expect(run.code).toBe(0);
    expect(run.stderr).toMatch(/✓ Coder reachable: Coder v\S+ at /);
    expect(run.stderr).toContain('✓ Admin token: signed in as admin (Owner)');
    expect(run.stderr).toContain('✓ oauth2 experiment:');
    expect(run.stderr).toContain('dynamic client registration on');
    expect(run.stderr).toMatch(
      /✓ Client registration: registered "Backstage" by dynamic client registration \(RFC 7591\)/,
    );

    const { clientId, clientSecret } = credentialsFrom(run.stdout);
    expect(clientSecret.length).toBeGreaterThan(0);
    expect(run.stdout).toContain(
      [
        'coder:',
        '  deployment:',
        `    accessUrl: ${fake.url}`,
        '  oauth:',
        `    clientId: ${clientId}`,
        '    # redirectUri defaults to ${app.baseUrl}/coder/oauth/callback',
        'proxy:',
        '  endpoints:',
        '    /coder-oauth:',
        `      target: ${fake.url}/oauth2`,
        '      changeOrigin: true',
        '      credentials: require',
        "      allowedMethods: ['POST']",
        '      headers:',
        '        Authorization: Basic ${CODER_OAUTH_CLIENT_CREDENTIALS}',
      ].join('\n'),
    );
    expect(run.stdout).toContain("backend's secret store");
    expect(run.stdout).toContain(
      `npx @coder/backstage-plugin-coder oauth-setup --check --url ${fake.url} --redirect-uri ${REDIRECT_URI} --client-id ${clientId}`,
    );

    const registered = (await apps(fake)).filter(app => app.id === clientId);
    expect(registered).toHaveLength(1);
    expect(registered[0].callback_url).toBe(REDIRECT_URI);
  });

  it('creates an app and a secret with the management API when dynamic registration is off', async () => {
    fake = await startFake({ dcrEnabled: false });
    const run = await cli(
      setupArgs(fake, '--app-name', 'backstage-test'),
      asAdmin,
    );

    expect(run.code).toBe(0);
    expect(run.stderr).toContain('dynamic client registration off');
    expect(run.stderr).toMatch(
      /✓ Client registration: created app "backstage-test" \(\S+\) for .* with the management API/,
    );
    const { clientId } = credentialsFrom(run.stdout);
    const registered = (await apps(fake)).filter(app => app.id === clientId);
    expect(registered).toEqual([
      expect.objectContaining({
        name: 'backstage-test',
        callback_url: REDIRECT_URI,
      }),
    ]);
  });

  it('reuses the app already registered for the same callback URL, with a new secret', async () => {
    fake = await startFake({ dcrEnabled: false });
    const first = await setUp(fake);
    const run = await cli(setupArgs(fake), asAdmin);

    expect(run.code).toBe(0);
    expect(run.stderr).toContain(
      `reused existing app "Backstage" (${first.clientId}) registered for ${REDIRECT_URI}`,
    );
    expect(run.stderr).toContain('created a new client secret');
    const second = credentialsFrom(run.stdout);
    expect(second.clientId).toBe(first.clientId);
    expect(second.clientSecret).not.toBe(first.clientSecret);
    const forCallback = (await apps(fake)).filter(
      app => app.callback_url === REDIRECT_URI,
    );
    expect(forCallback).toHaveLength(1);
  });

  it('reuses an app it did not create, such as one made in the dashboard', async () => {
    // The fake seeds "Backstage (dev)" with this callback URL at start-up.
    fake = await startFake({ dcrEnabled: true, callbackUrl: REDIRECT_URI });
    const [seeded] = (await apps(fake)).filter(
      app => app.callback_url === REDIRECT_URI,
    );
    const run = await cli(setupArgs(fake), asAdmin);

    expect(run.code).toBe(0);
    expect(run.stderr).toContain(
      `✓ Client registration: reused existing app "${seeded.name}" (${seeded.id})`,
    );
    expect(credentialsFrom(run.stdout).clientId).toBe(seeded.id);
  });

  it('prints one JSON object with --json', async () => {
    fake = await startFake({ dcrEnabled: true });
    const run = await cli(setupArgs(fake, '--json'), asAdmin);

    expect(run.code).toBe(0);
    expect(run.stderr).toBe('');
    const result = JSON.parse(run.stdout);
    expect(result).toMatchObject({
      ok: true,
      accessUrl: fake.url,
      redirectUri: REDIRECT_URI,
      registration: 'dynamic',
    });
    expect(
      Buffer.from(
        result.env.CODER_OAUTH_CLIENT_CREDENTIALS,
        'base64',
      ).toString(),
    ).toBe(`${result.clientId}:${result.clientSecret}`);
    expect(result.appConfig).toContain(`clientId: ${result.clientId}`);
    expect(result.steps.map((step: { status: string }) => step.status)).toEqual(
      Array(5).fill('passed'),
    );
  });
});

describe('--check', () => {
  it.each([
    ['dynamic registration', true],
    ['the management API', false],
  ])(
    'completes the authorization-code + PKCE round trip (client from %s)',
    async (_, dcrEnabled) => {
      fake = await startFake({ dcrEnabled });
      const client = await setUp(fake);
      const run = await cli(setupArgs(fake, '--check'), {
        ...asAdmin,
        CODER_OAUTH_CLIENT_CREDENTIALS: client.encoded,
      });

      expect(run.stderr).toBe('');
      expect(run.code).toBe(0);
      const lines = run.stdout.split('\n').filter(line => /^[✓✗-] /.test(line));
      expect(lines.map(line => line.replace(/:.*$/, ''))).toEqual([
        '✓ [1/8] Discovery',
        '✓ [2/8] Authorize URL',
        '✓ [3/8] Authorize as the admin',
        '✓ [4/8] Code exchange',
        '✓ [5/8] Access token',
        '✓ [6/8] Refresh (rotation)',
        '✓ [7/8] Revoke',
        '✓ [8/8] Revoked tokens refused',
      ]);
      for (const line of lines) expect(line).toMatch(/\(\d+(\.\d)? m?s\)$/);
      expect(run.stdout).toContain('state matches');
      expect(run.stdout).toContain('the old refresh token is now refused');
      expect(run.stdout).toContain('access token → 401');
      expect(run.stdout).toContain('All 8 steps passed');
      // The report names endpoints and statuses, never credentials or tokens.
      expectNoSecret(run, client.clientSecret, client.encoded);
      expect(run.stdout).not.toMatch(/coder_[A-Za-z0-9]{6,}_[A-Za-z0-9]{20,}/);
    },
  );

  it('takes --client-id and --client-secret instead of the environment variable', async () => {
    fake = await startFake({ dcrEnabled: true });
    const client = await setUp(fake);
    const run = await cli(
      setupArgs(
        fake,
        '--check',
        '--json',
        '--client-id',
        client.clientId,
        '--client-secret',
        client.clientSecret,
      ),
      asAdmin,
    );

    expect(run.code).toBe(0);
    const result = JSON.parse(run.stdout);
    expect(result.ok).toBe(true);
    expect(result.steps).toHaveLength(8);
    expectNoSecret(run, client.clientSecret);
  });
});

describe('failures', () => {
  it('names the URL when Coder is unreachable', async () => {
    const closed = await startFake({});
    const url = closed.url;
    await closed.close();
    const run = await cli(
      ['--url', url, '--redirect-uri', REDIRECT_URI],
      asAdmin,
    );

    expect(run.code).toBe(1);
    expect(run.stderr).toContain(
      `✗ Coder reachable: Could not reach Coder at ${url}`,
    );
    expect(run.stderr).toContain('ECONNREFUSED');
  });

  it('explains how to turn the oauth2 experiment on, quoting Coder', async () => {
    fake = await startFake({ experiment: false });
    const run = await cli(setupArgs(fake), asAdmin);

    expect(run.code).toBe(1);
    expect(run.stderr).toContain(
      "✗ oauth2 experiment: Coder's OAuth2 provider is off (HTTP 403:",
    );
    expect(run.stderr).toContain(
      "OAuth2 Provider Functionality functionality requires enabling the 'oauth2' experiment.",
    );
    expect(run.stderr).toContain('CODER_EXPERIMENTS=oauth2');
    expect(run.stdout).toBe('');
  });

  it('reports the experiment being switched off before --check', async () => {
    fake = await startFake({ dcrEnabled: true });
    const client = await setUp(fake);
    await fakeAdmin(fake, 'POST', '/__fake/oauth2', { experiment: false });
    const run = await cli(setupArgs(fake, '--check'), {
      ...asAdmin,
      CODER_OAUTH_CLIENT_CREDENTIALS: client.encoded,
    });

    expect(run.code).toBe(1);
    expect(run.stdout).toContain(
      "✗ [1/8] Discovery: Coder's OAuth2 provider is off (HTTP 403:",
    );
    expect(run.stdout).toContain('CODER_EXPERIMENTS=oauth2');
    expect(run.stdout).toContain('- [8/8] Revoked tokens refused: skipped');
    expectNoSecret(run, client.clientSecret, client.encoded);
  });

  it('rejects a bad admin token with Coder’s 401, from the environment or --token', async () => {
    fake = await startFake({});
    const badToken = 'zzzzzzzzzz-notTheAdminSecretAtAll00';
    for (const [args, env] of [
      [setupArgs(fake), { CODER_SESSION_TOKEN: badToken }],
      [setupArgs(fake, '--token', badToken), {}],
    ] as const) {
      const run = await cli([...args], env);
      expect(run.code).toBe(1);
      expect(run.stderr).toContain(
        '✗ Admin token: Coder rejected the admin token (HTTP 401:',
      );
      expect(run.stderr).toContain('CODER_SESSION_TOKEN');
      expectNoSecret(run, badToken);
    }
  });

  it('refuses a member token: the management API needs an Owner', async () => {
    fake = await startFake({});
    const run = await cli(setupArgs(fake), {
      CODER_SESSION_TOKEN: MEMBER_TOKEN,
    });

    expect(run.code).toBe(1);
    expect(run.stderr).toContain('✗ Admin token: demo is not an Owner');
    expect(run.stderr).toContain('Owner role');
    expectNoSecret(run, MEMBER_TOKEN);
    expect(
      (await apps(fake)).filter(app => app.callback_url === REDIRECT_URI),
    ).toEqual([]);
  });

  it('says when dynamic registration is off and the management API refused too', async () => {
    fake = await startFake({ dcrEnabled: false });
    await fakeAdmin(fake, 'PUT', '/__fake/faults', {
      status500: true,
      pathPrefix: '/api/v2/oauth2-provider/apps',
    });
    const run = await cli(setupArgs(fake), asAdmin);

    expect(run.code).toBe(1);
    expect(run.stderr).toContain(
      '✗ Client registration: Dynamic client registration is disabled on this deployment',
    );
    expect(run.stderr).toContain(
      'the management API refused to create an app: HTTP 500',
    );
    expect(run.stderr).toContain('dynamic_client_registration_enabled');
    expect(run.stdout).toBe('');
  });

  it('says the registered callback must equal the redirect URI exactly', async () => {
    fake = await startFake({ dcrEnabled: true });
    const client = await setUp(fake);
    const run = await cli(
      [
        '--check',
        '--url',
        fake.url,
        '--redirect-uri',
        'https://backstage.example.com/wrong/callback',
      ],
      { ...asAdmin, CODER_OAUTH_CLIENT_CREDENTIALS: client.encoded },
    );

    expect(run.code).toBe(1);
    expect(run.stdout).toContain(
      '✗ [3/8] Authorize as the admin: Coder rejected the redirect URI https://backstage.example.com/wrong/callback',
    );
    expect(run.stdout).toContain(
      "The app's registered callback URL must equal exactly the redirect URI given (--redirect-uri)",
    );
    expect(run.stdout).toContain(`Registered callback URL: ${REDIRECT_URI}`);
    expect(run.stdout).toContain('- [4/8] Code exchange: skipped');
    expectNoSecret(run, client.clientSecret, client.encoded);
  });

  it('reports a bad client secret as invalid_client from the token endpoint', async () => {
    fake = await startFake({ dcrEnabled: false });
    const client = await setUp(fake);
    const wrongSecret = `coder_abcdefghij_${'x'.repeat(40)}`;
    const wrong = Buffer.from(`${client.clientId}:${wrongSecret}`).toString(
      'base64',
    );
    const run = await cli(setupArgs(fake, '--check'), {
      ...asAdmin,
      CODER_OAUTH_CLIENT_CREDENTIALS: wrong,
    });

    expect(run.code).toBe(1);
    expect(run.stdout).toContain('✓ [3/8] Authorize as the admin');
    expect(run.stdout).toContain(
      '✗ [4/8] Code exchange: The token endpoint rejected the client credentials (HTTP 401: invalid_client',
    );
    expect(run.stdout).toContain('Re-run the setup without --check');
    expectNoSecret(run, wrongSecret, wrong, client.clientSecret);
  });

  it('keeps the admin token and client secret out of every failure, text or --json', async () => {
    fake = await startFake({ dcrEnabled: true });
    const client = await setUp(fake);
    const wrongSecret = `coder_zyxwvutsrq_${'y'.repeat(40)}`;
    const failures = [
      // wrong redirect URI, secret from the flag
      [
        '--check',
        '--url',
        fake.url,
        '--redirect-uri',
        `${REDIRECT_URI}/other`,
        '--client-id',
        client.clientId,
        '--client-secret',
        client.clientSecret,
      ],
      // bad secret, from the flag
      [
        ...setupArgs(fake, '--check'),
        '--client-id',
        client.clientId,
        '--client-secret',
        wrongSecret,
      ],
      // unknown client id with the real secret
      [
        ...setupArgs(fake, '--check'),
        '--client-id',
        'c0de0000-0000-4000-8000-00000000dead',
        '--client-secret',
        client.clientSecret,
      ],
    ];
    for (const args of failures) {
      for (const json of [[], ['--json']]) {
        const run = await cli([...args, ...json], asAdmin);
        expect(run.code).toBe(1);
        expectNoSecret(
          run,
          client.clientSecret,
          client.encoded,
          wrongSecret,
          Buffer.from(`${client.clientId}:${wrongSecret}`).toString('base64'),
        );
      }
    }
  });

  it('exits 2 with usage help for a bad command line, without echoing secrets', async () => {
    const run = await cli(
      [
        '--url',
        'http://localhost:1',
        '--client-secret',
        'coder_s3cr3tvalue_abc',
      ],
      asAdmin,
    );
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('--redirect-uri is required');
    expectNoSecret(run, 'coder_s3cr3tvalue_abc');
  });
});
