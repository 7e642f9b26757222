/*
 * A real Backstage backend for development: the auth backend (guest provider, so the dev
 * app's sign-in yields a real Backstage token), the proxy plugin that forwards
 * /api/proxy/coder/* to Coder, and the catalog with the sample entities (the
 * new-frontend-system dev app shows the catalog's own entity pages), and the scaffolder with
 * our module's `coder:workspace:create` and a local stand-in for a Git host (devGit.js), so
 * the example template runs end to end. It reads ../../app-config.yaml, like the dev app.
 */
const path = require('node:path');
// Our scaffolder module is used from its TypeScript source (plugins/*/src), as the plugin is.
require('@backstage/cli/config/nodeTransform.cjs');

// The guest provider refuses to run outside development.
process.env.NODE_ENV = process.env.NODE_ENV || 'development';

const configPath = path.resolve(__dirname, '../../app-config.yaml');
if (!process.argv.includes('--config')) {
  process.argv.push('--config', configPath);
}

const { createBackend } = require('@backstage/backend-defaults');
const { devGitPlugin, devPublishModule } = require('./devGit');

const backend = createBackend();
backend.add(import('@backstage/plugin-auth-backend'));
backend.add(import('@backstage/plugin-auth-backend-module-guest-provider'));
backend.add(import('@backstage/plugin-proxy-backend'));
backend.add(import('@backstage/plugin-catalog-backend'));
// The catalog learns the Template kind from this module (create-app's backend adds it too).
backend.add(
  import('@backstage/plugin-catalog-backend-module-scaffolder-entity-model'),
);
backend.add(import('@backstage/plugin-scaffolder-backend'));
backend.add(import('@coder/backstage-plugin-scaffolder-backend-module-coder'));
backend.add(devGitPlugin);
backend.add(devPublishModule);
backend.start();
