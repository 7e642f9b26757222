/*
 * Bundle: the bytes the plugin adds to a Backstage app, minified and gzipped, with the
 * packages an app already ships (React, MUI v4, Backstage, TanStack, React Router) left
 * out. "Up front" is what `src/index.ts` pulls in statically, gzipped as one piece; "lazy"
 * is what sits behind dynamic `import()`, each chunk gzipped on its own.
 */
import { gzipSync } from 'node:zlib';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
// esbuild is installed with tsx (a devDependency); declaring it would change package.json.
// eslint-disable-next-line @backstage/no-undeclared-imports
import esbuild from 'esbuild';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

/** Shared with the host app, so they cost the plugin nothing. */
export const SHARED_PACKAGES = [
  'react',
  'react-dom',
  'react/jsx-runtime',
  '@material-ui/*',
  '@backstage/*',
  '@tanstack/*',
  'react-router',
  'react-router-dom',
];

const KB = 1024;
const TOP_CONTRIBUTORS = 10;

export async function measureBundle() {
  const result = await esbuild.build({
    absWorkingDir: root,
    entryPoints: ['src/index.ts'],
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

  const gzipped = new Map(
    result.outputFiles.map(file => [
      path.relative(root, file.path),
      gzipSync(file.contents, { level: 9 }).length,
    ]),
  );
  const outputs = result.metafile.outputs;
  const entry = Object.keys(outputs).find(name => outputs[name].entryPoint);
  // Up front: the entry chunk and every chunk reachable from it by static imports.
  const upFront = new Set();
  const visit = name => {
    if (upFront.has(name)) return;
    upFront.add(name);
    for (const imported of outputs[name].imports) {
      if (!imported.external && imported.kind === 'import-statement') {
        visit(imported.path);
      }
    }
  };
  visit(entry);
  const chunks = Object.keys(outputs).filter(name => name.endsWith('.js'));
  const sum = names =>
    names.reduce((total, name) => total + (gzipped.get(name) ?? 0), 0);
  // The up-front chunks are an artefact of esbuild splitting around our own lazy
  // boundaries; a host app's bundler puts those modules into its own chunks, which are
  // compressed as a whole. So they are gzipped as one piece. Lazy chunks are fetched one
  // by one, so each is gzipped on its own.
  const contents = new Map(
    result.outputFiles.map(file => [
      path.relative(root, file.path),
      file.contents,
    ]),
  );
  const upFrontNames = chunks.filter(name => upFront.has(name));
  const upFrontBytes = gzipSync(
    Buffer.concat(upFrontNames.map(name => contents.get(name))),
    { level: 9 },
  ).length;
  const upFrontPerChunkBytes = sum(upFrontNames);
  const lazyBytes = sum(chunks.filter(name => !upFront.has(name)));

  // Which sources cost what (minified bytes before gzip, packages summed), up front and lazy.
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
    const total = [...byInput.values()].reduce((a, b) => a + b, 0);
    return [...byInput.entries()]
      .sort((a, b) => b[1] - a[1])
      .slice(0, TOP_CONTRIBUTORS)
      .map(([input, bytes]) => ({
        input,
        minifiedBytes: bytes,
        share: `${Math.round((bytes / total) * 100)}%`,
      }));
  };
  const minifiedTotal = chunks.reduce(
    (total, name) => total + outputs[name].bytes,
    0,
  );

  return {
    figures: {
      upFrontKB: {
        label: 'up front (min+gzip)',
        value: round1(upFrontBytes / KB),
        unit: 'KB',
      },
      lazyKB: {
        label: 'lazy chunks (min+gzip)',
        value: round1(lazyBytes / KB),
        unit: 'KB',
      },
      totalKB: {
        label: 'total (min+gzip)',
        value: round1((upFrontBytes + lazyBytes) / KB),
        unit: 'KB',
      },
    },
    details: {
      upFrontGzippedPerChunkKB: round1(upFrontPerChunkBytes / KB),
      chunks: chunks.map(name => ({
        chunk: name,
        upFront: upFront.has(name),
        minifiedBytes: outputs[name].bytes,
        gzipBytes: gzipped.get(name),
      })),
      minifiedBytes: minifiedTotal,
      topContributors: {
        upFront: contributors(chunks.filter(name => upFront.has(name))),
        lazy: contributors(chunks.filter(name => !upFront.has(name))),
      },
      external: SHARED_PACKAGES,
    },
  };
}

function round1(value) {
  return Math.round(value * 10) / 10;
}
