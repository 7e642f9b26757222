/** @jest-environment node */
import {
  matchTemplate,
  parseTemplateQuery,
  sortTemplates,
} from './templateQuery';
import { SEED_IDS, seedStore } from './seed';

const { store } = seedStore(
  Date.UTC(2026, 7, 21) * 1000,
  'http://127.0.0.1:3900',
);
const lookups = {
  actorId: SEED_IDS.users.demo,
  organizationIdByName: (name: string) => store.findOrganization(name)?.id,
};

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
