/** @jest-environment node */
import { formatTimestamp, MICROS_PER_SECOND } from './clock';
import {
  compileWorkspaceFilter,
  parseWorkspaceQuery,
  searchLookups,
  SearchLookups,
  sortWorkspaces,
} from './searchQuery';
import { SEED_IDS, seedStore } from './seed';

const now = Date.UTC(2026, 7, 21, 12, 0, 0) * 1000;
const { store } = seedStore(now, 'http://127.0.0.1:3900');

const lookups: SearchLookups = searchLookups(store, SEED_IDS.users.demo);

/** Names of all seeded workspaces (every owner) matching the query. */
function search(query: string): string[] {
  const { filter, errors } = parseWorkspaceQuery(query, lookups);
  if (errors.length > 0) throw new Error(JSON.stringify(errors));
  if (filter.ownerUsername === 'me') {
    filter.ownerId = lookups.actorId;
    filter.ownerUsername = '';
  }
  const matches = compileWorkspaceFilter(filter, store, now);
  return [...store.workspaces.values()]
    .filter(matches)
    .map(
      workspace =>
        `${store.users.get(workspace.ownerId)?.username}/${workspace.name}`,
    )
    .sort();
}

function errorsOf(query: string) {
  return parseWorkspaceQuery(query, lookups).errors;
}

const minutesAgo = (minutes: number) =>
  formatTimestamp(now - minutes * 60 * MICROS_PER_SECOND);

