import { buildWorkspaceCreationUrl } from './workspaceCreationUrl';

const base = {
  accessUrl: 'https://coder.example.com',
  templateName: 'devcontainers',
  params: { region: 'eu-helsinki' },
  repoUrl: 'https://github.com/acme/web-app',
  repoUrlParamKeys: ['repo_url'],
};

describe('buildWorkspaceCreationUrl', () => {
  it("uses Coder's own mode names: manual is Coder's form", () => {
    const url = new URL(buildWorkspaceCreationUrl({ ...base, mode: 'manual' }));
    // Coder's create page knows form, auto and duplicate
    // (site/src/pages/CreateWorkspacePage/CreateWorkspacePage.tsx).
    expect(url.searchParams.get('mode')).toBe('form');
    expect(url.searchParams.get('param.repo_url')).toBe(base.repoUrl);
  });

  it('keeps auto as auto', () => {
    const url = new URL(buildWorkspaceCreationUrl({ ...base, mode: 'auto' }));
    expect(url.searchParams.get('mode')).toBe('auto');
  });
});
