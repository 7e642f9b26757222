import { apiError, ApiError } from './errors';
import { goQuote } from './goText';
import type {
  BuildParameterRecord,
  TemplateVersionParameterRecord,
} from './records';

/**
 * Rich-parameter resolution and validation for a new build. Coder has two
 * code paths and the template's `use_classic_parameter_flow` picks one:
 *
 * - classic (coderd/wsbuilder getClassicParameters + codersdk.ParameterResolver):
 *   400 `Unable to validate parameter "<name>"`, the reason in `detail`;
 * - dynamic (coderd/dynamicparameters ResolveParameters): 400
 *   `Unable to validate parameters` with one `validations` entry per parameter,
 *   sorted by name, each `"<summary>; <detail>"`.
 *
 * Either way, values for names the template does not define are dropped, and
 * the stored values cover every template parameter (defaults filled in).
 */

export interface ResolveInput {
  parameters: TemplateVersionParameterRecord[];
  /** Values from the previous build; undefined for a workspace's first build. */
  previous: BuildParameterRecord[] | undefined;
  provided: BuildParameterRecord[];
  classicFlow: boolean;
}

const find = (values: BuildParameterRecord[] | undefined, name: string) =>
  values?.find(value => value.name === name);

/** terraform-provider-coder's Validation.Valid, with MinDisabled/MaxDisabled. */
export function validationError(
  parameter: TemplateVersionParameterRecord,
  value: string,
  previous: string | undefined,
): string | undefined {
  const { type } = parameter;
  const renderedError = () =>
    parameter.validationError
      ? parameter.validationError
          .replaceAll('{min}', String(parameter.validationMin ?? 0))
          .replaceAll('{max}', String(parameter.validationMax ?? 0))
          .replaceAll('{value}', value)
      : undefined;
  if (type !== 'number') {
    if (parameter.validationMin !== undefined)
      return `a min cannot be specified for a ${type} type`;
    if (parameter.validationMax !== undefined)
      return `a max cannot be specified for a ${type} type`;
    if (parameter.validationMonotonic) {
      return `monotonic validation can only be specified for number types, not ${type} types`;
    }
  }
  if (type !== 'string' && parameter.validationRegex) {
    return `a regex cannot be specified for a ${type} type`;
  }
  switch (type) {
    case 'bool':
      return value === 'true' || value === 'false'
        ? undefined
        : 'boolean value can be either "true" or "false"';
    case 'string': {
      if (!parameter.validationRegex) return undefined;
      if (!parameter.validationError)
        return 'an error must be specified with a regex validation';
      // Go's RE2 and JavaScript agree on the simple patterns templates use.
      const matched = new RegExp(parameter.validationRegex).test(value);
      return matched
        ? undefined
        : `${parameter.validationError} (value ${goQuote(value)} does not match ${goQuote(parameter.validationRegex)})`;
    }
    case 'number': {
      if (!/^[+-]?[0-9]+$/.test(value)) {
        return renderedError() ?? `value ${goQuote(value)} is not a number`;
      }
      const number = Number(value);
      if (
        parameter.validationMin !== undefined &&
        number < parameter.validationMin
      ) {
        return (
          renderedError() ??
          `value ${number} is less than the minimum ${parameter.validationMin}`
        );
      }
      if (
        parameter.validationMax !== undefined &&
        number > parameter.validationMax
      ) {
        return (
          renderedError() ??
          `value ${number} is more than the maximum ${parameter.validationMax}`
        );
      }
      if (
        parameter.validationMonotonic &&
        previous !== undefined &&
        /^[+-]?[0-9]+$/.test(previous)
      ) {
        const previousNumber = Number(previous);
        if (
          parameter.validationMonotonic === 'increasing' &&
          number < previousNumber
        ) {
          return `parameter value '${number}' must be equal or greater than previous value: ${previousNumber}`;
        }
        if (
          parameter.validationMonotonic === 'decreasing' &&
          number > previousNumber
        ) {
          return `parameter value '${number}' must be equal or lower than previous value: ${previousNumber}`;
        }
      }
      return undefined;
    }
    default:
      return isListOfStrings(value)
        ? undefined
        : `value ${goQuote(value)} is not valid list of strings`;
  }
}