describe('workspace search query matching', () => {
  it.each([
    [
      'status:running',
      [
        'alice/web-app',
        'demo/sandbox',
        'demo/web-app-legacy',
        'demo/web-app-main',
        'demo/web-app-spike',
      ],
    ],
    [
      'status:stopped',
      [
        'alice/notebook',
        'alice/web-app-hotfix',
        'demo/payments-archive',
        'demo/web-app-feature',
      ],
    ],
    ['status:starting', ['demo/web-app-review']],
    ['status:stopping', ['demo/payments-api']],
    ['status:deleting', ['demo/payments-cleanup']],
    ['status:failed', ['demo/web-app-broken']],
    ['status:pending', ['demo/scratch']],
    ['status:canceled', ['demo/docs-site']],
    ['status:canceling', []],
    ['status:deleted', []],
    ['STATUS:RUNNING owner:ALICE', ['alice/web-app']],
  ])('filters %s by the latest build the way Coder does', (query, expected) => {
    expect(search(query)).toEqual(expected);
  });

  it.each([
    ['web-app-m', ['demo/web-app-main']],
    ['WEB-APP-MAIN', ['demo/web-app-main']],
    ['alice/web-app', ['alice/web-app', 'alice/web-app-hotfix']],
    // Quotes protect the slash, so this is a literal name, as in Coder.
    ['"alice/hotfix"', []],
    ['web app', []],
    ['name:web_app owner:alice', ['alice/web-app', 'alice/web-app-hotfix']],
    [
      'name:payments',
      ['demo/payments-api', 'demo/payments-archive', 'demo/payments-cleanup'],
    ],
  ])(
    'treats the bare term or name %s as a case-insensitive substring',
    (query, expected) => {
      expect(search(query)).toEqual(expected);
    },
  );

  it.each([
    ['owner:me template:docker', ['demo/sandbox', 'demo/scratch']],
    [
      'owner:alice',
      ['alice/notebook', 'alice/web-app', 'alice/web-app-hotfix'],
    ],
    ['owner:nobody', []],
    ['template:DOCKER', ['alice/notebook', 'demo/sandbox', 'demo/scratch']],
    ['template:dev', []],
    [
      'organization:coder owner:alice',
      ['alice/notebook', 'alice/web-app', 'alice/web-app-hotfix'],
    ],
    [
      `organization:${SEED_IDS.organization} template:docker owner:me`,
      ['demo/sandbox', 'demo/scratch'],
    ],
  ])(
    'matches owner, template and organization exactly: %s',
    (query, expected) => {
      expect(search(query)).toEqual(expected);
    },
  );

  it('finds workspaces by id, including comma-separated and repeated lists', () => {
    const first = SEED_IDS.workspaces(1);
    const second = SEED_IDS.workspaces(2);
    expect(search(`id:${first}`)).toEqual(['demo/web-app-main']);
    expect(search(`id:${first},${second}`)).toEqual([
      'demo/web-app-feature',
      'demo/web-app-main',
    ]);
    expect(search(`id:${first} id:${second}`)).toEqual([
      'demo/web-app-feature',
      'demo/web-app-main',
    ]);
  });

  it.each([
    [
      'has-agent:connected',
      [
        'alice/web-app',
        'demo/sandbox',
        'demo/web-app-legacy',
        'demo/web-app-main',
      ],
    ],
    ['has-agent:connecting', ['demo/web-app-spike']],
    [
      'has-agent:connecting,connected owner:me template:docker',
      ['demo/sandbox'],
    ],
    ['has-agent:sleepy', []],
    ['healthy:true owner:alice', ['alice/web-app']],
    ['healthy:false', []],
  ])('matches agents of the latest start build: %s', (query, expected) => {
    expect(search(query)).toEqual(expected);
  });

  it('treats dormant:true as a filter and dormant:false as no filter at all', () => {
    expect(search('dormant:true')).toEqual(['demo/payments-archive']);
    expect(search('dormant:false')).toEqual(search(''));
    expect(search('dormant:false')).toHaveLength(15);
  });

  it('filters outdated:true and outdated:false on the active template version', () => {
    expect(search('outdated:true')).toEqual(['demo/web-app-legacy']);
    expect(search('outdated:false')).toHaveLength(14);
    expect(search('outdated:false')).not.toContain('demo/web-app-legacy');
  });

  it.each([
    [
      'param:"repo_url=https://github.com/acme/web-app" owner:me',
      [
        'demo/web-app-broken',
        'demo/web-app-feature',
        'demo/web-app-legacy',
        'demo/web-app-main',
        'demo/web-app-review',
        'demo/web-app-spike',
      ],
    ],
    [
      'param:"repo_url=HTTPS://GITHUB.COM/ACME/WEB-APP" owner:alice',
      ['alice/web-app', 'alice/web-app-hotfix'],
    ],
    [
      'param:"repo_url=https://bitbucket.org/acme/docs-site"',
      ['demo/docs-site'],
    ],
    ['param:cpu=4', ['demo/web-app-main']],
    ['param:CPU=4', ['demo/web-app-main']],
    // Pairs are ORed (GetWorkspaces: one EXISTS over every pair).
    [
      'param:cpu=4,region=eu-helsinki',
      [
        'alice/web-app',
        'demo/docs-site',
        'demo/payments-api',
        'demo/payments-archive',
        'demo/payments-cleanup',
        'demo/web-app-legacy',
        'demo/web-app-main',
        'demo/web-app-review',
        'demo/web-app-spike',
      ],
    ],
    [
      'param:cpu=4 param:region=us-pittsburgh',
      ['demo/web-app-feature', 'demo/web-app-main'],
    ],
    [
      'param:"repo_url=https://gitlab.com/acme/payments-api" param:"custom_repo=https://gitlab.com/acme/payments-api"',
      ['demo/payments-api', 'demo/payments-archive', 'demo/payments-cleanup'],
    ],
    // Names-only terms and pairs are two separate conditions, and both must hold.
    ['param:image param:cpu=4', []],
    ['param:enable_docker param:cpu=4', ['demo/web-app-main']],
    ['param:image', ['alice/notebook', 'demo/sandbox', 'demo/scratch']],
    [
      'param:image,disk_size owner:alice',
      ['alice/notebook', 'alice/web-app', 'alice/web-app-hotfix'],
    ],
    [
      'param:enable% owner:me status:running',
      ['demo/web-app-main', 'demo/web-app-spike'],
    ],
    ['param:home_volume_gb=10 owner:me', ['demo/sandbox', 'demo/scratch']],
  ])('matches parameters of the latest build: %s', (query, expected) => {
    expect(search(query)).toEqual(expected);
  });

  it('compares last_used_after and last_used_before inclusively, accepting lowercase RFC3339', () => {
    expect(search(`last_used_after:"${minutesAgo(4)}"`)).toEqual([
      'demo/payments-api',
      'demo/payments-cleanup',
      'demo/scratch',
      'demo/web-app-review',
      'demo/web-app-spike',
    ]);
    expect(
      search(
        `last_used_after:"${minutesAgo(3).toLowerCase()}" last_used_before:"${minutesAgo(1)}"`,
      ),
    ).toEqual([
      'demo/payments-api',
      'demo/web-app-review',
      'demo/web-app-spike',
    ]);
  });

  it('accepts keys Coder knows that never match in the fake, and a key that is not a filter', () => {
    expect(search('has-ai-task:true')).toEqual([]);
    expect(search('has-ai-task:false')).toHaveLength(15);
    expect(search('shared:true')).toEqual([]);
    expect(search('has_external_agent:false')).toHaveLength(15);
    expect(search('include_agent_metadata:cpu,memory')).toHaveLength(15);
    expect(search('shared_with_user:me')).toEqual([]);
  });

  it('ignores an empty quoted value like a missing key', () => {
    expect(search('owner:""')).toHaveLength(15);
  });
});

