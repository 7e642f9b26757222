import type { Entity } from '@backstage/catalog-model';
import * as v from 'valibot';
import type { CoderWorkspaceCreationMode } from '../config/CoderAppConfig';
import { normaliseRepoUrl } from './normaliseRepoUrl';

/** Annotations the plugin reads from an entity's catalog-info. @public */
export const CODER_ANNOTATIONS = {
  template: 'coder.com/template',
  mode: 'coder.com/mode',
  params: 'coder.com/params',
  repoUrl: 'coder.com/repo-url',
} as const;

const SOURCE_LOCATION_ANNOTATION = 'backstage.io/source-location';

/** One catalog-info value the plugin could not use, and what it expected. @public */
export interface CoderEntityConfigIssue {
  /** Where the value lives, e.g. `metadata.annotations["coder.com/params"]`. */
  field: string;
  message: string;
}

/** Coder settings read from one entity (undefined where the entity says nothing usable). @public */
export interface CoderEntityConfig {
  templateName?: string;
  mode?: CoderWorkspaceCreationMode;
  params: Record<string, string>;
  /** Normalised repository URL (`https://host/owner/repo`). */
  repoUrl?: string;
  /** The repository URL as written in the entity, before normalisation. */
  rawRepoUrl?: string;
  /** Where each value was written, for messages: `spec.coder.mode`, an annotation… */
  fields: {
    templateName?: string;
    mode?: string;
    params: Record<string, string>;
  };
  issues: CoderEntityConfigIssue[];
}

/** Coder's name rule for templates (codersdk NameValid): letters, digits, single hyphens. */
export const CODER_TEMPLATE_NAME_PATTERN = /^[a-zA-Z0-9]+(?:-[a-zA-Z0-9]+)*$/;
export const CODER_TEMPLATE_NAME_MAX_LENGTH = 32;
const MAX_PARAM_VALUE = 4096;

const templateNameSchema = v.pipe(
  v.string('expected a template name (text)'),
  v.trim(),
  v.maxLength(
    CODER_TEMPLATE_NAME_MAX_LENGTH,
    `expected at most ${CODER_TEMPLATE_NAME_MAX_LENGTH} characters`,
  ),
  v.regex(
    CODER_TEMPLATE_NAME_PATTERN,
    'expected a Coder template name: letters, digits and single hyphens, no spaces or "/"',
  ),
);

const modeSchema = v.picklist(
  ['manual', 'auto'],
  'expected "manual" or "auto"',
);

const paramValueSchema = v.pipe(
  v.union(
    [v.string(), v.number(), v.boolean()],
    'expected text, a number or true/false',
  ),
  v.transform(value => String(value)),
  v.maxLength(
    MAX_PARAM_VALUE,
    `expected at most ${MAX_PARAM_VALUE} characters`,
  ),
);

const PARAMS_EXPECTED = 'expected an object of parameter names to values';

const paramsObjectSchema = v.pipe(
  // valibot's record accepts arrays; a list of values has no parameter names.
  v.custom<Record<string, unknown>>(
    value =>
      typeof value === 'object' && value !== null && !Array.isArray(value),
    PARAMS_EXPECTED,
  ),
  v.record(
    v.pipe(v.string(), v.minLength(1, 'expected a parameter name')),
    paramValueSchema,
    PARAMS_EXPECTED,
  ),
);

const SPEC_CODER_EXPECTED =
  'expected an object with templateName, mode and params';

const specCoderSchema = v.pipe(
  // valibot's object accepts arrays too; a YAML list under spec.coder is a mistake.
  v.custom<object>(value => !Array.isArray(value), SPEC_CODER_EXPECTED),
  v.object(
    {
      templateName: v.optional(v.unknown()),
      mode: v.optional(v.unknown()),
      params: v.optional(v.unknown()),
    },
    SPEC_CODER_EXPECTED,
  ),
);

/**
 * Longest normalised repository URL used. Real ones are under 200 characters; the URL
 * goes into every search's query string, and past a few KB the Backstage proxy answers
 * 431/414, which would read as Coder being unreachable.
 */
const MAX_REPO_URL = 1024;

/**
 * Reads the entity's Coder settings: the `coder.com/*` annotations and the older
 * `spec.coder` block (annotations win field by field), plus the repository URL from
 * `coder.com/repo-url` or else `backstage.io/source-location`. Values that fail
 * validation are left out and reported in `issues`, so the rest still works.
 *
 * @public
 */
