import type { Entity } from '@backstage/catalog-model';

/**
 * A catalog Component for tests: its repository in `backstage.io/source-location`, plus
 * any `coder.com/*` (or other) annotations given. Without `name` it is `web-app`.
 */
export function entityFixture(
  options: {
    name?: string;
    repoUrl?: string | null;
    annotations?: Record<string, string>;
  } = {},
): Entity {
  const { name = 'web-app', annotations = {} } = options;
  const repoUrl =
    options.repoUrl === undefined
      ? `https://github.com/acme/${name}`
      : options.repoUrl;
  return {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Component',
    metadata: {
      name,
      annotations: {
        ...(repoUrl && { 'backstage.io/source-location': `url:${repoUrl}` }),
        ...annotations,
      },
    },
    spec: {},
  };
}
