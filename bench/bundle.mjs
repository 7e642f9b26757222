/*
 * Bundle: the bytes the plugin adds to a Backstage app, minified and gzipped. Left out
 * are only the packages every Backstage app already ships (React, MUI v4, Backstage,
 * React Router); TanStack Query is counted, since neither kind of create-app app has it.
 *
 * - New system, up front: what `@coder/backstage-plugin-coder/alpha` pulls in statically,
 *   i.e. what the app loads at start before any Coder card renders. The card, TanStack
 *   Query, the Coder page and the dialogs load with the first Coder extension rendered.
 * - Classic, up front: the same for the main entry, which App.tsx and EntityPage.tsx
 *   import statically (the card and the provider are part of it).
 * - Total: every chunk of both entries, each counted once.
 * Up-front chunks are gzipped as one piece (a host bundler merges them into its own
 * chunks); lazy chunks are fetched one by one, so each is gzipped on its own.
 */
import { gzipSync } from 'node:zlib';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
// esbuild is installed with tsx (a devDependency); declaring it would change package.json.
// eslint-disable-next-line @backstage/no-undeclared-imports
import esbuild from 'esbuild';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

/** Shipped by every Backstage app, so they cost the plugin nothing. */
export const SHARED_PACKAGES = [
  'react',
  'react-dom',
  'react/jsx-runtime',
  '@material-ui/*',
  '@backstage/*',
  'react-router',
  'react-router-dom',
];

const ENTRIES = { newSystem: 'src/alpha.ts', classic: 'src/index.ts' };
const KB = 1024;
const TOP_CONTRIBUTORS = Number(process.env.BENCH_TOP ?? 10);

export async function measureBundle() {
  const result = await esbuild.build({
    absWorkingDir: root,
    entryPoints: Object.values(ENTRIES),
    bundle: true,
    minify: true,
    splitting: true,
    format: 'esm',
    target: 'es2020',
    jsx: 'automatic',
    define: { 'process.env.NODE_ENV': '"production"' },
    external: SHARED_PACKAGES,
    outdir: 'bench-out',
    write: false,
    metafile: true,
    logLevel: 'silent',
  });
  const outputs = result.metafile.outputs;
  const contents = new Map(
    result.outputFiles.map(file => [
      path.relative(root, file.path),
      file.contents,
    ]),
  );
  const chunks = Object.keys(outputs).filter(name => name.endsWith('.js'));
  const gzip = buffers => gzipSync(Buffer.concat(buffers), { level: 9 }).length;

  // The output chunk of an entry (dynamic imports are entry points too: match exactly),
  // and every chunk reachable from it by static imports.
  const upFrontOf = entry => {
    const start = chunks.find(name => outputs[name].entryPoint === entry);
    const seen = new Set();
    const visit = name => {
      if (seen.has(name)) return;
      seen.add(name);
      for (const imported of outputs[name].imports) {
        if (!imported.external && imported.kind === 'import-statement') {
          visit(imported.path);
        }
      }
    };
    visit(start);
    return [...seen];
  };
  const newSystemUpFront = upFrontOf(ENTRIES.newSystem);
  const classicUpFront = upFrontOf(ENTRIES.classic);
  const upFrontBytes = names => gzip(names.map(name => contents.get(name)));
  const eitherUpFront = new Set([...newSystemUpFront, ...classicUpFront]);
  const lazy = chunks.filter(name => !eitherUpFront.has(name));
  const lazyBytes = lazy.reduce(
    (total, name) => total + gzip([contents.get(name)]),
    0,
  );
  const totalBytes = upFrontBytes([...eitherUpFront]) + lazyBytes;

  // Which sources cost what (minified bytes before gzip, packages summed).
  const contributors = names => {
    const byInput = new Map();
    for (const name of names) {
      for (const [input, { bytesInOutput }] of Object.entries(
        outputs[name].inputs,
      )) {
        const key = input.replace(/^node_modules\/((@[^/]+\/)?[^/]+).*/, '$1');
        byInput.set(key, (byInput.get(key) ?? 0) + bytesInOutput);
      }
    }
    return [...byInput.entries()]
      .sort((a, b) => b[1] - a[1])
      .slice(0, TOP_CONTRIBUTORS)
      .map(([input, bytes]) => ({ input, minifiedBytes: bytes }));
  };

  return {
    figures: {
      newSystemUpFrontKB: {
        label: 'new system: up front, before a Coder card (min+gzip)',
        value: round1(upFrontBytes(newSystemUpFront) / KB),
        unit: 'KB',
      },
      classicUpFrontKB: {
        label: 'classic: up front, card and provider included (min+gzip)',
        value: round1(upFrontBytes(classicUpFront) / KB),
        unit: 'KB',
      },
      totalKB: {
        label: 'total, both systems, every chunk once (min+gzip)',
        value: round1(totalBytes / KB),
        unit: 'KB',
      },
    },
    details: {
      lazyKB: round1(lazyBytes / KB),
      chunks: chunks.map(name => ({
        chunk: name,
        upFront: {
          newSystem: newSystemUpFront.includes(name),
          classic: classicUpFront.includes(name),
        },
        minifiedBytes: outputs[name].bytes,
      })),
      topContributors: {
        newSystemUpFront: contributors(newSystemUpFront),
        classicUpFront: contributors(classicUpFront),
        lazy: contributors(lazy),
      },
      external: SHARED_PACKAGES,
    },
  };
}

function round1(value) {
  return Math.round(value * 10) / 10;
}