export function readEntityCoderConfig(entity: Entity): CoderEntityConfig {
  const issues: CoderEntityConfigIssue[] = [];
  const annotations = entity.metadata.annotations ?? {};
  const annotationField = (name: string) => `metadata.annotations["${name}"]`;

  const check = <TSchema extends v.GenericSchema>(
    schema: TSchema,
    value: unknown,
    field: string,
  ): v.InferOutput<TSchema> | undefined => {
    if (value === undefined) return undefined;
    const result = v.safeParse(schema, value);
    if (result.success) return result.output;
    const path = v.getDotPath(result.issues[0]);
    issues.push({
      field: path ? `${field}.${path}` : field,
      message: result.issues[0].message,
    });
    return undefined;
  };

  const specResult = v.safeParse(specCoderSchema, entity.spec?.coder);
  const spec = specResult.success ? specResult.output : undefined;
  if (entity.spec?.coder !== undefined && !specResult.success) {
    issues.push({ field: 'spec.coder', message: specResult.issues[0].message });
  }

  const specTemplate = check(
    templateNameSchema,
    spec?.templateName,
    'spec.coder.templateName',
  );
  const specMode = check(modeSchema, spec?.mode, 'spec.coder.mode');
  const specParams = check(
    paramsObjectSchema,
    spec?.params,
    'spec.coder.params',
  );

  const annotatedTemplate = check(
    templateNameSchema,
    annotations[CODER_ANNOTATIONS.template],
    annotationField(CODER_ANNOTATIONS.template),
  );
  const rawMode: unknown = annotations[CODER_ANNOTATIONS.mode];
  const annotatedMode = check(
    modeSchema,
    typeof rawMode === 'string' ? rawMode.trim() : rawMode,
    annotationField(CODER_ANNOTATIONS.mode),
  );
  const annotatedParams = readParamsAnnotation(
    annotationText(
      annotations,
      CODER_ANNOTATIONS.params,
      'expected a JSON object like {"region":"eu-helsinki"} or name=value pairs separated by commas',
      issues,
    ),
    annotationField(CODER_ANNOTATIONS.params),
    issues,
  );

  const { repoUrl, rawRepoUrl } = readRepoUrl(annotations, issues);

  const paramFields: Record<string, string> = {};
  for (const name of Object.keys(specParams ?? {}))
    paramFields[name] = 'spec.coder.params';
  for (const name of Object.keys(annotatedParams ?? {}))
    paramFields[name] = annotationField(CODER_ANNOTATIONS.params);
  const fieldOf = (
    annotated: unknown,
    annotation: string,
    specField: string,
  ) => (annotated !== undefined ? annotationField(annotation) : specField);
  const templateName = annotatedTemplate ?? specTemplate;
  const mode = annotatedMode ?? specMode;

  return {
    templateName,
    mode,
    params: { ...specParams, ...annotatedParams },
    repoUrl,
    rawRepoUrl,
    fields: {
      templateName:
        templateName === undefined
          ? undefined
          : fieldOf(
              annotatedTemplate,
              CODER_ANNOTATIONS.template,
              'spec.coder.templateName',
            ),
      mode:
        mode === undefined
          ? undefined
          : fieldOf(annotatedMode, CODER_ANNOTATIONS.mode, 'spec.coder.mode'),
      params: paramFields,
    },
    issues,
  };
}

/** `coder.com/params` holds either a JSON object or `name=value,name=value`. */
function readParamsAnnotation(
  raw: string | undefined,
  field: string,
  issues: CoderEntityConfigIssue[],
): Record<string, string> | undefined {
  if (raw === undefined || raw.trim() === '') return undefined;
  const text = raw.trim();
  let value: unknown;
  if (text.startsWith('{') || text.startsWith('[')) {
    try {
      value = JSON.parse(text);
    } catch {
      issues.push({
        field,
        message:
          'expected a JSON object like {"region":"eu-helsinki"} or name=value pairs separated by commas; the JSON does not parse',
      });
      return undefined;
    }
  } else {
    const pairs = text
      .split(',')
      .map(pair => pair.trim())
      .filter(Boolean);
    const entries: [string, string][] = [];
    for (const pair of pairs) {
      const separator = pair.indexOf('=');
      if (separator <= 0) {
        issues.push({
          field,
          message: `expected name=value pairs separated by commas (or a JSON object); "${truncate(pair)}" has no name=value`,
        });
        return undefined;
      }
      entries.push([
        pair.slice(0, separator).trim(),
        pair.slice(separator + 1).trim(),
      ]);
    }
    value = Object.fromEntries(entries);
  }
  const result = v.safeParse(paramsObjectSchema, value);
  if (result.success) return result.output;
  const path = v.getDotPath(result.issues[0]);
  issues.push({
    field: path ? `${field}.${path}` : field,
    message: result.issues[0].message,
  });
  return undefined;
}

const REPO_URL_EXPECTED =
  'expected a repository URL such as https://github.com/acme/web-app';

function readRepoUrl(
  annotations: Record<string, string>,
  issues: CoderEntityConfigIssue[],
): { repoUrl?: string; rawRepoUrl?: string } {
  const hasExplicit = annotations[CODER_ANNOTATIONS.repoUrl] !== undefined;
  const name = hasExplicit
    ? CODER_ANNOTATIONS.repoUrl
    : SOURCE_LOCATION_ANNOTATION;
  const raw = annotationText(annotations, name, REPO_URL_EXPECTED, issues);
  if (raw === undefined) return {};
  const field = `metadata.annotations["${name}"]`;
  const repoUrl = normaliseRepoUrl(raw);
  if (repoUrl && repoUrl.length > MAX_REPO_URL) {
    issues.push({
      field,
      message: `${REPO_URL_EXPECTED}, at most ${MAX_REPO_URL} characters; this one has ${repoUrl.length.toLocaleString('en-US')}`,
    });
    return { rawRepoUrl: raw };
  }
  if (!repoUrl && hasExplicit) {
    issues.push({
      field,
      message: `${REPO_URL_EXPECTED}, got "${truncate(raw)}"`,
    });
  }
  // source-location may legitimately point at something that is not a repository.
  return { repoUrl, rawRepoUrl: raw };
}

/**
 * An annotation's text. The catalog stores annotations as strings, but an entity from a
 * custom processor or provider may carry anything: another type is reported, not read.
 */
function annotationText(
  annotations: Record<string, unknown>,
  name: string,
  expected: string,
  issues: CoderEntityConfigIssue[],
): string | undefined {
  const value = annotations[name];
  if (value === undefined || typeof value === 'string') return value;
  issues.push({
    field: `metadata.annotations["${name}"]`,
    message: `${expected}, as text; got ${describeType(value)}`,
  });
  return undefined;
}

function describeType(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'object') return 'an object';
  if (typeof value === 'boolean') return 'true/false';
  return `a ${typeof value}`;
}

function truncate(text: string): string {
  return text.length > 80 ? `${text.slice(0, 77)}…` : text;
}
