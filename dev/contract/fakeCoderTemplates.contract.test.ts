/** @jest-environment node */
import {
  callCoder,
  SEED_IDS,
  startContractFake,
  type FakeCoder,
} from './fakeCoderContract';

let fake: FakeCoder;
beforeAll(async () => {
  fake = await startContractFake();
});
afterAll(() => fake.close());

const get = (path: string) => callCoder(fake, 'GET', path);
const names = (templates: Array<{ name: string }>) =>
  templates.map(template => template.name).sort();
const q = (query: string) => `q=${encodeURIComponent(query)}`;

const UNKNOWN_TEMPLATE = 'c0de0002-0000-4000-8000-0000000000ff';
const UNKNOWN_VERSION = 'c0de0003-0000-4000-8000-0000000000ff';
const VERSIONS = Object.entries(SEED_IDS.templateVersions);
const TEMPLATES = Object.entries(SEED_IDS.templates);
/** Parameter names per version (dev/fake-coder/README.md). */
const PARAMETER_NAMES: Array<[string, string[]]> = [
  [
    'devcontainersV1',
    ['repo_url', 'region', 'cpu', 'dotfiles_uri', 'disk_size'],
  ],
  [
    'devcontainersV2',
    [
      'repo_url',
      'region',
      'cpu',
      'enable_docker',
      'dotfiles_uri',
      'disk_size',
      'tags',
    ],
  ],
  ['dockerV1', ['image', 'home_volume_gb']],
  ['legacyVmV1', []],
];

describe('template listings on the fake Coder match swagger', () => {
  it('lists the non-deprecated templates by default', async () => {
    const answer = await get('/api/v2/templates');
    expect(answer.status).toBe(200);
    expect(names(answer.body)).toEqual(['devcontainers', 'docker']);
  });

  it('lists deprecated templates for deprecated:true', async () => {
    const answer = await get(`/api/v2/templates?${q('deprecated:true')}`);
    expect(names(answer.body)).toEqual(['legacy-vm']);
    expect(answer.body[0].deprecation_message).not.toBe('');
  });

  it('answers 400 for an unknown template search key', async () => {
    const answer = await get(`/api/v2/templates?${q('bad:x')}`);
    expect(answer.status).toBe(400);
    expect(answer.body.message).toBe('Invalid template search query.');
  });

  it.each([
    ['its id', SEED_IDS.organization],
    ['its name', 'coder'],
    ['the `default` alias', 'default'],
  ])('lists an organization’s templates by %s', async (_label, key) => {
    const answer = await get(`/api/v2/organizations/${key}/templates`);
    expect(answer.status).toBe(200);
    expect(names(answer.body)).toEqual(['devcontainers', 'docker']);
  });

  it('filters an organization’s templates with q', async () => {
    const answer = await get(
      `/api/v2/organizations/coder/templates?${q('exact_name:docker')}`,
    );
    expect(names(answer.body)).toEqual(['docker']);
  });

  it('finds a template by organization and name, and 404s an unknown name', async () => {
    const found = await get('/api/v2/organizations/coder/templates/docker');
    expect(found.status).toBe(200);
    expect(found.body.id).toBe(SEED_IDS.templates.docker);
    const missing = await get('/api/v2/organizations/coder/templates/nope');
    expect(missing.status).toBe(404);
  });
});

describe('template and version reads on the fake Coder match swagger', () => {
  it.each(TEMPLATES)('returns template %s by id', async (_name, id) => {
    const answer = await get(`/api/v2/templates/${id}`);
    expect(answer.status).toBe(200);
    expect(answer.body.id).toBe(id);
  });

  it('answers 404 for an unknown template and 400 for a non-UUID one', async () => {
    expect((await get(`/api/v2/templates/${UNKNOWN_TEMPLATE}`)).status).toBe(
      404,
    );
    const malformed = await get('/api/v2/templates/docker');
    expect(malformed.status).toBe(400);
    expect(malformed.body.message).toBe('Invalid UUID "docker".');
  });

  it.each(VERSIONS)('returns template version %s', async (_name, id) => {
    const answer = await get(`/api/v2/templateversions/${id}`);
    expect(answer.status).toBe(200);
    expect(answer.body).toMatchObject({ id, archived: false });
    expect(answer.body.job.type).toBe('template_version_import');
  });

  it.each(PARAMETER_NAMES)(
    'returns the rich parameters of template version %s in template order',
    async (name, expected) => {
      const id =
        SEED_IDS.templateVersions[
          name as keyof typeof SEED_IDS.templateVersions
        ];
      const answer = await get(
        `/api/v2/templateversions/${id}/rich-parameters`,
      );
      expect(answer.status).toBe(200);
      expect(
        answer.body.map((parameter: { name: string }) => parameter.name),
      ).toEqual(expected);
    },
  );

  it.each(VERSIONS)(
    'returns an empty preset array, not null, for template version %s',
    async (_name, id) => {
      const answer = await get(`/api/v2/templateversions/${id}/presets`);
      expect(answer.status).toBe(200);
      expect(answer.body).toEqual([]);
    },
  );

  it('describes the devcontainers parameters with their validation rules', async () => {
    const answer = await get(
      `/api/v2/templateversions/${SEED_IDS.templateVersions.devcontainersV2}/rich-parameters`,
    );
    const byName = Object.fromEntries(
      answer.body.map((parameter: { name: string }) => [
        parameter.name,
        parameter,
      ]),
    );
    expect(byName.repo_url.required).toBe(true);
    expect(byName.cpu).toMatchObject({ validation_min: 1, validation_max: 8 });
    expect(byName.disk_size.mutable).toBe(false);
    expect(byName.dotfiles_uri.validation_regex).toBe('^(https://.*)?$');
  });

  it('answers 404 for an unknown template version and its parameters', async () => {
    expect(
      (await get(`/api/v2/templateversions/${UNKNOWN_VERSION}`)).status,
    ).toBe(404);
    expect(
      (await get(`/api/v2/templateversions/${UNKNOWN_VERSION}/rich-parameters`))
        .status,
    ).toBe(404);
  });

  it('answers 400 for a template version id that is not a UUID', async () => {
    const answer = await get('/api/v2/templateversions/v1.1.0/rich-parameters');
    expect(answer.status).toBe(400);
    expect(answer.body.message).toBe('Invalid UUID "v1.1.0".');
  });
});
