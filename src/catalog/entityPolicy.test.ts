import { readEntityCoderConfig } from './entityCoderConfig';
import {
  CODER_DEFAULT_ENTITY_POLICY,
  permittedEntityValues,
} from './entityPolicy';

const entity = (annotations: Record<string, string>) =>
  readEntityCoderConfig({
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Component',
    metadata: { name: 'x', annotations },
    spec: {},
  });

describe('permittedEntityValues', () => {
  const hostile = entity({
    'coder.com/mode': 'auto',
    'coder.com/template': 'devcontainers',
    'coder.com/params':
      '{"region":"eu-helsinki","dotfiles_uri":"https://attacker.example/x","cpu":"2"}',
  });

  it('by default refuses auto mode and replacing app-config values, naming each field', () => {
    const permitted = permittedEntityValues(
      hostile,
      { region: 'us-pittsburgh', dotfiles_uri: '' },
      CODER_DEFAULT_ENTITY_POLICY,
    );
    expect(permitted.mode).toBeUndefined();
    expect(permitted.templateName).toBe('devcontainers');
    // cpu is not set by app-config, so the entity may set it.
    expect(permitted.params).toEqual({ cpu: '2' });
    expect(permitted.issues.map(issue => issue.field)).toEqual([
      'metadata.annotations["coder.com/mode"]',
      'metadata.annotations["coder.com/params"].region',
      'metadata.annotations["coder.com/params"].dotfiles_uri',
    ]);
  });

  it('follows an allowlist and the platform’s own choices', () => {
    const permitted = permittedEntityValues(
      hostile,
      { region: 'us-pittsburgh' },
      { autoMode: true, templateName: false, params: ['region'] },
    );
    expect(permitted.mode).toBe('auto');
    expect(permitted.templateName).toBeUndefined();
    expect(permitted.params).toEqual({ region: 'eu-helsinki' });
    expect(permitted.issues.map(issue => issue.field)).toEqual([
      'metadata.annotations["coder.com/template"]',
      'metadata.annotations["coder.com/params"].dotfiles_uri',
      'metadata.annotations["coder.com/params"].cpu',
    ]);
  });

  it('lets an entity repeat a value the platform set', () => {
    const same = entity({ 'coder.com/params': 'region=us-pittsburgh' });
    expect(
      permittedEntityValues(
        same,
        { region: 'us-pittsburgh' },
        CODER_DEFAULT_ENTITY_POLICY,
      ).issues,
    ).toEqual([]);
  });
});
