import type { CoderTemplateParameter } from '../api/types';
import { isCoderResponseError } from '../api/errors';
import { describeCoderError } from '../api/describeCoderError';

/**
 * Starting values for the create form: the template's defaults, then configured values
 * (app config, then the entity), then the repository URL in each repository parameter.
 *
 * @public
 */
export function initialParameterValues(
  parameters: CoderTemplateParameter[],
  configured: Record<string, string | undefined>,
  repository?: { repoUrl: string; repoUrlParamKeys: readonly string[] },
): Record<string, string> {
  const values: Record<string, string> = {};
  for (const parameter of parameters) {
    const fromConfig = configured[parameter.name];
    values[parameter.name] = fromConfig ?? parameter.default_value;
    if (
      repository?.repoUrl &&
      repository.repoUrlParamKeys.includes(parameter.name)
    ) {
      values[parameter.name] = repository.repoUrl;
    }
  }
  return values;
}

/**
 * The items of a `list(string)` value, which Coder keeps as a JSON array of strings in
 * one string (`["a","b"]`); empty text is an empty list. `undefined` when the text is
 * not such an array, e.g. a configured `a,b`.
 *
 * @public
 */
export function parseListValue(value: string): string[] | undefined {
  if (value.trim() === '') return [];
  let parsed: unknown;
  try {
    parsed = JSON.parse(value);
  } catch {
    return undefined;
  }
  return Array.isArray(parsed) && parsed.every(item => typeof item === 'string')
    ? parsed
    : undefined;
}

/** A `list(string)` value as Coder expects it: a JSON array of strings. @public */
export function listValue(items: readonly string[]): string {
  return JSON.stringify(items);
}

function listProblem(
  parameter: CoderTemplateParameter,
  value: string,
): string | undefined {
  const items = parseListValue(value);
  if (!items) {
    return `Coder expects a list such as ["a","b"]; ${JSON.stringify(value)} is not one. Add the items here instead.`;
  }
  if (items.length === 0)
    return parameter.required ? 'Add at least one item.' : undefined;
  if (parameter.options.length === 0) return undefined;
  const offered = new Set(parameter.options.map(option => option.value));
  const unknown = items.filter(item => !offered.has(item));
  return unknown.length > 0
    ? `Not an option: ${unknown.join(', ')}.`
    : undefined;
}

/**
 * The problem Coder would report for `value`, checked before sending: required, options,
 * `validation_regex` (with the template's own error text), number bounds, and for
 * `list(string)` a JSON array of strings (with at least one item when required).
 *
 * @public
 */
export function parameterProblem(
  parameter: CoderTemplateParameter,
  value: string,
): string | undefined {
  if (parameter.type === 'list(string)') return listProblem(parameter, value);
  if (value === '')
    return parameter.required ? 'This parameter is required.' : undefined;
  if (
    parameter.options.length > 0 &&
    !parameter.options.some(option => option.value === value)
  )
    return 'Choose one of the options.';
  if (parameter.type === 'number') {
    const number = Number(value);
    if (!Number.isFinite(number)) return 'Enter a number.';
    const { validation_min: min, validation_max: max } = parameter;
    if (min !== undefined && min !== null && number < min)
      return `Enter at least ${min}.`;
    if (max !== undefined && max !== null && number > max)
      return `Enter at most ${max}.`;
  }
  if (parameter.validation_regex && parameter.type === 'string') {
    let pattern: RegExp | undefined;
    try {
      pattern = new RegExp(parameter.validation_regex);
    } catch {
      // Coder uses Go's regexp syntax; if the browser cannot read it, leave it to Coder.
    }
    if (pattern && !pattern.test(value)) {
      return (
        parameter.validation_error ||
        `Must match ${parameter.validation_regex}.`
      );
    }
  }
  return undefined;
}

/** Coder's answer to a failed create, sorted onto the form's fields. @public */
export interface CreateWorkspaceProblems {
  /** Keyed by `name` or a parameter name. */
  fields: Record<string, string>;
  /** What belongs to no field. */
  general?: string;
}

/**
 * Places Coder's validation errors on the fields they concern: `validations[].field` is
 * `name` or a parameter name (dynamic-parameter templates); classic templates answer
 * `Unable to validate parameter "x"` with the reason in `detail`.
 *
 * @public
 */
export function createWorkspaceProblems(
  error: unknown,
  parameterNames: string[],
): CreateWorkspaceProblems {
  if (!isCoderResponseError(error))
    return { fields: {}, general: describeCoderError(error).message };
  const { message, detail, validations } = error.coder;
  const fields: Record<string, string> = {};
  const known = new Set(['name', ...parameterNames]);
  for (const validation of validations) {
    const field = known.has(validation.field) ? validation.field : undefined;
    if (field && !fields[field]) fields[field] = validation.detail;
  }
  const classic = /Unable to validate parameter "([^"]+)"/.exec(message)?.[1];
  if (classic && known.has(classic)) fields[classic] = detail ?? message;
  const placed = Object.keys(fields).length > 0;
  return {
    fields,
    general: placed ? undefined : [message, detail].filter(Boolean).join(' '),
  };
}
