/*
 * Two copies of a package that holds React context or API refs (core-plugin-api,
 * catalog-react, react, …) break a Backstage app in ways no unit test sees. We compare the
 * versions yarn installed before and after our package was added, per package.
 */
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';

const execFileAsync = promisify(execFile);

export const WATCHED_PACKAGES = [
  '@backstage/core-plugin-api',
  '@backstage/frontend-plugin-api',
  '@backstage/plugin-catalog-react',
  '@backstage/core-components',
  '@backstage/theme',
  'react',
  'react-dom',
  '@material-ui/core',
  '@tanstack/react-query',
  // The CoderWorkspaceTemplate field's extension must meet the app's scaffolder's.
  '@backstage/plugin-scaffolder-react',
];

async function yarnInfo(appDir, env, args) {
  try {
    const { stdout } = await execFileAsync('yarn', ['info', ...args], {
      cwd: appDir,
      env,
      maxBuffer: 64 * 1024 * 1024,
    });
    return stdout;
  } catch (error) {
    // yarn's answer for a package nobody depends on.
    if (/No package matched your request/.test(error.stdout)) return '';
    throw error;
  }
}

/** `{ package: [versions] }` over the whole project (every workspace, recursively). */
export async function installedVersions(appDir, env) {
  const stdout = await yarnInfo(appDir, env, [
    '--all',
    '--recursive',
    '--name-only',
    '--json',
    ...WATCHED_PACKAGES,
  ]);
  const versions = Object.fromEntries(WATCHED_PACKAGES.map(name => [name, []]));
  for (const line of stdout.split('\n')) {
    const match = /^"(.+?)@npm:([^#"]+)"$/.exec(line.trim());
    if (match && versions[match[1]] && !versions[match[1]].includes(match[2]))
      versions[match[1]].push(match[2]);
  }
  for (const list of Object.values(versions))
    list.sort((a, b) => a.localeCompare(b, 'en', { numeric: true }));
  return versions;
}

/**
 * What a package's direct dependencies resolved to, `{ dependency: version }`: for our
 * plugin, and for the app workspace (whose imports the README's classic steps sit beside).
 */
export async function directResolutions(appDir, env, name) {
  const stdout = await yarnInfo(appDir, env, ['--all', '--json', name]);
  // The package itself, not a link to it (the backend has `app: link:../app`).
  const entry = stdout
    .split('\n')
    .filter(Boolean)
    .map(line => JSON.parse(line))
    .find(info => info.children.Dependencies);
  if (!entry) throw new Error(`${name} is not installed in ${appDir}`);
  const resolutions = {};
  for (const { descriptor, locator } of entry.children.Dependencies) {
    // `@scope/name@npm:^1`, or `@scope/name@virtual:…#npm:^1` under peer dependencies.
    resolutions[descriptor.slice(0, descriptor.indexOf('@', 1))] =
      /npm:([^#]+)$/.exec(locator)?.[1];
  }
  return resolutions;
}

/**
 * One row per watched package. A package has a duplicate caused by the plugin when it
 * now has more than one version and at least one of them was not there before.
 */
export function compareVersions(before, after, plugin, app) {
  return WATCHED_PACKAGES.map(name => {
    // A cached app created before a package was watched has no baseline for it: then
    // any second version counts against the plugin.
    const baseline = before[name] ?? [];
    const added = after[name].filter(version => !baseline.includes(version));
    let verdict = 'one version';
    if (after[name].length > 1) {
      verdict = added.length
        ? `DUPLICATE caused by the plugin (new: ${added.join(', ')})`
        : 'more than one version, all there before the plugin';
    }
    return {
      name,
      before: baseline,
      after: after[name],
      plugin: plugin[name],
      app: app[name],
      causedByPlugin: after[name].length > 1 && added.length > 0,
      verdict,
    };
  });
}

export function formatComparison(rows) {
  const width = Math.max(...rows.map(row => row.name.length));
  return rows
    .map(row => {
      const list = versions => (versions.length ? versions.join(', ') : '—');
      const uses = [
        row.app && `packages/app uses ${row.app}`,
        row.plugin && `plugin uses ${row.plugin}`,
      ]
        .filter(Boolean)
        .map(text => `; ${text}`)
        .join('');
      return `${row.name.padEnd(width)}  before: ${list(row.before)}  after: ${list(row.after)}${uses}  → ${row.verdict}`;
    })
    .join('\n');
}
