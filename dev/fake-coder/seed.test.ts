/** @jest-environment node */
import { SEED_IDS, SEED_TOKENS } from './seed';
import { startFakeCoder } from './server';
import { call, startTestFake } from './testing';

describe('seed data', () => {
  it('uses fixed tokens and ids so docs and the dev app can name them', async () => {
    const fake = await startTestFake({ buildStepMs: 60_000 });
    try {
      expect(fake.demoToken).toBe('demo000001-fakeCoderDemoSecret001');
      expect(fake.tokens).toEqual(SEED_TOKENS);
      const main = await call(
        fake,
        '/api/v2/users/demo/workspace/web-app-main',
        { token: fake.demoToken },
      );
      expect(main.body.id).toBe('c0de0004-0000-4000-8000-000000000001');
      expect(main.body.template_id).toBe(SEED_IDS.templates.devcontainers);
      const templates = await call(fake, '/api/v2/templates', {
        token: fake.demoToken,
      });
      expect(
        templates.body.map((template: { name: string; icon: string }) => [
          template.name,
          template.icon,
        ]),
      ).toEqual([
        ['devcontainers', '/icon/devcontainers.svg'],
        ['docker', '/icon/docker.svg'],
      ]);
      const icon = await fetch(`${fake.url}/icon/docker.svg`);
      expect(icon.headers.get('content-type')).toBe('image/svg+xml');
      expect(icon.headers.get('cache-control')).toContain('max-age=31536000');
    } finally {
      await fake.close();
    }
  });

  it('publishes a new template version through the admin API, making workspaces outdated', async () => {
    const fake = await startTestFake({ buildStepMs: 60_000 });
    try {
      const created = await call(
        fake,
        '/__fake/templates/devcontainers/versions',
        { method: 'POST', body: {} },
      );
      expect(created.status).toBe(201);
      expect(created.body.name).toBe('v1.2.0');
      const template = await call(
        fake,
        `/api/v2/templates/${SEED_IDS.templates.devcontainers}`,
        { token: fake.demoToken },
      );
      expect(template.body.active_version_id).toBe(created.body.id);
      const outdated = await call(fake, '/api/v2/workspaces?q=outdated:true', {
        token: fake.demoToken,
      });
      expect(outdated.body.count).toBe(10);
      await call(fake, '/__fake/reset', { method: 'POST' });
      expect(
        (
          await call(fake, '/api/v2/workspaces?q=outdated:true', {
            token: fake.demoToken,
          })
        ).body.count,
      ).toBe(1);
    } finally {
      await fake.close();
    }
  });

  // How fast the fake seeds and answers is bench material (bigLists), not a unit test's:
  // a time limit here failed on a loaded machine.
  it('adds 5000 benchmark workspaces and still pages a filtered search', async () => {
    const fake = await startFakeCoder({
      port: 0,
      quiet: true,
      buildStepMs: 0,
      seedWorkspaces: 5000,
    });
    try {
      const query = encodeURIComponent(
        'owner:me param:"repo_url=https://github.com/acme/web-app" status:running',
      );
      const page = await call(fake, `/api/v2/workspaces?q=${query}&limit=25`, {
        token: fake.demoToken,
      });
      expect(page.body.workspaces).toHaveLength(25);
      expect(page.body.count).toBeGreaterThan(300);
      const seeded = await call(fake, '/__fake/seed', {
        method: 'POST',
        body: { count: 10 },
      });
      expect(seeded.body).toEqual({ added: 10, workspaces: 5025 });
      const named = await call(
        fake,
        '/api/v2/users/demo/workspace/bench-05010',
        { token: fake.demoToken },
      );
      expect(named.status).toBe(200);
    } finally {
      await fake.close();
    }
  });
});