function isListOfStrings(value: string): boolean {
  try {
    const parsed: unknown = JSON.parse(value);
    return (
      Array.isArray(parsed) && parsed.every(item => typeof item === 'string')
    );
  } catch {
    return false;
  }
}

function validationEnabled(parameter: TemplateVersionParameterRecord): boolean {
  return (
    Boolean(parameter.validationRegex) ||
    parameter.validationMin !== undefined ||
    parameter.validationMax !== undefined ||
    Boolean(parameter.validationMonotonic) ||
    parameter.type === 'bool' ||
    parameter.type === 'list(string)'
  );
}

/** codersdk.ParameterResolver.ValidateResolve and validateBuildParameter. */
function resolveClassic(input: ResolveInput): BuildParameterRecord[] {
  const resolved: BuildParameterRecord[] = [];
  for (const parameter of input.parameters) {
    const fail = (reason: string): ApiError =>
      apiError(
        400,
        `Unable to validate parameter ${goQuote(parameter.name)}`,
        // errors.Join(ErrParameterValidation, err) prints both, one per line.
        `parameter validation failed\n${reason}`,
      );
    const provided = find(input.provided, parameter.name);
    const previous = find(input.previous, parameter.name);
    if (
      !parameter.mutable &&
      provided &&
      previous &&
      provided.value !== previous.value
    ) {
      throw fail(
        `Parameter ${goQuote(parameter.name)} is not mutable, so it can't be updated after creating a workspace.`,
      );
    }
    if (parameter.required && !provided && !previous) {
      throw fail(
        `Parameter ${goQuote(parameter.name)} is required but not provided`,
      );
    }
    const value =
      provided?.value ??
      (parameter.ephemeral ? undefined : previous?.value) ??
      parameter.defaultValue;
    const label = parameter.displayName || parameter.name;
    const wrap = (reason: string) =>
      fail(`can't validate build parameter ${goQuote(label)}: ${reason}`);
    if (parameter.required && value === '')
      throw wrap('parameter value is required');
    // An empty optional value is validated as the default, but stored empty.
    const checked = value === '' ? parameter.defaultValue : value;
    if (parameter.options.length > 0) {
      if (!parameter.options.some(option => option.value === checked)) {
        throw wrap(
          `parameter value must match one of options: [${parameter.options.map(option => option.value).join(' ')}]`,
        );
      }
    } else if (validationEnabled(parameter)) {
      const previousValue = previous?.value ? previous.value : undefined;
      const problem = validationError(parameter, checked, previousValue);
      if (problem) throw wrap(problem);
    }
    resolved.push({ name: parameter.name, value });
  }
  return resolved;
}

interface Diagnostic {
  summary: string;
  detail: string;
}

function typeProblem(
  parameter: TemplateVersionParameterRecord,
  value: string,
): string | undefined {
  switch (parameter.type) {
    case 'number':
      return value.trim() !== '' && Number.isFinite(Number(value))
        ? undefined
        : `${goQuote(value)} is not a number`;
    case 'bool':
      return [
        '1',
        't',
        'T',
        'TRUE',
        'true',
        'True',
        '0',
        'f',
        'F',
        'FALSE',
        'false',
        'False',
      ].includes(value)
        ? undefined
        : `${goQuote(value)} is not a bool`;
    case 'list(string)':
      return isListOfStrings(value)
        ? undefined
        : `value ${goQuote(value)} is not a valid list of strings`;
    default:
      return undefined;
  }
}

