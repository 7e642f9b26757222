/*
 * The host app's configuration, as a user writes it: the README's `proxy` and `coder`
 * blocks (pointed at the fake Coder), guest sign-in, our own ports on 127.0.0.1, and a
 * catalog holding one component whose repository has workspaces in the fake's seed.
 * With `templateFile`, also the example template, and the backend's own host readable
 * by the catalog (the template publishes there: dev/backend/devGit.js).
 * app-config.local.yaml is read after app-config.yaml by `yarn start`.
 */
import { writeFileSync } from 'node:fs';
import path from 'node:path';

const ENTITY_FILE = 'coder-host-app-entities.yaml';

// dev/entities.ts webAppEntity: the demo user's workspaces in the fake's seed use this
// repository. The coder.com annotation opts the entity in, which the new frontend
// system's card requires (isCoderAvailable); the classic card is shown regardless.
const entities = `apiVersion: backstage.io/v1alpha1
kind: Component
metadata:
  name: web-app
  title: Web app
  annotations:
    backstage.io/source-location: url:https://github.com/acme/web-app/tree/main/
    coder.com/template: devcontainers
spec:
  type: website
  lifecycle: production
  owner: guests
---
# The owner, so the entity page shows no "entities not found" warning.
apiVersion: backstage.io/v1alpha1
kind: Group
metadata:
  name: guests
spec:
  type: team
  children: []
`;

export function writeAppConfig({ appDir, ports, templateFile }) {
  const app = `http://127.0.0.1:${ports.app}`;
  const backend = `http://127.0.0.1:${ports.backend}`;
  const coder = `http://127.0.0.1:${ports.coder}`;
  const entityFile = path.join(appDir, ENTITY_FILE);
  writeFileSync(entityFile, entities);
  const reading = templateFile
    ? `  reading:
    allow:
      - host: 127.0.0.1:${ports.backend}
`
    : '';
  const templateLocation = templateFile
    ? `    - type: file
      target: ${templateFile}
      rules:
        - allow: [Template]
`
    : '';
  writeFileSync(
    path.join(appDir, 'app-config.local.yaml'),
    `# Written by scripts/host-app in @coder/backstage-plugin-coder; replaced on every run.
app:
  baseUrl: ${app}
  listen:
    host: 127.0.0.1
    port: ${ports.app}

backend:
  baseUrl: ${backend}
  listen:
    host: 127.0.0.1
    port: ${ports.backend}
  cors:
    origin: ${app}
    methods: [GET, HEAD, PATCH, POST, PUT, DELETE]
    credentials: true
${reading}
auth:
  providers:
    guest: {}

catalog:
  locations:
    - type: file
      target: ${entityFile}
      rules:
        - allow: [Component, Group]
${templateLocation}
# From the README, "2. Configure the proxy and the plugin".
proxy:
  endpoints:
    '/coder':
      target: ${coder}
      changeOrigin: true
      credentials: require
      allowedMethods: ['GET', 'POST', 'PATCH', 'DELETE']
      allowedHeaders: ['Coder-Session-Token', 'Retry-After', 'WWW-Authenticate']

coder:
  deployment:
    accessUrl: ${coder}
  workspaces:
    defaultTemplateName: devcontainers
    defaultMode: manual
    repoUrlParamKeys: ['repo_url', 'custom_repo']
`,
  );
}
