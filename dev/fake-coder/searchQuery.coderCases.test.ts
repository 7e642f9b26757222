/** @jest-environment node */
import {
  emptyWorkspaceFilter,
  parseWorkspaceQuery,
  SearchLookups,
  WorkspaceFilter,
} from './searchQuery';

/*
 * Coder's own parser table for workspace searches, restated: coder/coder
 * coderd/searchquery/search_test.go, TestSearchWorkspace (@c9a1e2bc). Each
 * case keeps Coder's case name. Coder compares the whole parsed filter, so
 * these compare the fake's whole filter too.
 *
 * Left out: "AgentInactiveDisconnectTimeout" (a server setting copied into
 * the filter; the fake's agents never go stale).
 */

const DEFAULT_ORG = {
  id: '0b5e0000-0000-4000-8000-000000000001',
  name: 'coder',
};
const WIBBLE_ORG = {
  id: '0b5e0000-0000-4000-8000-000000000002',
  name: 'wibble',
};
const ORGANIZATIONS = [DEFAULT_ORG, WIBBLE_ORG];
/** Groups as Coder's cases create them; names keep their stored case. */
const GROUPS = [
  {
    organizationId: DEFAULT_ORG.id,
    name: 'wibble',
    id: '0b5e0000-0000-4000-8000-0000000000a1',
  },
  {
    organizationId: WIBBLE_ORG.id,
    name: 'wobble',
    id: '0b5e0000-0000-4000-8000-0000000000a2',
  },
  {
    organizationId: WIBBLE_ORG.id,
    name: 'SupportShare',
    id: '0b5e0000-0000-4000-8000-0000000000a3',
  },
];
const ACTOR = '0b5e0000-0000-4000-8000-0000000000b1';
const WIBBLE_USER = '0b5e0000-0000-4000-8000-0000000000b2';

const lookups: SearchLookups = {
  actorId: ACTOR,
  organizationByName: name =>
    ORGANIZATIONS.find(org => org.name === name.toLowerCase()),
  userIdByName: name => (name === 'wibble' ? WIBBLE_USER : undefined),
  defaultOrganization: DEFAULT_ORG,
  groupIdByName: (organizationId, name) =>
    GROUPS.find(
      group =>
        group.organizationId === organizationId &&
        group.name.toLowerCase() === name.toLowerCase(),
    )?.id,
};

const filter = (fields: Partial<WorkspaceFilter>): WorkspaceFilter => ({
  ...emptyWorkspaceFilter(),
  ...fields,
});
const pairs = (...entries: Array<[string, string]>) =>
  entries.map(([name, value]) => ({ name, value }));

