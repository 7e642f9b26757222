import type { CoderTemplateParameter } from '../api/types';
import {
  createWorkspaceProblems,
  listValue,
  parameterProblem,
  parseListValue,
} from './parameterValues';

function parameter(
  fields: Partial<CoderTemplateParameter> & { name: string },
): CoderTemplateParameter {
  return {
    description: '',
    type: 'string',
    form_type: 'input',
    mutable: true,
    default_value: '',
    icon: '',
    options: [],
    required: false,
    ephemeral: false,
    ...fields,
  };
}

const TAGS = parameter({ name: 'tags', type: 'list(string)' });

describe('list(string) values', () => {
  it.each([
    ['', []],
    ['[]', []],
    ['["a","b c"]', ['a', 'b c']],
    ['  ["a"]  ', ['a']],
  ])('reads %j as a list', (value, items) => {
    expect(parseListValue(value)).toEqual(items);
  });

  it.each(['a,b', '["a",1]', '{"a":"b"}', '"a"', '[null]', '['])(
    'reads %j as no list',
    value => {
      expect(parseListValue(value)).toBeUndefined();
    },
  );

  it('writes a list the way Coder reads it', () => {
    expect(listValue(['a', 'team "b"'])).toBe('["a","team \\"b\\""]');
    expect(listValue([])).toBe('[]');
  });
});

describe('parameterProblem', () => {
  it('accepts an empty optional list', () => {
    expect(parameterProblem(TAGS, '[]')).toBeUndefined();
    expect(parameterProblem(TAGS, '')).toBeUndefined();
  });

  it('asks for an item in a required list, empty or "[]"', () => {
    const required = { ...TAGS, required: true };
    expect(parameterProblem(required, '[]')).toBe('Add at least one item.');
    expect(parameterProblem(required, '')).toBe('Add at least one item.');
    expect(parameterProblem(required, '["a"]')).toBeUndefined();
  });

  it('says what a list must look like', () => {
    expect(parameterProblem(TAGS, 'a,b')).toBe(
      'Coder expects a list such as ["a","b"]; "a,b" is not one. Add the items here instead.',
    );
  });

  it('accepts only offered items in a list with options', () => {
    const zones = {
      ...TAGS,
      options: [{ name: 'Helsinki', description: '', value: 'eu', icon: '' }],
    };
    expect(parameterProblem(zones, '["eu"]')).toBeUndefined();
    expect(parameterProblem(zones, '["eu","mars"]')).toBe(
      'Not an option: mars.',
    );
  });

  it('still checks numbers against bounds that may be null', () => {
    const cpu = parameter({
      name: 'cpu',
      type: 'number',
      validation_min: null,
      validation_max: 8,
    });
    expect(parameterProblem(cpu, '-3')).toBeUndefined();
    expect(parameterProblem(cpu, '9')).toBe('Enter at most 8.');
  });
});

describe('createWorkspaceProblems', () => {
  it('leaves a non-Coder failure to the general message', () => {
    expect(createWorkspaceProblems(new Error('offline'), [])).toEqual({
      fields: {},
      general: expect.any(String),
    });
  });
});
