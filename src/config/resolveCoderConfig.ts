import type { Config } from '@backstage/config';
import * as v from 'valibot';
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
  v.transform(url => url.replace(/\/+$/, '')),
);

const schema = v.object({
  deployment: v.object(
    { accessUrl: httpUrl },
    'is missing: set coder.deployment.accessUrl',
  ),
  workspaces: v.optional(
    v.object({
      defaultTemplateName: v.optional(
        v.pipe(v.string('must be text'), v.minLength(1, 'must not be empty')),
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
        v.record(
          v.string(),
          v.optional(v.string('must map names to text values')),
        ),
        {},
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
  const fromFile = (config?.getOptional<Partial<CoderAppConfig>>('coder') ??
    {}) as Partial<CoderAppConfig>;
  const merged = {
    ...fromFile,
    ...override,
    deployment: { ...fromFile.deployment, ...override?.deployment },
    workspaces: { ...fromFile.workspaces, ...override?.workspaces },
  };
  const result = v.safeParse(schema, merged);
  if (!result.success) {
    const issue = result.issues[0];
    const path = v.getDotPath(issue);
    throw new CoderConfigError(path ? `coder.${path}` : 'coder', issue.message);
  }
  return result.output;
}
