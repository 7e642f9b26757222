/** @jest-environment node */
import { findOperation } from './contractOperations';

function templateOf(method: string, path: string): string | undefined {
  const lookup = findOperation(method, path);
  return lookup.kind === 'found' ? lookup.operation.template : undefined;
}

describe('findOperation', () => {
  it('matches `{param}` segments and decodes their values', () => {
    const lookup = findOperation(
      'GET',
      '/api/v2/users/alice%40example/workspace/my%20ws?include_deleted=true',
    );
    expect(lookup).toMatchObject({
      kind: 'found',
      operation: { template: '/api/v2/users/{user}/workspace/{workspacename}' },
      pathParameters: { user: 'alice@example', workspacename: 'my ws' },
    });
  });

  it('prefers literal segments over parameters', () => {
    expect(templateOf('GET', '/api/v2/users/roles')).toBe(
      '/api/v2/users/roles',
    );
    expect(templateOf('GET', '/api/v2/users/alice')).toBe(
      '/api/v2/users/{user}',
    );
    expect(templateOf('PATCH', '/api/v2/workspaceagents/me/logs')).toBe(
      '/api/v2/workspaceagents/me/logs',
    );
  });

  it('falls back to a parameter template when the literal one lacks the method', () => {
    expect(templateOf('GET', '/api/v2/workspaceagents/me/logs')).toBe(
      '/api/v2/workspaceagents/{workspaceagent}/logs',
    );
    expect(templateOf('DELETE', '/api/v2/users/first')).toBe(
      '/api/v2/users/{user}',
    );
  });

  it('reports the declared methods when none fits', () => {
    expect(findOperation('PATCH', '/api/v2/buildinfo')).toEqual({
      kind: 'methodNotAllowed',
      template: '/api/v2/buildinfo',
      allowedMethods: ['GET'],
    });
  });

  it('does not match empty parameter segments or extra segments', () => {
    expect(findOperation('GET', '/api/v2/workspaces/')).toEqual({
      kind: 'notFound',
    });
    expect(findOperation('GET', '/api/v2/buildinfo/extra')).toEqual({
      kind: 'notFound',
    });
  });

  it('applies status corrections from the wire-difference list', () => {
    const lookup = findOperation(
      'POST',
      '/api/v2/oauth2-provider/apps/x/secrets',
    );
    expect(lookup.kind === 'found' && lookup.operation.responses).toEqual({
      '201': expect.objectContaining({
        schema: { $ref: '#/definitions/codersdk.OAuth2ProviderAppSecretFull' },
      }),
    });
  });
});
