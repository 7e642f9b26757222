/** @jest-environment node */
import { parseTemplateQuery, TemplateFilter } from './templateQuery';

/*
 * Coder's own parser table for template searches, restated: coder/coder
 * coderd/searchquery/search_test.go, TestSearchTemplates (@c9a1e2bc). Each
 * case keeps Coder's case name and compares the whole parsed filter.
 */

const ACTOR = '0b5e0000-0000-4000-8000-0000000000c1';
const lookups = {
  actorId: ACTOR,
  organizationByName: () => undefined,
};

const filter = (fields: Partial<TemplateFilter>): TemplateFilter => ({
  deleted: false,
  exactName: '',
  exactDisplayName: '',
  fuzzyName: '',
  fuzzyDisplayName: '',
  ids: [],
  authorUsername: '',
  ...fields,
});

describe('coderd/searchquery/search_test.go TestSearchTemplates', () => {
  it.each<[string, string, Partial<TemplateFilter>]>([
    ['Empty', '', {}],
    // A bare term searches display names.
    ['OnlyName', 'foobar', { fuzzyDisplayName: 'foobar' }],
    ['HasAITaskTrue', 'has-ai-task:true', { hasAITask: true }],
    ['HasAITaskFalse', 'has-ai-task:false', { hasAITask: false }],
    ['HasAITaskMissing', '', { hasAITask: undefined }],
    ['HasExternalAgent', 'has_external_agent:true', { hasExternalAgent: true }],
    [
      'HasExternalAgentFalse',
      'has_external_agent:false',
      { hasExternalAgent: false },
    ],
    ['HasExternalAgentMissing', '', { hasExternalAgent: undefined }],
    ['AgentsAllowedTrue', 'agents-allowed:true', { agentsAllowed: true }],
    ['AgentsAllowedFalse', 'agents-allowed:false', { agentsAllowed: false }],
    // `author:me` becomes the caller's id, and the name is cleared.
    ['MyTemplates', 'author:me', { authorUsername: '', authorId: ACTOR }],
    ['SearchOnDisplayName', 'test name', { fuzzyDisplayName: 'test name' }],
    ['NameField', 'name:testname', { fuzzyName: 'testname' }],
    ['QuotedValue', 'name:"test name"', { fuzzyName: 'test name' }],
    [
      'MultipleTerms',
      'foo bar exact_name:"test display name"',
      { exactName: 'test display name', fuzzyDisplayName: 'foo bar' },
    ],
    [
      'FieldAndSpaces',
      'deprecated:false test template',
      { deprecated: false, fuzzyDisplayName: 'test template' },
    ],
  ])('%s: %p', (_name, query, expected) => {
    const parsed = parseTemplateQuery(query, lookups);
    expect(parsed.errors).toEqual([]);
    expect(parsed.filter).toEqual(filter(expected));
  });
});
