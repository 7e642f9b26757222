/*
 * The plugin's jest project. The root package is both the frontend plugin and the npm
 * workspace root of the scaffolder backend module (plugins/*). Backstage's jest config
 * treats any package with `workspaces` as a monorepo root and would test only the
 * workspace packages, never the plugin itself; root package.json's `jest.projects` points
 * here instead, and this file asks Backstage's config for the root's own project, as if
 * the root had no workspaces (its jest options live in scripts/jest-root/package.json).
 * The module's tests run in their own folder (scripts/test.mjs).
 */
const path = require('node:path');
const { overrideTargetPaths } = require('@backstage/cli-common/testUtils');

const override = overrideTargetPaths({
  dir: path.resolve(__dirname, '..'),
  rootDir: path.join(__dirname, 'jest-root'),
});
const backstageConfig = require.resolve('@backstage/cli/config/jest');
const implementation = require.resolve(
  '@backstage/cli-module-test-jest/config/jest',
);
// Evaluated afresh: the copy jest loaded for the root config computed the monorepo view.
delete require.cache[backstageConfig];
delete require.cache[implementation];
module.exports = require(backstageConfig)
  .then(({ projects, ...project }) => project) // the root's own `jest.projects`, read back
  .finally(() => override.restore());
