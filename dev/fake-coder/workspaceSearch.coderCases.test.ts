/** @jest-environment node */
import {
  compileWorkspaceFilter,
  parseWorkspaceQuery,
  searchLookups,
  sortWorkspaces,
} from './searchQuery';
import { SEED_IDS } from './seed';
import {
  addTemplate,
  addWorkspace,
  emptiedStore,
  stringParameter,
} from './storeFixtures';

/*
 * Cases of coder/coder coderd/workspaces_test.go (@c9a1e2bc) that need data
 * the seed does not have, restated on a hand-made store: the matching and the
 * order, without HTTP.
 */

const now = Date.UTC(2026, 7, 21, 12, 0, 0) * 1000;
const { alice, demo } = SEED_IDS.users;

describe('coderd/workspaces_test.go TestWorkspaceFilterManual/Params', () => {
  const store = emptiedStore(now);
  const names = ['one', 'two', 'three'];
  const withOptional = addTemplate(
    store,
    'params',
    [...names, 'optional'].map(stringParameter),
    now,
  );
  // Stands in for Coder's second version of the template, without `optional`.
  const withoutOptional = addTemplate(
    store,
    'params-next',
    names.map(stringParameter),
    now,
  );
  const values = (...pairs: Array<[string, string]>) =>
    pairs.map(([name, value]) => ({ name, value }));
  addWorkspace(
    store,
    {
      name: 'foo',
      ownerId: alice,
      ...withOptional,
      parameters: values(
        ['one', 'foo'],
        ['two', 'bar'],
        ['three', 'baz'],
        ['optional', 'optional'],
      ),
    },
    now,
  );
  addWorkspace(
    store,
    {
      name: 'bar',
      ownerId: alice,
      ...withOptional,
      parameters: values(
        ['one', 'bar'],
        ['two', 'bar'],
        ['three', 'baz'],
        ['optional', 'optional'],
      ),
    },
    now,
  );
  addWorkspace(
    store,
    {
      name: 'baz',
      ownerId: alice,
      ...withoutOptional,
      parameters: values(['one', 'unique'], ['two', 'baz'], ['three', 'baz']),
    },
    now,
  );

  function search(query: string): string[] {
    const { filter, errors } = parseWorkspaceQuery(
      query,
      searchLookups(store, alice),
    );
    expect(errors).toEqual([]);
    const matches = compileWorkspaceFilter(filter, store, now);
    return [...store.workspaces.values()]
      .filter(matches)
      .map(workspace => workspace.name)
      .sort();
  }

  it.each([
    // has_param: by name alone.
    ['param:one', ['bar', 'baz', 'foo']],
    ['param:optional', ['bar', 'foo']],
    ['param:not-a-param', []],
    // exact_param: name and value.
    ['param:three=baz', ['bar', 'baz', 'foo']],
    ['param:two=bar', ['bar', 'foo']],
    ['param:one=foo', ['foo']],
    // exact_param_and_has: a workspace matching ANY pair is found.
    [
      'param:not=athing param:optional=optional param:one=unique',
      ['bar', 'baz', 'foo'],
    ],
  ])('%s finds %j', (query, expected) => {
    expect(search(query)).toEqual(expected);
  });
});

describe('coderd/workspaces_test.go TestWorkspacesSortOrder', () => {
  // Alice stands for Coder's first user ("testuser"), demo for "zzz".
  const store = emptiedStore(now);
  const template = addTemplate(store, 'sorting', [], now);
  const add = (
    name: string,
    ownerId: string,
    transition: 'start' | 'stop',
    favorite = false,
  ) =>
    addWorkspace(
      store,
      { name, ownerId, ...template, transition, favorite },
      now,
    );
  add('c-workspace', alice, 'start');
  add('b-workspace', alice, 'stop');
  add('a-workspace', alice, 'start');
  add('d-workspace', demo, 'stop');
  add('e-workspace', demo, 'stop');
  add('f-workspace', alice, 'stop', true);

  const order = (requesterId: string) =>
    sortWorkspaces([...store.workspaces.values()], store, requesterId).map(
      workspace => workspace.name,
    );

  it("puts the requester's favourite first, then running ones, then owner and name", () => {
    expect(order(alice)).toEqual([
      'f-workspace',
      'a-workspace',
      'c-workspace',
      'b-workspace',
      'd-workspace',
      'e-workspace',
    ]);
  });

  it("does not put another user's favourite first", () => {
    expect(order(demo)).toEqual([
      'a-workspace',
      'c-workspace',
      'b-workspace',
      'f-workspace',
      'd-workspace',
      'e-workspace',
    ]);
  });
});
