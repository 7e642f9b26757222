import type { Config } from '@backstage/config';
import * as v from 'valibot';
import { CODER_DEFAULT_ENTITY_POLICY } from '../catalog/entityPolicy';
import {
  CODER_TEMPLATE_NAME_MAX_LENGTH,
  CODER_TEMPLATE_NAME_PATTERN,
} from '../catalog/entityCoderConfig';
import type { CoderAppConfig } from './CoderAppConfig';

/** A setting that is missing or invalid, named by its app-config key. @public */
export class CoderConfigError extends Error {
  constructor(
    readonly key: string,
    problem: string,
  ) {
    super(`Coder plugin configuration: ${key} ${problem}`);
    this.name = 'CoderConfigError';
  }
}

/** Used when neither app-config nor the prop names the repository parameters. */
export const CODER_DEFAULT_REPO_URL_PARAM_KEYS = ['repo_url'] as const;

const httpUrl = v.pipe(
  v.string('must be a URL such as https://coder.example.com'),
  v.trim(),
  v.url('must be a URL such as https://coder.example.com'),
  v.check(
    url => /^https?:\/\//i.test(url),
    'must be an http(s) URL such as https://coder.example.com',
  ),
  v.check(url => {
    // Every link appends a path, so these would end up in the wrong place (or show a
    // password in every href).
    try {
      const { username, password, search, hash } = new URL(url);
      return !username && !password && !search && !hash;
    } catch {
      return true; // Not a URL at all: v.url above says so.
    }
  }, "must be the deployment's address alone, such as https://coder.example.com: no user name, password, ?query or #fragment"),
  v.transform(url => url.replace(/\/+$/, '')),
);

const PARAMS_EXPECTED = 'must map parameter names to text values';

const schema = v.object({
  deployment: v.object(
    { accessUrl: httpUrl },
    'is missing: set coder.deployment.accessUrl',
  ),
  workspaces: v.optional(
    v.object({
      defaultTemplateName: v.optional(
        v.pipe(
          v.string('must be text'),
          v.minLength(1, 'must not be empty'),
          v.maxLength(
            CODER_TEMPLATE_NAME_MAX_LENGTH,
            `must be at most ${CODER_TEMPLATE_NAME_MAX_LENGTH} characters`,
          ),
          v.regex(
            CODER_TEMPLATE_NAME_PATTERN,
            'must be a Coder template name: letters, digits and single hyphens, no spaces or "/"',
          ),
        ),
      ),
      defaultMode: v.optional(
        v.picklist(['manual', 'auto'], 'must be "manual" or "auto"'),
        'manual',
      ),
      repoUrlParamKeys: v.optional(
        v.pipe(
          v.array(
            v.pipe(
              v.string('must list parameter names'),
              v.minLength(1, 'must not contain empty names'),
            ),
            'must be a list of parameter names',
          ),
          v.minLength(1, 'must name at least one parameter'),
        ),
        [...CODER_DEFAULT_REPO_URL_PARAM_KEYS],
      ),
      params: v.optional(
        v.pipe(
          // valibot's record accepts arrays; a list has no parameter names.
          v.custom<object>(value => !Array.isArray(value), PARAMS_EXPECTED),
          v.record(
            v.string(),
            v.optional(v.string('must map names to text values')),
            PARAMS_EXPECTED,
          ),
        ),
        {},
      ),
      fromEntities: v.optional(
        v.object({
          autoMode: v.optional(
            v.boolean('must be true or false'),
            CODER_DEFAULT_ENTITY_POLICY.autoMode,
          ),
          templateName: v.optional(
            v.boolean('must be true or false'),
            CODER_DEFAULT_ENTITY_POLICY.templateName,
          ),
          params: v.optional(
            v.array(
              v.string('must list parameter names'),
              'must be a list of parameter names',
            ),
          ),
        }),
        { ...CODER_DEFAULT_ENTITY_POLICY },
      ),
    }),
    {},
  ),
});

/** The settings after defaults are applied. @public */
export type ResolvedCoderAppConfig = v.InferOutput<typeof schema>;

/**
 * Merges `app-config.yaml`'s `coder:` section with the `appConfig` prop (the prop wins
 * key by key), applies defaults and validates. Throws a {@link CoderConfigError} naming
 * the first bad key.
 */
export function resolveCoderConfig(
  config: Config | undefined,
  override: Partial<CoderAppConfig> | undefined,
): ResolvedCoderAppConfig {
  // Spreading a string or a list would scatter its characters into keys and hide the
  // mistake, so each section must be an object before the two are merged.
  const fromFile = section(config?.getOptional('coder'), 'coder');
  const fromProp = section(override, 'the appConfig prop');
  const merged = {
    ...fromFile,
    ...fromProp,
    deployment: {
      ...section(fromFile.deployment, 'coder.deployment'),
      ...section(fromProp.deployment, 'coder.deployment'),
    },
    workspaces: {
      ...section(fromFile.workspaces, 'coder.workspaces'),
      ...section(fromProp.workspaces, 'coder.workspaces'),
    },
  };
  const result = v.safeParse(schema, merged);
  if (!result.success) {
    const issue = result.issues[0];
    const path = v.getDotPath(issue);
    throw new CoderConfigError(path ? `coder.${path}` : 'coder', issue.message);
  }
  return result.output;
}

function section(value: unknown, key: string): Record<string, unknown> {
  if (value === undefined || value === null) return {};
  if (typeof value !== 'object' || Array.isArray(value)) {
    const got = Array.isArray(value) ? 'a list' : `a ${typeof value}`;
    throw new CoderConfigError(
      key,
      `must be an object of settings, got ${got}`,
    );
  }
  return value as Record<string, unknown>;
}
