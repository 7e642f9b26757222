import { createServer, Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { CoderBackendClient } from './CoderBackendClient';
import { resolveTemplate } from './resolveTemplate';

/**
 * The fake Coder has a single organization, so the one case it cannot produce, two
 * organizations with a template of the same name, is answered here by a server that
 * returns Coder's template list shape (codersdk.Template) for that case only.
 */
const template = (organization: string) => ({
  id: `${organization}-template-id`,
  name: 'devcontainers',
  organization_name: organization,
  active_version_id: `${organization}-version-id`,
  deprecated: false,
  deprecation_message: '',
});

let server: Server;
let url: string;
const queries: string[] = [];

beforeAll(async () => {
  server = createServer((request, response) => {
    const query = new URL(request.url ?? '/', 'http://x').searchParams.get('q');
    queries.push(query ?? '');
    const body = query?.includes('organization:')
      ? [template('platform')]
      : [template('platform'), template('data')];
    response.writeHead(200, { 'Content-Type': 'application/json' });
    response.end(JSON.stringify(body));
  });
  await new Promise<void>(resolve => server.listen(0, '127.0.0.1', resolve));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  await new Promise(resolve => server.close(resolve));
});

describe('resolveTemplate', () => {
  const client = () => new CoderBackendClient({ apiUrl: url, token: 't' });

  it('asks for the organization, listing them, when several have a template of that name', async () => {
    await expect(
      resolveTemplate(client(), { name: 'devcontainers', username: 'demo' }),
    ).rejects.toThrow(
      'Several Coder organizations have a template named "devcontainers": "platform", "data". Set the action\'s "organization" input to one of them.',
    );
  });

  it('searches within the organization when one is given', async () => {
    const found = await resolveTemplate(client(), {
      name: 'devcontainers',
      organization: 'platform',
      username: 'demo',
    });

    expect(found.organization_name).toBe('platform');
    expect(queries.at(-1)).toBe(
      'exact_name:devcontainers organization:platform',
    );
  });
});
