/** @jest-environment node */
import { buildWireDefinitions } from './buildWireDefinitions';
import { contractOperations } from './contractOperations';
import { loadSwaggerDocument } from './swaggerDocument';
import { validateAgainstSchema } from './validateAgainstSchema';
import { WIRE_DIFFERENCES } from './wireDifferences';

describe('WIRE_DIFFERENCES', () => {
  const document = loadSwaggerDocument();

  it('gives every entry a reason that cites CONTRACT.md or says it is not in it', () => {
    for (const difference of WIRE_DIFFERENCES) {
      expect(difference.reason).toMatch(/§\d+|Not in CONTRACT/);
    }
  });

  it('names only definitions and properties swagger has, on both sides of the wire', () => {
    // buildWireDefinitions throws on any stale entry.
    expect(() =>
      buildWireDefinitions(document.definitions, 'response'),
    ).not.toThrow();
    expect(() =>
      buildWireDefinitions(document.definitions, 'request'),
    ).not.toThrow();
  });

  it('names only operations, statuses and parameters swagger has', () => {
    expect(contractOperations().length).toBeGreaterThan(300);
  });

  it('leaves the shared swagger document untouched', () => {
    expect(
      document.definitions['codersdk.TransitionStats'].properties,
    ).toHaveProperty('p50');
    expect(
      document.paths['/api/v2/templates'].get.parameters ?? [],
    ).not.toContainEqual(expect.objectContaining({ name: 'q' }));
  });

  it('makes response objects closed and all-required except omitted fields', () => {
    const workspace = buildWireDefinitions(document.definitions, 'response')[
      'codersdk.Workspace'
    ];
    expect(workspace.additionalProperties).toBe(false);
    expect(workspace.required).toContain('latest_build');
    expect(workspace.required).toContain('dormant_at');
    expect(workspace.required).not.toContain('ttl_ms');
  });

  it('keeps swagger’s own required lists for request bodies', () => {
    const request = buildWireDefinitions(document.definitions, 'request')[
      'codersdk.CreateWorkspaceBuildRequest'
    ];
    expect(request.required).toEqual(['transition']);
    expect(request.additionalProperties).toBe(false);
  });

  it('keeps maps open', () => {
    const agent = buildWireDefinitions(document.definitions, 'response')[
      'codersdk.WorkspaceAgent'
    ];
    expect(
      agent.properties?.environment_variables.additionalProperties,
    ).toEqual({ type: 'string' });
  });

  it('compiles every swagger definition on both sides', () => {
    for (const name of Object.keys(document.definitions)) {
      for (const mode of ['response', 'request'] as const) {
        expect(() =>
          validateAgainstSchema(mode, { $ref: `#/definitions/${name}` }, {}),
        ).not.toThrow();
      }
    }
  });
});