/** terraform-provider-coder Parameter.ValidateInput, as preview runs it. */
function inputDiagnostics(
  parameter: TemplateVersionParameterRecord,
  value: string | undefined,
  previous: string | undefined,
): Diagnostic[] {
  if (parameter.required && (value === undefined || value === '')) {
    return [
      {
        summary: 'Required parameter not provided',
        detail: 'parameter value is required',
      },
    ];
  }
  const hasValidation = validationEnabledForDynamic(parameter);
  if (value === undefined && !hasValidation) return [];
  const forced = value ?? '';
  if (parameter.options.length > 0) {
    if (parameter.type === 'list(string)') {
      if (!isListOfStrings(forced)) {
        return [
          {
            summary:
              'When using list(string) type, value must be a json encoded list of strings',
            detail: `value ${goQuote(forced)} is not a valid list of strings`,
          },
        ];
      }
      const allowed = new Set(parameter.options.map(option => option.value));
      const missing = (JSON.parse(forced) as string[]).filter(
        item => !allowed.has(item),
      );
      if (missing.length > 0) {
        return [
          {
            summary: 'Values must be a valid option',
            detail: `Value ${goQuote(forced)} is not a valid option, values ${goQuote(missing.join(', '))} are missing from the options`,
          },
        ];
      }
    } else if (!parameter.options.some(option => option.value === forced)) {
      const extra =
        forced === ''
          ? '. The value is empty, did you forget to set it with a default or from user input?'
          : '';
      return [
        {
          summary: `Value must be a valid option${extra}`,
          detail: `the value ${goQuote(forced)} must be defined as one of options`,
        },
      ];
    }
  }
  if (hasValidation) {
    const problem = validationError(parameter, forced, previous);
    if (problem) {
      return [
        {
          summary: "Invalid parameter value according to 'validation' block",
          detail: problem,
        },
      ];
    }
  }
  const wrongType = typeProblem(parameter, forced);
  if (wrongType) {
    return [
      {
        summary: `Parameter value is not of type ${goQuote(parameter.type)}`,
        detail: wrongType,
      },
    ];
  }
  return [];
}

/** A `validation` block exists in the template (types are checked separately). */
function validationEnabledForDynamic(
  parameter: TemplateVersionParameterRecord,
): boolean {
  return (
    Boolean(parameter.validationRegex) ||
    parameter.validationMin !== undefined ||
    parameter.validationMax !== undefined ||
    Boolean(parameter.validationMonotonic)
  );
}

function diagnosticsText(diagnostics: Diagnostic[]): string {
  const [first] = diagnostics;
  const text = `${first.summary}; ${first.detail}`;
  return diagnostics.length === 1
    ? text
    : `${text}, and ${diagnostics.length - 1} other diagnostic(s)`;
}

/** coderd/dynamicparameters ResolveParameters. */
function resolveDynamic(input: ResolveInput): BuildParameterRecord[] {
  const firstBuild = input.previous === undefined;
  const problems = new Map<string, Diagnostic[]>();
  const resolved: BuildParameterRecord[] = [];
  for (const parameter of input.parameters) {
    const provided = find(input.provided, parameter.name);
    const previous = find(input.previous, parameter.name);
    // Ephemeral values never carry over from the previous build.
    const carried = parameter.ephemeral ? undefined : previous;
    const value =
      provided?.value ??
      carried?.value ??
      (parameter.defaultValue !== '' || !parameter.required
        ? parameter.defaultValue
        : undefined);
    const diagnostics: Diagnostic[] = [];
    if (
      !firstBuild &&
      !parameter.mutable &&
      previous &&
      value !== previous.value
    ) {
      diagnostics.push({
        summary: 'Immutable parameter changed',
        detail: `Parameter ${goQuote(parameter.name)} is not mutable, so it can't be updated after creating a workspace.`,
      });
    }
    diagnostics.push(
      ...inputDiagnostics(parameter, value, previous?.value || undefined),
    );
    if (diagnostics.length > 0) problems.set(parameter.name, diagnostics);
    resolved.push({ name: parameter.name, value: value ?? '' });
  }
  if (problems.size > 0) {
    const validations = [...problems.entries()]
      .sort(([left], [right]) => (left < right ? -1 : 1))
      .map(([name, diagnostics]) => ({
        field: name,
        detail: diagnosticsText(diagnostics),
      }));
    throw apiError(
      400,
      'Unable to validate parameters',
      undefined,
      validations,
    );
  }
  return resolved;
}

export function resolveBuildParameters(
  input: ResolveInput,
): BuildParameterRecord[] {
  return input.classicFlow ? resolveClassic(input) : resolveDynamic(input);
}
