/** @jest-environment node */
import { byDisplayOrder } from './parameterOrder';
import type { TemplateVersionParameterRecord } from './records';
import { SEED_IDS } from './seed';
import type { FakeCoder } from './server';
import { call, startTestFake } from './testing';

/*
 * GetTemplateVersionParameters (coderd/database/queries/
 * templateversionparameters.sql) orders a version's rich parameters by
 * display_order, then lower(name). Seeded templates set display orders, as
 * authors do with `order`, so their parameters keep the order given.
 */

const parameter = (
  name: string,
  displayOrder: number,
): TemplateVersionParameterRecord => ({
  name,
  displayOrder,
  displayName: '',
  description: '',
  type: 'string',
  formType: 'input',
  mutable: true,
  defaultValue: '',
  icon: '',
  options: [],
  required: false,
  ephemeral: false,
});

describe('byDisplayOrder', () => {
  it('sorts by display order, then by lower-cased name', () => {
    const sorted = byDisplayOrder([
      parameter('zone', 0),
      parameter('Beta', 1),
      parameter('alpha', 1),
      parameter('Region', 0),
      parameter('first', -1),
    ]);
    expect(sorted.map(entry => entry.name)).toEqual([
      'first',
      'Region',
      'zone',
      'alpha',
      'Beta',
    ]);
  });
});

describe('GET /api/v2/templateversions/{id}/rich-parameters', () => {
  let fake: FakeCoder;
  beforeAll(async () => {
    fake = await startTestFake();
  });
  afterAll(() => fake.close());

  it('keeps the order the seeded template gives', async () => {
    const response = await call(
      fake,
      `/api/v2/templateversions/${SEED_IDS.templateVersions.devcontainersV2}/rich-parameters`,
      { token: fake.demoToken },
    );
    expect(response.body.map((entry: { name: string }) => entry.name)).toEqual([
      'repo_url',
      'region',
      'cpu',
      'enable_docker',
      'dotfiles_uri',
      'disk_size',
      'tags',
    ]);
  });
});
