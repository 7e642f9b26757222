/*
 * A real Backstage backend for development: the auth backend (guest provider, so the dev
 * app's sign-in yields a real Backstage token) and the proxy plugin that forwards
 * /api/proxy/coder/* to Coder. It reads ../../app-config.yaml, like the dev app.
 */
const path = require('node:path');

// The guest provider refuses to run outside development.
process.env.NODE_ENV = process.env.NODE_ENV || 'development';

const configPath = path.resolve(__dirname, '../../app-config.yaml');
if (!process.argv.includes('--config')) {
  process.argv.push('--config', configPath);
}

const { createBackend } = require('@backstage/backend-defaults');

const backend = createBackend();
backend.add(import('@backstage/plugin-auth-backend'));
backend.add(import('@backstage/plugin-auth-backend-module-guest-provider'));
backend.add(import('@backstage/plugin-proxy-backend'));
backend.start();