describe('coderd/searchquery/search_test.go TestSearchWorkspace: parsed filters', () => {
  it.each<[string, string, Partial<WorkspaceFilter>]>([
    ['Empty', '', {}],
    ['Owner/Name', 'Foo/Bar', { ownerUsername: 'foo', name: 'bar' }],
    [
      'Owner/NameWithSpaces',
      '     Foo/Bar     ',
      { ownerUsername: 'foo', name: 'bar' },
    ],
    ['Name', 'workspace-name', { name: 'workspace-name' }],
    [
      'Name+Param',
      'workspace-name TEMPLATE:docker',
      { name: 'workspace-name', templateName: 'docker' },
    ],
    [
      'OnlyParams',
      'name:workspace-name template:docker OWNER:Alice',
      {
        name: 'workspace-name',
        templateName: 'docker',
        ownerUsername: 'alice',
      },
    ],
    [
      'QuotedParam',
      'name:workspace-name template:"docker template" owner:alice',
      {
        name: 'workspace-name',
        templateName: 'docker template',
        ownerUsername: 'alice',
      },
    ],
    [
      'QuotedKey',
      '"name":baz "template":foo "owner":bar',
      { name: 'baz', templateName: 'foo', ownerUsername: 'bar' },
    ],
    ['QuotedSpecial', 'name:"workspace:name"', { name: 'workspace:name' }],
    [
      'QuotedMadness',
      '"name":"foo:bar:baz/baz/zoo:zonk"',
      { name: 'foo:bar:baz/baz/zoo:zonk' },
    ],
    ['QuotedName', '"foo/bar"', { name: 'foo/bar' }],
    ['QuotedOwner/Name', '"foo"/"bar"', { ownerUsername: 'foo', name: 'bar' }],
    // `outdated` is stored inverted: "uses the active version".
    ['Outdated', 'outdated:true', { usingActive: false }],
    ['Updated', 'outdated:false', { usingActive: true }],
    ['ParamName', 'param:foo', { hasParam: ['foo'] }],
    [
      'MultipleParamNames',
      'param:foo param:bar param:baz',
      { hasParam: ['foo', 'bar', 'baz'] },
    ],
    ['ParamValue', 'param:foo=bar', { paramPairs: pairs(['foo', 'bar']) }],
    [
      'QuotedParamValue',
      'param:"image=ghcr.io/coder/coder-preview:main"',
      { paramPairs: pairs(['image', 'ghcr.io/coder/coder-preview:main']) },
    ],
    [
      'MultipleParamValues',
      'param:foo=bar param:fuzz=buzz',
      { paramPairs: pairs(['foo', 'bar'], ['fuzz', 'buzz']) },
    ],
    [
      'MixedParams',
      'param:dot    param:foo=bar param:fuzz=buzz param:tot',
      {
        hasParam: ['dot', 'tot'],
        paramPairs: pairs(['foo', 'bar'], ['fuzz', 'buzz']),
      },
    ],
    [
      'ParamSpaces',
      'param:"   dot "     param:"   foo=bar   "',
      { hasParam: ['dot'], paramPairs: pairs(['foo', 'bar']) },
    ],
    // A UUID is taken as is, without a lookup.
    [
      'Organization',
      'organization:4fe722f0-49bc-4a90-a3eb-4ac439bfce20',
      { organizationId: '4fe722f0-49bc-4a90-a3eb-4ac439bfce20' },
    ],
    [
      'OrganizationByName',
      'organization:wibble',
      { organizationId: WIBBLE_ORG.id },
    ],
    ['HasAITaskTrue', 'has-ai-task:true', { hasAITask: true }],
    ['HasAITaskFalse', 'has-ai-task:false', { hasAITask: false }],
    ['HasAITaskMissing', '', { hasAITask: undefined }],
    [
      'HasExternalAgentTrue',
      'has_external_agent:true',
      { hasExternalAgent: true },
    ],
    [
      'HasExternalAgentFalse',
      'has_external_agent:false',
      { hasExternalAgent: false },
    ],
    ['HasExternalAgentMissing', '', { hasExternalAgent: undefined }],
    ['SharedTrue', 'shared:true', { shared: true }],
    ['SharedFalse', 'shared:false', { shared: false }],
    ['SharedMissing', '', { shared: undefined }],
    ['HealthyTrue', 'healthy:true', { hasAgentStatuses: ['connected'] }],
    [
      'HealthyFalse',
      'healthy:false',
      { hasAgentStatuses: ['disconnected', 'timeout'] },
    ],
    ['HealthyMissing', '', { hasAgentStatuses: [] }],
    [
      'HealthyAndHasAgent',
      'has-agent:connecting healthy:true',
      { hasAgentStatuses: ['connecting', 'connected'] },
    ],
    [
      'IncludeAgentMetadata',
      'include_agent_metadata:"task_status" include_agent_metadata:"cpu"',
      { includeAgentMetadata: ['task_status', 'cpu'] },
    ],
    ['SharedWithMe', 'shared_with_user:me', { sharedWithUserId: ACTOR }],
    [
      'SharedWithUser',
      `shared_with_user:${WIBBLE_USER}`,
      { sharedWithUserId: WIBBLE_USER },
    ],
    [
      'SharedWithUserByName',
      'shared_with_user:wibble',
      { sharedWithUserId: WIBBLE_USER },
    ],
    [
      'SharedWithGroupDefaultOrg',
      'shared_with_group:wibble',
      { sharedWithGroupId: GROUPS[0].id },
    ],
    [
      'SharedWithGroupInOrg',
      'shared_with_group:wibble/wobble',
      { sharedWithGroupId: GROUPS[1].id },
    ],
    // The whole query is lowercased, so a stored mixed-case name must still match.
    [
      'SharedWithGroupInOrgMixedCase',
      'shared_with_group:wibble/SupportShare',
      { sharedWithGroupId: GROUPS[2].id },
    ],
    [
      'SharedWithGroupID',
      'shared_with_group:a7d1ba00-53c7-4aa6-92ea-83157dd57480',
      { sharedWithGroupId: 'a7d1ba00-53c7-4aa6-92ea-83157dd57480' },
    ],
  ])('%s: %p', (_name, query, expected) => {
    const parsed = parseWorkspaceQuery(query, lookups);
    expect(parsed.errors).toEqual([]);
    expect(parsed.filter).toEqual(filter(expected));
  });
});

describe('coderd/searchquery/search_test.go TestSearchWorkspace: rejected queries', () => {
  // Coder joins every validation as "field: detail" lines and looks for a fragment.
  const report = (query: string) =>
    parseWorkspaceQuery(query, lookups)
      .errors.map(error => `${error.field}: ${error.detail}\n`)
      .join('');

  it.each([
    ['ParamExcessValue', 'param:foo=bar=baz', "can only contain 1 '='"],
    ['ParamNoValue', 'param:foo=', "omit the '=' to match"],
    ['NoPrefix', ':foo', 'cannot start or end'],
    ['Double', 'name:foo name:bar', 'provided more than once'],
    ['ExtraSlashes', 'foo/bar/baz', "can only contain 1 '/'"],
    ['ExtraColon', 'owner:name:extra', "can only contain 1 ':'"],
    ['ExtraKeys', 'foo:bar', '"foo" is not a valid query param'],
    ['ParamExtraColons', 'param:foo:value', "can only contain 1 ':'"],
    [
      'SharedWithGroupTooManySegments',
      'shared_with_group:acme/devs/extra',
      'the filter must be in the pattern of <organization name>/<group name>',
    ],
    [
      'SharedWithGroupEmptyOrg',
      'shared_with_group:/devs',
      'invalid organization name',
    ],
    [
      'SharedWithGroupEmptyGroup',
      'shared_with_group:acme/',
      'organization "acme" either does not exist',
    ],
  ])('%s: %p', (_name, query, fragment) => {
    expect(report(query)).toContain(fragment);
  });
});
