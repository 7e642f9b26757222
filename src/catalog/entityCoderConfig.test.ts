import type { Entity } from '@backstage/catalog-model';
import { readEntityCoderConfig } from './entityCoderConfig';
import { isCoderAvailable } from './isCoderAvailable';

function entity(
  annotations: Record<string, string> = {},
  spec: Record<string, unknown> = {},
): Entity {
  return {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Component',
    metadata: { name: 'x', annotations },
    spec: { type: 'service', owner: 'me', lifecycle: 'production', ...spec },
  };
}

describe('readEntityCoderConfig', () => {
  it('reads the spec.coder block of the original README', () => {
    const config = readEntityCoderConfig(
      entity(
        {},
        {
          coder: {
            templateName: 'devcontainers',
            mode: 'auto',
            params: { repo: 'custom', region: 'us-pittsburgh' },
          },
        },
      ),
    );
    expect(config).toEqual({
      templateName: 'devcontainers',
      mode: 'auto',
      params: { repo: 'custom', region: 'us-pittsburgh' },
      repoUrl: undefined,
      rawRepoUrl: undefined,
      fields: {
        templateName: 'spec.coder.templateName',
        mode: 'spec.coder.mode',
        params: { repo: 'spec.coder.params', region: 'spec.coder.params' },
      },
      issues: [],
    });
  });

  it('lets annotations win over spec.coder, field by field and parameter by parameter', () => {
    const config = readEntityCoderConfig(
      entity(
        {
          'coder.com/template': 'docker',
          'coder.com/params': '{"region":"eu-helsinki","cpu":4}',
        },
        {
          coder: {
            templateName: 'devcontainers',
            mode: 'auto',
            params: { region: 'us-pittsburgh', repo: 'custom' },
          },
        },
      ),
    );
    expect(config.templateName).toBe('docker');
    expect(config.mode).toBe('auto');
    expect(config.params).toEqual({
      region: 'eu-helsinki',
      repo: 'custom',
      cpu: '4',
    });
  });

  it('accepts name=value pairs in coder.com/params', () => {
    const config = readEntityCoderConfig(
      entity({
        'coder.com/params': 'region=eu-helsinki, cpu = 4,url=https://x.y/a=b',
      }),
    );
    expect(config.params).toEqual({
      region: 'eu-helsinki',
      cpu: '4',
      url: 'https://x.y/a=b',
    });
    expect(config.issues).toEqual([]);
  });

  it('prefers coder.com/repo-url over the source location, normalised', () => {
    const config = readEntityCoderConfig(
      entity({
        'coder.com/repo-url': 'git@gitlab.com:acme/payments-api.git',
        'backstage.io/source-location':
          'url:https://github.com/acme/other/tree/main/',
      }),
    );
    expect(config.repoUrl).toBe('https://gitlab.com/acme/payments-api');
  });

  it('falls back to backstage.io/source-location', () => {
    const config = readEntityCoderConfig(
      entity({
        'backstage.io/source-location':
          'url:https://github.com/acme/web-app/tree/main/',
      }),
    );
    expect(config.repoUrl).toBe('https://github.com/acme/web-app');
    expect(config.issues).toEqual([]);
  });

  it.each([
    [
      { 'coder.com/params': '{"region": ' },
      'metadata.annotations["coder.com/params"]',
      /JSON does not parse/,
    ],
    [
      { 'coder.com/params': 'region' },
      'metadata.annotations["coder.com/params"]',
      /"region" has no name=value/,
    ],
    [
      { 'coder.com/params': '["a"]' },
      'metadata.annotations["coder.com/params"]',
      /expected an object of parameter names/,
    ],
    [
      { 'coder.com/params': '{"cpu": {"n": 4}}' },
      'metadata.annotations["coder.com/params"].cpu',
      /expected text, a number or true\/false/,
    ],
    [
      { 'coder.com/mode': 'automatic' },
      'metadata.annotations["coder.com/mode"]',
      /expected "manual" or "auto"/,
    ],
    [
      { 'coder.com/template': 'acme/devcontainers' },
      'metadata.annotations["coder.com/template"]',
      /no spaces or "\/"/,
    ],
    [
      { 'coder.com/template': 'dev containers' },
      'metadata.annotations["coder.com/template"]',
      /no spaces or "\/"/,
    ],
    [
      { 'coder.com/template': 'a'.repeat(5000) },
      'metadata.annotations["coder.com/template"]',
      /at most 32 characters/,
    ],
    [
      { 'coder.com/repo-url': 'not a url' },
      'metadata.annotations["coder.com/repo-url"]',
      /expected a repository URL/,
    ],
  ])('reports %j at %s and keeps going', (annotations, field, message) => {
    const config = readEntityCoderConfig(
      entity({ 'coder.com/template': 'docker', ...annotations }),
    );
    expect(config.issues).toHaveLength(1);
    expect(config.issues[0].field).toBe(field);
    expect(config.issues[0].message).toMatch(message);
  });

  it('reports wrong types in spec.coder with the field name', () => {
    const config = readEntityCoderConfig(
      entity(
        {},
        { coder: { templateName: 42, mode: 'auto', params: 'region=x' } },
      ),
    );
    expect(config.mode).toBe('auto');
    expect(config.issues.map(issue => issue.field)).toEqual([
      'spec.coder.templateName',
      'spec.coder.params',
    ]);
  });

  it('reports a spec.coder that is not an object', () => {
    const config = readEntityCoderConfig(
      entity({}, { coder: 'devcontainers' }),
    );
    expect(config.issues).toEqual([
      {
        field: 'spec.coder',
        message: 'expected an object with templateName, mode and params',
      },
    ]);
  });

  it('rejects absurdly long parameter values', () => {
    const config = readEntityCoderConfig(
      entity({ 'coder.com/params': JSON.stringify({ x: 'y'.repeat(10_000) }) }),
    );
    expect(config.params).toEqual({});
    expect(config.issues[0].message).toMatch(/at most 4096 characters/);
  });
});

describe('isCoderAvailable', () => {
  it.each([
    [entity({ 'coder.com/template': 'docker' }), true],
    [entity({ 'coder.com/repo-url': 'https://github.com/a/b' }), true],
    [entity({}, { coder: { templateName: 'docker' } }), true],
    [
      entity({ 'backstage.io/source-location': 'url:https://github.com/a/b' }),
      false,
    ],
    [entity(), false],
  ])('%# is %s', (input, expected) => {
    expect(isCoderAvailable(input)).toBe(expected);
  });
});
