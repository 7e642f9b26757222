import type { ValidationError } from './errors';
import { likePatternToRegExp } from './goText';
import { addValue, QueryParamParser } from './queryParams';
import type { TemplateRecord } from './records';
import { compareText } from './searchQuery';
import { parseOrganization, SearchLookups } from './searchReferences';
import { searchTerms } from './searchTerms';
import type { Store } from './store';

/**
 * The template search language of `GET /api/v2/templates?q=` (CONTRACT §5,
 * coderd/searchquery Templates). A bare term is a fuzzy display-name match;
 * deprecated templates are hidden unless `deprecated:true`.
 */
export interface TemplateFilter {
  deleted: boolean;
  organizationId?: string;
  exactName: string;
  exactDisplayName: string;
  fuzzyName: string;
  fuzzyDisplayName: string;
  ids: string[];
  deprecated?: boolean;
  hasAITask?: boolean;
  agentsAllowed?: boolean;
  hasExternalAgent?: boolean;
  authorId?: string;
  authorUsername: string;
}

/** Parses `q` in Coder's key order, gathering every validation problem. */
export function parseTemplateQuery(
  query: string,
  lookups: Pick<SearchLookups, 'actorId' | 'organizationByName'>,
): { filter: TemplateFilter; errors: ValidationError[] } {
  const filter: TemplateFilter = {
    deleted: false,
    exactName: '',
    exactDisplayName: '',
    fuzzyName: '',
    fuzzyDisplayName: '',
    ids: [],
    authorUsername: '',
  };
  const { values, errors } = searchTerms(
    query.toLowerCase(),
    (term, target) => {
      addValue(target, 'display_name', term);
      return undefined;
    },
  );
  if (errors.length > 0) return { filter, errors };

  const parser = new QueryParamParser(values);
  filter.deleted = parser.boolean('deleted', false);
  filter.organizationId = parser.custom('organization', text =>
    parseOrganization(text, lookups),
  );
  filter.exactName = parser.string('exact_name');
  filter.exactDisplayName = parser.string('exact_display_name');
  filter.fuzzyName = parser.string('name');
  filter.fuzzyDisplayName = parser.string('display_name');
  filter.ids = parser.uuids('ids');
  filter.deprecated = parser.nullableBoolean('deprecated');
  filter.hasAITask = parser.nullableBoolean('has-ai-task');
  filter.agentsAllowed = parser.nullableBoolean('agents-allowed');
  filter.authorId = parser.uuid('author_id');
  filter.authorUsername = parser.string('author');
  filter.hasExternalAgent = parser.nullableBoolean('has_external_agent');
  if (filter.authorUsername === 'me') {
    filter.authorId = lookups.actorId;
    filter.authorUsername = '';
  }
  parser.rejectUnknown();
  return { filter, errors: parser.errors };
}

/** `lower(column) ILIKE '%' || lower(term) || '%'`: `_` and `%` are wildcards. */
const fuzzy = (haystack: string, term: string) =>
  likePatternToRegExp(`%${term.toLowerCase()}%`).test(haystack.toLowerCase());

/**
 * The display-name search; a template without a display name is searched by
 * its name, with the spaces taken out of the term (names have none).
 */
function displayNameMatches(template: TemplateRecord, term: string): boolean {
  return template.displayName !== ''
    ? fuzzy(template.displayName, term)
    : fuzzy(template.name, term.toLowerCase().replaceAll(' ', ''));
}

/** One template against a parsed filter (GetTemplatesWithFilter's WHERE). */
export function matchTemplate(
  filter: TemplateFilter,
  template: TemplateRecord,
  store: Store,
): boolean {
  if (template.deleted !== filter.deleted) return false;
  if (
    filter.organizationId &&
    template.organizationId !== filter.organizationId
  )
    return false;
  if (
    filter.exactName &&
    template.name.toLowerCase() !== filter.exactName.toLowerCase()
  )
    return false;
  if (
    filter.exactDisplayName &&
    template.displayName.toLowerCase() !== filter.exactDisplayName.toLowerCase()
  ) {
    return false;
  }
  if (filter.fuzzyName && !fuzzy(template.name, filter.fuzzyName)) return false;
  if (
    filter.fuzzyDisplayName &&
    !displayNameMatches(template, filter.fuzzyDisplayName)
  )
    return false;
  if (filter.ids.length > 0 && !filter.ids.includes(template.id)) return false;
  // The handler defaults `deprecated` to false (coderd/templates.go).
  if ((template.deprecationMessage !== '') !== (filter.deprecated ?? false))
    return false;
  // No seeded template has AI tasks, Coder Agents or external agents.
  if (
    filter.hasAITask === true ||
    filter.agentsAllowed === true ||
    filter.hasExternalAgent === true
  )
    return false;
  if (filter.authorId && template.createdById !== filter.authorId) return false;
  if (filter.authorUsername) {
    const author = store.users.get(template.createdById);
    if (author?.username.toLowerCase() !== filter.authorUsername.toLowerCase())
      return false;
  }
  return true;
}

/** `ORDER BY (t.name, t.id)`. */
export function sortTemplates(templates: TemplateRecord[]): TemplateRecord[] {
  return [...templates].sort(
    (left, right) =>
      compareText(left.name, right.name) || compareText(left.id, right.id),
  );
}