describe('workspace search query errors', () => {
  it.each([
    [
      'owner:',
      [
        {
          field: 'q',
          detail: 'Query element "owner:" cannot start or end with \':\'',
        },
      ],
    ],
    [
      ':alice',
      [
        {
          field: 'q',
          detail: 'Query element ":alice" cannot start or end with \':\'',
        },
      ],
    ],
    [
      'a:b:c',
      [
        {
          field: 'q',
          detail: 'Query element "a:b:c" can only contain 1 \':\'',
        },
      ],
    ],
    [
      'param:repo_url=https://github.com/acme/web-app',
      [
        {
          field: 'q',
          detail:
            'Query element "param:repo_url=https://github.com/acme/web-app" can only contain 1 \':\'',
        },
      ],
    ],
    [
      'a/b/c',
      [
        {
          field: 'q',
          detail: 'Query element "a/b/c" can only contain 1 \'/\'',
        },
      ],
    ],
    [
      'bogus:1',
      [{ field: 'bogus', detail: '"bogus" is not a valid query param' }],
    ],
    [
      'has-param:repo_url',
      [
        {
          field: 'has-param',
          detail: '"has-param" is not a valid query param',
        },
      ],
    ],
    [
      'status:sleeping',
      [
        {
          field: 'status',
          detail:
            'Query param "status" has invalid value: "sleeping" is not a valid value',
        },
      ],
    ],
    [
      'owner:alice owner:demo',
      [
        {
          field: 'owner',
          detail:
            'Query param "owner" provided more than once, found 2 times. Only provide 1 instance of this query param.',
        },
      ],
    ],
    [
      'name:web web',
      [
        {
          field: 'name',
          detail:
            'Query param "name" provided more than once, found 2 times. Only provide 1 instance of this query param.',
        },
      ],
    ],
    [
      'dormant:maybe',
      [
        {
          field: 'dormant',
          detail:
            'Query param "dormant" must be a valid boolean: strconv.ParseBool: parsing "maybe": invalid syntax',
        },
      ],
    ],
    [
      'outdated:yes',
      [
        {
          field: 'outdated',
          detail:
            'Query param "outdated" must be a valid boolean: strconv.ParseBool: parsing "yes": invalid syntax',
        },
      ],
    ],
    [
      'healthy:2',
      [
        {
          field: 'healthy',
          detail:
            'Query param "healthy" must be a valid boolean: strconv.ParseBool: parsing "2": invalid syntax',
        },
      ],
    ],
    [
      'param:cpu=',
      [
        {
          field: 'param',
          detail:
            'Query param "param" has invalid values: query element "cpu=" has an empty value. omit the \'=\' to match just on the parameter name',
        },
      ],
    ],
    [
      'param:a=b=c',
      [
        {
          field: 'param',
          detail:
            'Query param "param" has invalid values: query element "a=b=c" can only contain 1 \'=\'',
        },
      ],
    ],
    [
      'param:a=,b=',
      [
        {
          field: 'param',
          detail:
            'Query param "param" has invalid values: query element "a=" has an empty value. omit the \'=\' to match just on the parameter name\n' +
            'query element "b=" has an empty value. omit the \'=\' to match just on the parameter name',
        },
      ],
    ],
    [
      'id:nope',
      [
        {
          field: 'id',
          detail: 'Query param "id" has invalid values: invalid UUID length: 4',
        },
      ],
    ],
    [
      'last_used_after:yesterday',
      [
        {
          field: 'last_used_after',
          detail:
            'Query param "last_used_after" must be a valid date format (2006-01-02T15:04:05.999999999Z07:00): ' +
            'parsing time "YESTERDAY" as "2006-01-02T15:04:05.999999999Z07:00": cannot parse "YESTERDAY" as "2006"',
        },
      ],
    ],
    [
      'last_used_before:"2026-13-01t00:00:00z"',
      [
        {
          field: 'last_used_before',
          detail:
            'Query param "last_used_before" must be a valid date format (2006-01-02T15:04:05.999999999Z07:00): ' +
            'parsing time "2026-13-01T00:00:00Z": month out of range',
        },
      ],
    ],
    [
      'organization:acme',
      [
        {
          field: 'organization',
          detail:
            'Query param "organization" has invalid value: organization "acme" either does not exist, or you are unauthorized to view it',
        },
      ],
    ],
  ])("rejects %s with Coder's validation text", (query, expected) => {
    expect(errorsOf(query)).toEqual(expected);
  });

  it('reports every problem at once, in the order Coder parses keys, then unknown keys', () => {
    expect(
      errorsOf('zzz:1 status:nope dormant:nah id:1').map(error => error.field),
    ).toEqual(['id', 'status', 'dormant', 'zzz']);
  });

  it('parses nothing for an empty query and only spaces', () => {
    expect(errorsOf('')).toEqual([]);
    expect(search('   ')).toHaveLength(15);
  });
});

describe('workspace sort order', () => {
  it("puts the requester's favourites first, then running ones, then owner and name", () => {
    const sorted = sortWorkspaces(
      [...store.workspaces.values()],
      store,
      SEED_IDS.users.demo,
    ).map(
      workspace =>
        `${store.users.get(workspace.ownerId)?.username}/${workspace.name}`,
    );
    expect(sorted.slice(0, 6)).toEqual([
      'demo/web-app-main',
      'alice/web-app',
      'demo/sandbox',
      'demo/web-app-legacy',
      'demo/web-app-spike',
      'alice/notebook',
    ]);
  });

  it("does not favour another user's favourites", () => {
    const sorted = sortWorkspaces(
      [...store.workspaces.values()],
      store,
      SEED_IDS.users.alice,
    );
    expect(sorted[0].name).toBe('web-app');
  });
});
