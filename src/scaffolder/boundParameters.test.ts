import { repoUrlPickerUrl, resolveBoundParameter } from './boundParameters';

describe('repoUrlPickerUrl', () => {
  it.each([
    ['github.com?owner=acme&repo=web-app', 'https://github.com/acme/web-app'],
    [
      'gitlab.example.com?owner=group%2Fsub&repo=api',
      'https://gitlab.example.com/group/sub/api',
    ],
    [
      'bitbucket.org?workspace=acme&project=WEB&repo=web-app',
      'https://bitbucket.org/acme/web-app',
    ],
    [
      'dev.azure.com?organization=acme&project=web&repo=app',
      'https://dev.azure.com/acme/web/_git/app',
    ],
  ])('turns %s into the web URL %s', (value, url) => {
    expect(repoUrlPickerUrl(value)).toBe(url);
  });

  it.each([
    ['a web URL', 'https://github.com/acme/web-app'],
    ['no repository', 'github.com?owner=acme'],
    ['plain text', 'hello'],
  ])('leaves %s alone', (_, value) => {
    expect(repoUrlPickerUrl(value)).toBeUndefined();
  });
});

describe('resolveBoundParameter', () => {
  it('fills placeholders from the form, reaching into object fields', () => {
    expect(
      resolveBoundParameter(
        '${{ parameters.repo }}/tree/${{parameters.ref.branch}}',
        {
          repo: 'github.com?owner=acme&repo=web-app',
          ref: { branch: 'main' },
        },
      ),
    ).toEqual({
      value: 'https://github.com/acme/web-app/tree/main',
      sources: ['repo', 'ref.branch'],
      missing: [],
      runtime: [],
    });
  });

  it('is empty, naming the sources, while one is empty', () => {
    expect(
      resolveBoundParameter('${{ parameters.a }}-${{ parameters.b }}', {
        a: 'x',
        b: '  ',
      }),
    ).toEqual({ value: '', sources: ['a', 'b'], missing: ['b'], runtime: [] });
  });

  it('leaves what only the task knows to the task', () => {
    expect(
      resolveBoundParameter('${{ steps.publish.output.remoteUrl }}', {}),
    ).toEqual({
      value: '',
      sources: [],
      missing: [],
      runtime: ['steps.publish.output.remoteUrl'],
    });
  });
});
