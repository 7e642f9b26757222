/** @jest-environment node */
import type { FakeCoder } from './server';
import { call, startTestFake } from './testing';

/*
 * `shared_with_group:` as coderd/searchquery parseGroup resolves it: every
 * organization has an `Everyone` group (its id is the organization's), names
 * match case-insensitively, and bad organization or group names fail with
 * codersdk's name-validation texts (wrapped the way xerrors prints them).
 */

let fake: FakeCoder;
beforeAll(async () => {
  fake = await startTestFake({ buildStepMs: 60_000 });
});
afterAll(() => fake.close());

const search = (query: string) =>
  call(fake, `/api/v2/workspaces?q=${encodeURIComponent(query)}`, {
    token: fake.demoToken,
  });

const groupProblem = (detail: string) => ({
  message: 'Invalid workspace search query.',
  validations: [
    {
      field: 'shared_with_group',
      detail: `Query param "shared_with_group" has invalid value: ${detail}`,
    },
  ],
});

describe('shared_with_group in a workspace search', () => {
  it.each(['everyone', 'coder/everyone', 'coder/Everyone', 'EVERYONE'])(
    'resolves %p to the Everyone group, which shares nothing in the fake',
    async query => {
      const response = await search(`shared_with_group:${query}`);
      expect(response.status).toBe(200);
      expect(response.body).toEqual({ workspaces: [], count: 0 });
    },
  );

  it('names the default organization for an unknown group without an organization', async () => {
    const response = await search('shared_with_group:devs');
    expect(response.status).toBe(400);
    expect(response.body).toEqual(
      groupProblem(
        'group "devs" either does not exist, does not belong to the organization "coder", or you are unauthorized to view it',
      ),
    );
  });

  it('refuses an empty organization name with the name validator, not a lookup', async () => {
    const response = await search('shared_with_group:/devs');
    expect(response.body).toEqual(
      groupProblem(
        'invalid organization name must be >= 1 character: must be >= 1 character',
      ),
    );
  });

  it('refuses a group name the group validator rejects', async () => {
    expect((await search('shared_with_group:coder/new')).body).toEqual(
      groupProblem(
        'invalid group name cannot use "new" as a name: cannot use "new" as a name',
      ),
    );
    expect((await search('shared_with_group:coder/')).body).toEqual(
      groupProblem(
        'invalid group name must be alphanumeric with hyphens: must be alphanumeric with hyphens',
      ),
    );
  });

  it('refuses an unknown organization by name', async () => {
    expect((await search('shared_with_group:acme/devs')).body).toEqual(
      groupProblem(
        'organization "acme" either does not exist, or you are unauthorized to view it',
      ),
    );
  });
});

describe('organization names in a workspace search', () => {
  it('has no `default` alias, unlike the {organization} path parameter', async () => {
    const response = await search('organization:default');
    expect(response.status).toBe(400);
    expect(response.body.validations).toEqual([
      {
        field: 'organization',
        detail:
          'Query param "organization" has invalid value: organization "default" either does not exist, or you are unauthorized to view it',
      },
    ]);
    expect((await search('organization:coder')).body.count).toBe(12);
  });
});
