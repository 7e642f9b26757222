/*
 * A stand-in for a Git host, for development only. The example software template ends by
 * publishing a repository (`publish:github` in docs/examples); these machines reach no
 * SCM, so the dev template publishes with `dev:publish:local` instead: the task's files
 * are copied under a temporary folder and served read-only at /api/dev-git/<name>/<path>,
 * which the catalog can read (`backend.reading.allow` in app-config.yaml) and whose URL
 * the new workspace gets as its repository. Nothing here is part of the product.
 */
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const YAML = require('yaml');
const {
  coreServices,
  createBackendModule,
  createBackendPlugin,
  resolveSafeChildPath,
} = require('@backstage/backend-plugin-api');
const {
  createTemplateAction,
  scaffolderActionsExtensionPoint,
} = require('@backstage/plugin-scaffolder-node');

const pluginId = 'dev-git';
// One folder per backend port, emptied at start, so two stacks never see each other's repositories.
const root = path.join(
  os.tmpdir(),
  `coder-backstage-dev-git-${process.env.DEV_BACKEND_PORT || 7007}`,
);
// The same rule Git hosts use for repository names, so a URL is always one path segment.
const REPO_NAME = /^[a-z0-9][a-z0-9._-]{0,99}$/i;

/** Serves the published repositories' files. */
const devGitPlugin = createBackendPlugin({
  pluginId,
  register(env) {
    env.registerInit({
      deps: { http: coreServices.httpRouter },
      async init({ http }) {
        fs.rmSync(root, { recursive: true, force: true });
        fs.mkdirSync(root, { recursive: true });
        http.use((req, res, next) => {
          if (req.method !== 'GET') return next();
          const [repo, ...rest] = decodeURIComponent(req.path)
            .split('/')
            .filter(Boolean);
          if (!repo || !REPO_NAME.test(repo) || rest.length === 0) return next();
          let file;
          try {
            file = resolveSafeChildPath(path.join(root, repo), rest.join('/'));
          } catch {
            return next();
          }
          if (!fs.existsSync(file) || !fs.statSync(file).isFile()) return next();
          return res.type('text/plain').send(fs.readFileSync(file));
        });
        // The catalog's URL reader fetches without a Backstage token, as it would from GitHub.
        http.addAuthPolicy({ path: '/', allow: 'unauthenticated' });
      },
    });
  },
});

/**
 * The catalog gives an entity registered from GitHub its `backstage.io/source-location`
 * (the Coder card finds workspaces by it) through the GitHub integration; this host is
 * no integration, so publishing adds the annotation the catalog would have.
 */
function addSourceLocation(file, repoUrl) {
  if (!fs.existsSync(file)) return;
  const docs = YAML.parseAllDocuments(fs.readFileSync(file, 'utf8'));
  for (const doc of docs) {
    const key = ['metadata', 'annotations', 'backstage.io/source-location'];
    if (!doc.hasIn(key)) doc.setIn(key, `url:${repoUrl}/`);
  }
  fs.writeFileSync(file, docs.map(doc => doc.toString()).join('---\n'));
}

/** `dev:publish:local`: the dev template's replacement for `publish:github`. */
const devPublishModule = createBackendModule({
  pluginId: 'scaffolder',
  moduleId: 'dev-publish-local',
  register(env) {
    env.registerInit({
      deps: {
        scaffolder: scaffolderActionsExtensionPoint,
        discovery: coreServices.discovery,
      },
      async init({ scaffolder, discovery }) {
        scaffolder.addActions(
          createTemplateAction({
            id: 'dev:publish:local',
            description:
              'Development only: publishes the workspace to the dev backend instead of an SCM.',
            schema: {
              input: {
                repoName: z =>
                  z.string().regex(REPO_NAME, 'Use letters, digits, ".", "_" and "-"'),
              },
              output: {
                remoteUrl: z => z.string(),
                repoContentsUrl: z => z.string(),
                catalogInfoUrl: z => z.string(),
              },
            },
            async handler(ctx) {
              const target = path.join(root, ctx.input.repoName);
              if (fs.existsSync(target)) {
                throw new Error(
                  `A repository named ${ctx.input.repoName} was already published; choose another name.`,
                );
              }
              fs.cpSync(ctx.workspacePath, target, { recursive: true });
              const base = `${await discovery.getExternalBaseUrl(pluginId)}/${ctx.input.repoName}`;
              addSourceLocation(path.join(target, 'catalog-info.yaml'), base);
              ctx.logger.info(`Published ${ctx.input.repoName} to ${base}`);
              ctx.output('remoteUrl', base);
              ctx.output('repoContentsUrl', `${base}/`);
              ctx.output('catalogInfoUrl', `${base}/catalog-info.yaml`);
            },
          }),
        );
      },
    });
  },
});

module.exports = { devGitPlugin, devPublishModule };
