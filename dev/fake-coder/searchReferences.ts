import { goQuote, xerrorsInlineWrap } from './goText';
import { groupNameProblem, nameProblem } from './names';
import type { Store } from './store';
import { parseUuid } from './uuid';

/**
 * How coderd/searchquery turns names in a search into ids: organizations
 * (parseOrganization), users (parseUser) and groups (parseGroup). A UUID is
 * taken as is; a name is looked up, and a failed lookup is a validation error.
 */

type Parsed = { ok: true; value: string } | { ok: false; error: string };

/** What the parsers may look up. */
export interface SearchLookups {
  actorId: string;
  /** By name only, case-insensitively; no `default` alias. */
  organizationByName(name: string): { id: string; name: string } | undefined;
  userIdByName(name: string): string | undefined;
  defaultOrganization: { id: string; name: string };
  /** Case-insensitive, within one organization. */
  groupIdByName(organizationId: string, name: string): string | undefined;
}

/** The lookups a request of `actorId` gets against the fake's store. */
export function searchLookups(store: Store, actorId: string): SearchLookups {
  const defaultOrganization = store.defaultOrganization();
  return {
    actorId,
    organizationByName: name => {
      const organization = store.findOrganizationByName(name);
      return organization && { id: organization.id, name: organization.name };
    },
    userIdByName: name => store.findUser(name)?.id,
    defaultOrganization: {
      id: defaultOrganization.id,
      name: defaultOrganization.name,
    },
    groupIdByName: (organizationId, name) =>
      store.findGroupId(organizationId, name),
  };
}

const organizationMissing = (name: string) =>
  `organization ${goQuote(name)} either does not exist, or you are unauthorized to view it`;

/** An organization UUID, or an organization's name. */
export function parseOrganization(
  text: string,
  lookups: Pick<SearchLookups, 'organizationByName'>,
): Parsed {
  const parsed = parseUuid(text);
  if (parsed.ok) return parsed;
  const organization = lookups.organizationByName(text);
  return organization
    ? { ok: true, value: organization.id }
    : { ok: false, error: organizationMissing(text) };
}

/** `me` is the caller; otherwise a UUID or a username. */
export function parseUser(text: string, lookups: SearchLookups): Parsed {
  if (text === 'me') return { ok: true, value: lookups.actorId };
  const parsed = parseUuid(text);
  if (parsed.ok) return parsed;
  const id = lookups.userIdByName(text);
  return id
    ? { ok: true, value: id }
    : {
        ok: false,
        error: `user ${goQuote(text)} either does not exist, or you are unauthorized to view them`,
      };
}

/** A group UUID, `<organization>/<group>`, or `<group>` in the default organization. */
export function parseGroup(text: string, lookups: SearchLookups): Parsed {
  const parsed = parseUuid(text);
  if (parsed.ok) return parsed;
  const parts = text.split('/');
  if (parts.length > 2) {
    return {
      ok: false,
      error:
        'invalid organization or group name, the filter must be in the pattern of <organization name>/<group name>',
    };
  }
  let organization = lookups.defaultOrganization;
  if (parts.length === 2) {
    // The organization name is validated before it is looked up.
    const problem = nameProblem(parts[0]);
    if (problem) {
      return {
        ok: false,
        error: xerrorsInlineWrap(
          `invalid organization name ${problem}`,
          problem,
        ),
      };
    }
    const found = lookups.organizationByName(parts[0]);
    if (!found) return { ok: false, error: organizationMissing(parts[0]) };
    organization = found;
  }
  const groupName = parts[parts.length - 1];
  const problem = groupNameProblem(groupName);
  if (problem) {
    return {
      ok: false,
      error: xerrorsInlineWrap(`invalid group name ${problem}`, problem),
    };
  }
  const id = lookups.groupIdByName(organization.id, groupName);
  return id
    ? { ok: true, value: id }
    : {
        ok: false,
        error: `group ${goQuote(groupName)} either does not exist, does not belong to the organization ${goQuote(organization.name)}, or you are unauthorized to view it`,
      };
}
