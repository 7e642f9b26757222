import type { Entity } from '@backstage/catalog-model';

/*
 * Sample catalog entities for the dev app. Their repositories match the fake Coder's
 * seed data (dev/fake-coder/seed.ts): web-app has workspaces, docs-site has none of
 * the demo user's in a scoped template, payments-api uses the `coder.com/*` annotations
 * and the older `spec.coder` block.
 */

/** A repository with several of the demo user's workspaces, in every state. */
export const webAppEntity: Entity = {
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Component',
  metadata: {
    name: 'web-app',
    title: 'Web app',
    description: 'The customer-facing web application.',
    annotations: {
      'backstage.io/source-location':
        'url:https://github.com/acme/web-app/tree/main/',
      // Opts in to Coder, so the new frontend system's card (filtered by
      // isCoderAvailable) shows here too.
      'coder.com/template': 'devcontainers',
    },
  },
  spec: { type: 'website', lifecycle: 'production', owner: 'team-web' },
};

/** A repository nobody has a workspace for. */
export const emptyServiceEntity: Entity = {
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Component',
  metadata: {
    name: 'empty-service',
    title: 'Empty service',
    description:
      'A service without any Coder workspaces yet; "create" makes one in one click (mode auto).',
    annotations: {
      'backstage.io/source-location':
        'url:https://github.com/acme/empty-service',
      'coder.com/mode': 'auto',
    },
  },
  spec: { type: 'service', lifecycle: 'experimental', owner: 'team-web' },
};

/** Configured through `coder.com/*` annotations and the older `spec.coder` block. */
export const paymentsApiEntity: Entity = {
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Component',
  metadata: {
    name: 'payments-api',
    title: 'Payments API',
    description: 'Payments service, with Coder settings in its catalog-info.',
    annotations: {
      'backstage.io/source-location':
        'url:https://gitlab.com/acme/payments-api/-/tree/main',
      'coder.com/repo-url': 'https://gitlab.com/acme/payments-api.git',
      'coder.com/template': 'devcontainers',
      'coder.com/params': '{"region":"eu-helsinki","cpu":"4"}',
    },
  },
  spec: {
    type: 'service',
    lifecycle: 'production',
    owner: 'team-payments',
    coder: {
      templateName: 'devcontainers',
      mode: 'manual',
      params: { region: 'us-pittsburgh' },
    },
  },
};

/** Has no repository anywhere in its catalog-info. */
export const noRepoEntity: Entity = {
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Component',
  metadata: {
    name: 'no-repo',
    title: 'No repository',
    description: 'An entity whose catalog-info names no repository.',
    annotations: { 'coder.com/template': 'devcontainers' },
  },
  spec: { type: 'service', lifecycle: 'production', owner: 'team-web' },
};

/** Broken `coder.com/*` values: the card must name them and keep working. */
export const brokenConfigEntity: Entity = {
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Component',
  metadata: {
    name: 'broken-config',
    title: 'Broken config',
    description: 'An entity with malformed Coder settings in its catalog-info.',
    annotations: {
      'backstage.io/source-location':
        'url:https://github.com/acme/web-app/tree/main/',
      'coder.com/params': '{"region": "eu-helsinki",',
      'coder.com/mode': 'automatic',
    },
  },
  spec: { type: 'website', lifecycle: 'production', owner: 'team-web' },
};

/** Every sample entity, in sidebar order. */
export const sampleEntities = [
  webAppEntity,
  paymentsApiEntity,
  emptyServiceEntity,
  noRepoEntity,
  brokenConfigEntity,
];
