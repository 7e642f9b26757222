/** @jest-environment node */
import {
  matchTemplate,
  parseTemplateQuery,
  sortTemplates,
} from './templateQuery';
import { searchLookups } from './searchReferences';
import { SEED_IDS, seedStore } from './seed';

const { store } = seedStore(
  Date.UTC(2026, 7, 21) * 1000,
  'http://127.0.0.1:3900',
);
const lookups = searchLookups(store, SEED_IDS.users.demo);

function search(query: string): string[] {
  const { filter, errors } = parseTemplateQuery(query, lookups);
  if (errors.length > 0) throw new Error(JSON.stringify(errors));
  return sortTemplates(
    [...store.templates.values()].filter(template =>
      matchTemplate(filter, template, store),
    ),
  ).map(template => template.name);
}

describe('template search query', () => {
  it.each([
    ['', ['devcontainers', 'docker']],
    ['deprecated:true', ['legacy-vm']],
    ['deprecated:false', ['devcontainers', 'docker']],
    ['dev', ['devcontainers']],
    ['CONTAINERS', ['devcontainers']],
    ['name:dock', ['docker']],
    ['exact_name:docker', ['docker']],
    ['exact_name:dock', []],
    ['exact_display_name:"dev containers"', ['devcontainers']],
    ['organization:coder', ['devcontainers', 'docker']],
    [
      `ids:${SEED_IDS.templates.docker},${SEED_IDS.templates.legacyVm}`,
      ['docker'],
    ],
    ['author:admin', ['devcontainers', 'docker']],
    ['author:me', []],
    [`author_id:${SEED_IDS.users.admin} deprecated:true`, ['legacy-vm']],
    ['deleted:true', []],
  ])('finds %s', (query, expected) => {
    expect(search(query)).toEqual(expected);
  });

  // GetTemplatesWithFilter matches `name:` and bare terms with ILIKE.
  it.each([
    ['name:d_cker', ['docker']],
    ['name:dev%ers', ['devcontainers']],
    ['name:_', ['devcontainers', 'docker']],
    ['d_v', ['devcontainers']],
    ['dev%con', ['devcontainers']],
    ['exact_name:d_cker', []],
  ])('treats _ and %% in %s as SQL wildcards', (query, expected) => {
    expect(search(query)).toEqual(expected);
  });

  it('falls back to the name, spaces removed, for a template without a display name', () => {
    const docker = store.templates.get(SEED_IDS.templates.docker);
    if (!docker) throw new Error('seed has no docker template');
    docker.displayName = '';
    try {
      expect(search('dock er')).toEqual(['docker']);
      expect(search('display_name:"do cker"')).toEqual(['docker']);
      expect(search('Docker')).toEqual(['docker']);
    } finally {
      docker.displayName = 'Docker';
    }
    // With a display name, only the display name counts.
    expect(search('dock er')).toEqual([]);
  });

  it.each([
    [
      'colour:red',
      [{ field: 'colour', detail: '"colour" is not a valid query param' }],
    ],
    [
      'deprecated:maybe',
      [
        {
          field: 'deprecated',
          detail:
            'Query param "deprecated" must be a valid boolean: strconv.ParseBool: parsing "maybe": invalid syntax',
        },
      ],
    ],
    [
      'author_id:bob',
      [
        {
          field: 'author_id',
          detail: 'Query param "author_id" must be a valid uuid',
        },
      ],
    ],
    [
      'name:',
      [
        {
          field: 'q',
          detail: 'Query element "name:" cannot start or end with \':\'',
        },
      ],
    ],
  ])('rejects %s', (query, expected) => {
    expect(parseTemplateQuery(query, lookups).errors).toEqual(expected);
  });
});
