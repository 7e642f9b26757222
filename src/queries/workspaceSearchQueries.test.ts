import { repoUrlForms } from '../catalog/repoUrlForms';
import {
  planWorkspaceSearch,
  repositorySearchTerms,
} from './workspaceSearchQueries';

const REPO = 'https://github.com/acme/web-app';
const scope = {
  repoUrl: REPO,
  repoUrlParamKeys: ['repo_url', 'custom_repo', 'git_url'],
};

describe('repoUrlForms', () => {
  it('adds the clone URL and both SSH remotes to an https URL', () => {
    expect(repoUrlForms(REPO)).toEqual([
      REPO,
      `${REPO}.git`,
      'git@github.com:acme/web-app.git',
      'git@github.com:acme/web-app',
    ]);
  });

  it('has no SSH form where an SCP-like remote cannot say the same', () => {
    expect(repoUrlForms('http://git.internal/acme/api')).toEqual([
      'http://git.internal/acme/api',
      'http://git.internal/acme/api.git',
    ]);
    expect(repoUrlForms('https://git.internal:8443/acme/api')).toHaveLength(2);
  });
});

describe('planWorkspaceSearch', () => {
  it("passes the user's filter through when there is no repository", () => {
    expect(planWorkspaceSearch('  owner:me ', undefined)).toEqual({
      searches: ['owner:me'],
      intersect: false,
    });
  });

  it('scopes a repository with one search, whatever the number of parameters', () => {
    const plan = planWorkspaceSearch('owner:me status:running', scope);
    expect(plan.intersect).toBe(false);
    expect(plan.searches).toHaveLength(1);
    expect(plan.searches[0]).toBe(
      [...repositorySearchTerms(scope), 'owner:me status:running'].join(' '),
    );
    expect(repositorySearchTerms(scope)).toHaveLength(12);
    expect(plan.searches[0]).toContain(
      'param:"custom_repo=git@github.com:acme/web-app.git"',
    );
  });

  it('keeps one search for a bare `param:name`, which Coder ANDs with the pairs', () => {
    expect(planWorkspaceSearch('param:region', scope).searches).toHaveLength(1);
  });

  it("keeps the user's unclosed quote from swallowing the repository's terms", () => {
    const [search] = planWorkspaceSearch('owner:me "half', scope).searches;
    expect(search.endsWith('owner:me "half')).toBe(true);
  });

  it("intersects two searches when the user's own pairs would be ORed with ours", () => {
    const plan = planWorkspaceSearch(
      'owner:me PARAM:"region=eu helsinki" status:running',
      scope,
    );
    expect(plan.intersect).toBe(true);
    expect(plan.searches).toEqual([
      [...repositorySearchTerms(scope), 'owner:me', 'status:running'].join(' '),
      'owner:me PARAM:"region=eu helsinki" status:running',
    ]);
  });
});
