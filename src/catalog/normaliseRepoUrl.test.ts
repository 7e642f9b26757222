import { normaliseRepoUrl } from './normaliseRepoUrl';

describe('normaliseRepoUrl', () => {
  it.each([
    ['https://github.com/acme/web-app', 'https://github.com/acme/web-app'],
    ['https://github.com/acme/web-app/', 'https://github.com/acme/web-app'],
    [
      'https://github.com/acme/web-app/tree/main/',
      'https://github.com/acme/web-app',
    ],
    [
      'https://github.com/acme/web-app/tree/feature/x/src',
      'https://github.com/acme/web-app',
    ],
    [
      'https://github.com/acme/web-app/blob/main/README.md',
      'https://github.com/acme/web-app',
    ],
    [
      'url:https://github.com/acme/web-app/tree/main/',
      'https://github.com/acme/web-app',
    ],
    ['https://www.github.com/acme/web-app', 'https://github.com/acme/web-app'],
    ['https://GitHub.com/acme/web-app.git', 'https://github.com/acme/web-app'],
    ['git@github.com:acme/web-app.git', 'https://github.com/acme/web-app'],
    [
      'ssh://git@github.com/acme/web-app.git',
      'https://github.com/acme/web-app',
    ],
    [
      'https://user:secret@github.com/acme/web-app.git',
      'https://github.com/acme/web-app',
    ],
    [
      'https://github.com/acme/web-app?tab=readme#top',
      'https://github.com/acme/web-app',
    ],
    [
      'https://gitlab.com/acme/payments-api/-/tree/main',
      'https://gitlab.com/acme/payments-api',
    ],
    [
      'https://gitlab.com/acme/payments-api/-/blob/main/go.mod',
      'https://gitlab.com/acme/payments-api',
    ],
    [
      'https://gitlab.com/acme/platform/payments-api.git',
      'https://gitlab.com/acme/platform/payments-api',
    ],
    [
      'git@gitlab.com:acme/platform/payments-api.git',
      'https://gitlab.com/acme/platform/payments-api',
    ],
    [
      'https://bitbucket.org/acme/docs-site/src/main/',
      'https://bitbucket.org/acme/docs-site',
    ],
    [
      'https://bitbucket.example.com/projects/ACME/repos/docs/browse',
      'https://bitbucket.example.com/projects/ACME/repos/docs',
    ],
    [
      'http://git.internal:8080/acme/tool/tree/dev',
      'http://git.internal:8080/acme/tool',
    ],
    ['  https://github.com/acme/web-app  ', 'https://github.com/acme/web-app'],
  ])('reduces %s to %s', (input, expected) => {
    expect(normaliseRepoUrl(input)).toBe(expected);
  });

  it.each([
    [''],
    ['not a url'],
    ['https://github.com/'],
    // eslint-disable-next-line no-script-url
    ['javascript:alert(1)'],
    ['file:///etc/passwd'],
    ['https://github.com/.git'],
  ])('rejects %j', input => {
    expect(normaliseRepoUrl(input)).toBeUndefined();
  });
});
