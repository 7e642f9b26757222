/** @jest-environment node */
import { ApiError } from './errors';
import { resolveBuildParameters, ResolveInput } from './parameters';
import type { TemplateVersionParameterRecord } from './records';
import { SEED_IDS, seedStore } from './seed';

const { store } = seedStore(
  Date.UTC(2026, 7, 21) * 1000,
  'http://127.0.0.1:3900',
);
const devcontainers =
  store.templateVersions.get(SEED_IDS.templateVersions.devcontainersV2)
    ?.parameters ?? [];
const docker =
  store.templateVersions.get(SEED_IDS.templateVersions.dockerV1)?.parameters ??
  [];
const REPO = { name: 'repo_url', value: 'https://github.com/acme/web-app' };

function failure(input: ResolveInput): ApiError {
  try {
    resolveBuildParameters(input);
  } catch (error) {
    if (error instanceof ApiError) return error;
    throw error;
  }
  throw new Error('expected the parameters to be rejected');
}

const dynamic = (
  provided: ResolveInput['provided'],
  previous?: ResolveInput['previous'],
): ResolveInput => ({
  parameters: devcontainers,
  provided,
  previous,
  classicFlow: false,
});

describe('dynamic parameter flow (use_classic_parameter_flow: false)', () => {
  it('fills every parameter with its default and drops names the template does not define', () => {
    expect(
      resolveBuildParameters(dynamic([REPO, { name: 'colour', value: 'red' }])),
    ).toEqual([
      REPO,
      { name: 'region', value: 'eu-helsinki' },
      { name: 'cpu', value: '2' },
      { name: 'enable_docker', value: 'false' },
      { name: 'dotfiles_uri', value: '' },
      { name: 'disk_size', value: '20' },
      { name: 'tags', value: '[]' },
    ]);
  });

  it('answers one validation per parameter, sorted by name, each "summary; detail"', () => {
    const error = failure(
      dynamic([
        { name: 'region', value: 'mars' },
        { name: 'cpu', value: '9' },
        { name: 'dotfiles_uri', value: 'git@github.com:me/dotfiles' },
        { name: 'enable_docker', value: 'yes' },
        { name: 'tags', value: 'a,b' },
      ]),
    );
    expect(error.status).toBe(400);
    expect(error.body).toEqual({
      message: 'Unable to validate parameters',
      validations: [
        {
          field: 'cpu',
          detail:
            "Invalid parameter value according to 'validation' block; value 9 is more than the maximum 8",
        },
        {
          field: 'dotfiles_uri',
          detail:
            "Invalid parameter value according to 'validation' block; The dotfiles URL must start with https:// " +
            '(value "git@github.com:me/dotfiles" does not match "^(https://.*)?$")',
        },
        {
          field: 'enable_docker',
          detail: 'Parameter value is not of type "bool"; "yes" is not a bool',
        },
        {
          field: 'region',
          detail:
            'Value must be a valid option; the value "mars" must be defined as one of options',
        },
        {
          field: 'repo_url',
          detail:
            'Required parameter not provided; parameter value is required',
        },
        {
          field: 'tags',
          detail:
            'Parameter value is not of type "list(string)"; value "a,b" is not a valid list of strings',
        },
      ],
    });
  });

  it('rejects a changed immutable parameter on a later build but not on the first', () => {
    const previous = resolveBuildParameters(dynamic([REPO]));
    expect(
      resolveBuildParameters(
        dynamic([REPO, { name: 'disk_size', value: '50' }]),
      ),
    ).toContainEqual({ name: 'disk_size', value: '50' });
    expect(
      failure(dynamic([{ name: 'disk_size', value: '50' }], previous)).body
        .validations,
    ).toEqual([
      {
        field: 'disk_size',
        detail:
          'Immutable parameter changed; Parameter "disk_size" is not mutable, so it can\'t be updated after creating a workspace.',
      },
    ]);
  });

  it('keeps previous values for parameters a later build leaves out', () => {
    const previous = resolveBuildParameters(
      dynamic([REPO, { name: 'cpu', value: '6' }]),
    );
    expect(resolveBuildParameters(dynamic([], previous))).toContainEqual({
      name: 'cpu',
      value: '6',
    });
  });

  it('enforces a monotonic number against the previous build', () => {
    const monotonic: TemplateVersionParameterRecord = {
      ...devcontainers.find(parameter => parameter.name === 'cpu')!,
      name: 'volume_gb',
      validationMonotonic: 'increasing',
      validationMax: 100,
    };
    const input = (value: string, previous?: string): ResolveInput => ({
      parameters: [monotonic],
      provided: [{ name: 'volume_gb', value }],
      previous:
        previous === undefined
          ? undefined
          : [{ name: 'volume_gb', value: previous }],
      classicFlow: false,
    });
    expect(resolveBuildParameters(input('30', '20'))).toEqual([
      { name: 'volume_gb', value: '30' },
    ]);
    expect(failure(input('10', '20')).body.validations).toEqual([
      {
        field: 'volume_gb',
        detail:
          "Invalid parameter value according to 'validation' block; parameter value '10' must be equal or greater than previous value: 20",
      },
    ]);
  });
});

describe('classic parameter flow (use_classic_parameter_flow: true)', () => {
  const classic = (
    provided: ResolveInput['provided'],
    previous?: ResolveInput['previous'],
  ): ResolveInput => ({
    parameters: docker,
    provided,
    previous,
    classicFlow: true,
  });

  it('names the first bad parameter in the message and explains in the detail', () => {
    expect(failure(classic([{ name: 'image', value: 'alpine' }])).body).toEqual(
      {
        message: 'Unable to validate parameter "image"',
        detail:
          'parameter validation failed\ncan\'t validate build parameter "Image": parameter value must match one of options: ' +
          '[codercom/enterprise-base:ubuntu codercom/enterprise-node:ubuntu]',
      },
    );
    expect(
      failure(classic([{ name: 'home_volume_gb', value: '0' }])).body,
    ).toEqual({
      message: 'Unable to validate parameter "home_volume_gb"',
      detail:
        'parameter validation failed\ncan\'t validate build parameter "Home volume (GB)": value 0 is less than the minimum 1',
    });
  });

  it("reports required and immutable parameters with the resolver's own texts", () => {
    const required = { ...devcontainers[0] };
    expect(
      failure({
        parameters: [required],
        provided: [],
        previous: undefined,
        classicFlow: true,
      }).body,
    ).toEqual({
      message: 'Unable to validate parameter "repo_url"',
      detail:
        'parameter validation failed\nParameter "repo_url" is required but not provided',
    });
    const immutable = devcontainers.find(
      parameter => parameter.name === 'disk_size',
    )!;
    expect(
      failure({
        parameters: [immutable],
        provided: [{ name: 'disk_size', value: '30' }],
        previous: [{ name: 'disk_size', value: '20' }],
        classicFlow: true,
      }).body.detail,
    ).toBe(
      'parameter validation failed\nParameter "disk_size" is not mutable, so it can\'t be updated after creating a workspace.',
    );
  });

  it('accepts valid values and fills defaults', () => {
    expect(
      resolveBuildParameters(
        classic([{ name: 'home_volume_gb', value: '25' }]),
      ),
    ).toEqual([
      { name: 'image', value: 'codercom/enterprise-base:ubuntu' },
      { name: 'home_volume_gb', value: '25' },
    ]);
  });
});
