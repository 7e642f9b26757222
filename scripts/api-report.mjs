/* eslint-disable no-console */
/*
 * Writes report.api.md and report-alpha.api.md, the public surface of the package's two
 * entry points (`.` and `./alpha`), from the emitted declarations.
 * `npm run api-report` updates it; `npm run api-report -- --check` fails when the surface
 * changed without the report being updated (a diff there is a decision).
 */
import { spawnSync } from 'node:child_process';
import { rmSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createRequire } from 'node:module';

// api-extractor's CommonJS exports are getters that ESM named imports cannot see.
const { Extractor, ExtractorConfig } = createRequire(import.meta.url)(
  '@microsoft/api-extractor',
);

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const check = process.argv.includes('--check');

// Always from scratch: an incremental build can print unions in another order.
rmSync(path.join(root, 'dist-types'), { recursive: true, force: true });
const tsc = spawnSync(
  path.join(root, 'node_modules/.bin/tsc'),
  ['--outDir', 'dist-types'],
  {
    cwd: root,
    stdio: 'inherit',
  },
);
if (tsc.status !== 0) process.exit(tsc.status ?? 1);

const entries = [
  { source: 'index', report: 'report.api.md' },
  { source: 'alpha', report: 'report-alpha.api.md' },
];
let failed = false;
for (const entry of entries) {
  if (!extract(entry)) failed = true;
}
if (failed) process.exit(1);
console.log(
  `${entries.map(entry => entry.report).join(' and ')} are up to date.`,
);

function extract({ source, report }) {
  const config = ExtractorConfig.prepare({
    configObject: {
      projectFolder: root,
      mainEntryPointFilePath: path.join(root, `dist-types/src/${source}.d.ts`),
      compiler: { tsconfigFilePath: path.join(root, 'tsconfig.json') },
      apiReport: {
        enabled: true,
        reportFolder: root,
        reportFileName: report,
        reportTempFolder: path.join(root, 'dist-types'),
      },
      docModel: { enabled: false },
      dtsRollup: { enabled: false },
      tsdocMetadata: { enabled: false },
      messages: {
        extractorMessageReporting: {
          'ae-missing-release-tag': { logLevel: 'none' },
          'ae-forgotten-export': { logLevel: 'none' },
        },
      },
    },
    configObjectFullPath: path.join(root, 'api-extractor.json'),
    packageJsonFullPath: path.join(root, 'package.json'),
  });
  const result = Extractor.invoke(config, {
    localBuild: !check,
    showVerboseMessages: false,
  });
  if (!result.succeeded) {
    console.error(
      check
        ? `${report} is out of date: run \`npm run api-report\` and review the diff.`
        : `API report ${report} failed with ${result.errorCount} error(s).`,
    );
  }
  return result.succeeded;
}
