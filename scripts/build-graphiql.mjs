#!/usr/bin/env node
// Bundles the self-hosted GraphiQL page (graphiql 5 + Monaco) into dist/graphiql/ with esbuild.
// Output (all referenced by absolute /graphiql/... URLs, nothing from a CDN):
//   dist/graphiql/index.html
//   dist/graphiql/assets/graphiql-[hash].js (+ lazy chunks)  and  graphiql-[hash].css
//   dist/graphiql/workers/{editor,json,graphql}.worker-[hash].js   (Monaco web workers)
//   dist/graphiql/assets/*-[hash].{ttf,woff,woff2}                  (only if CSS references font files)
// Usage: node scripts/build-graphiql.mjs [--dev] [--if-changed]
//   --dev: no minification, with source maps
//   --if-changed: does nothing when no input of the last build (every file esbuild read, this script, the
//   mode) has changed since; `npm run build` uses it, so the CLI commands do not rebundle on every call.
import * as esbuild from 'esbuild';
import { createRequire } from 'node:module';
import { mkdir, readFile, readdir, rm, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { upToDate, writeStamp } from './build-stamp.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(import.meta.url);
const outdir = path.join(root, 'dist', 'graphiql');
const publicPath = '/graphiql'; // URL prefix the server serves outdir under (src/graphiql/graphiql.routes.ts)
const dev = process.argv.includes('--dev');
const started = Date.now();
const stampFile = path.join(outdir, '.inputs.json');
const scriptFile = fileURLToPath(import.meta.url);

// Silent: the CLI commands run it before every call.
if (process.argv.includes('--if-changed') && (await upToDate(root, stampFile, dev)))
  process.exit(0);

const common = {
  bundle: true,
  minify: !dev,
  sourcemap: dev ? 'linked' : false,
  target: ['es2022'],
  platform: 'browser',
  logLevel: 'warning',
  metafile: true,
  define: { 'process.env.NODE_ENV': JSON.stringify(dev ? 'development' : 'production') },
  loader: { '.ttf': 'file', '.woff': 'file', '.woff2': 'file', '.svg': 'file', '.png': 'file' },
  absWorkingDir: root,
};

// graphiql/style.css already contains Monaco's complete CSS (with the codicon font inlined);
// Monaco's ESM modules additionally `import './x.css'` one by one. Drop those duplicates.
const dropMonacoCss = {
  name: 'drop-monaco-css',
  setup(build) {
    build.onResolve({ filter: /\.css$/ }, (args) =>
      /[\\/]node_modules[\\/]monaco-editor[\\/]/.test(args.importer)
        ? { path: args.path, namespace: 'dropped-css' }
        : undefined,
    );
    build.onLoad({ filter: /.*/, namespace: 'dropped-css' }, () => ({
      contents: '',
      loader: 'css',
    }));
  },
};

await rm(outdir, { recursive: true, force: true });
await mkdir(outdir, { recursive: true });

// 1. Monaco web workers: classic (IIFE) scripts, one file each.
const workerEntries = {
  editor: require.resolve('monaco-editor/esm/vs/editor/editor.worker.js'),
  json: require.resolve('monaco-editor/esm/vs/language/json/json.worker.js'),
  graphql: require.resolve('monaco-graphql/esm/graphql.worker.js'),
};
const workers = await esbuild.build({
  ...common,
  entryPoints: Object.entries(workerEntries).map(([name, file]) => ({
    in: file,
    out: `${name}.worker`,
  })),
  outdir: path.join(outdir, 'workers'),
  entryNames: '[name]-[hash]',
  format: 'iife',
  plugins: [dropMonacoCss],
});
const workerUrls = {};
for (const [file, meta] of Object.entries(workers.metafile.outputs)) {
  if (!meta.entryPoint || !file.endsWith('.js')) continue;
  const name = Object.keys(workerEntries).find(
    (key) => path.resolve(root, meta.entryPoint) === workerEntries[key],
  );
  workerUrls[name] =
    `${publicPath}/${path.relative(outdir, path.resolve(root, file)).split(path.sep).join('/')}`;
}
for (const key of Object.keys(workerEntries)) {
  if (!workerUrls[key]) throw new Error(`worker ${key} not found in esbuild output`);
}

const appEntry = path.join(root, 'src/graphiql/graphiql.entry.tsx');
// 2. The page: ESM with code splitting (Monaco is loaded lazily by @graphiql/react).
const app = await esbuild.build({
  ...common,
  entryPoints: { graphiql: appEntry },
  outdir: path.join(outdir, 'assets'),
  entryNames: '[name]-[hash]',
  chunkNames: 'chunk-[hash]',
  assetNames: '[name]-[hash]',
  publicPath: `${publicPath}/assets`,
  format: 'esm',
  splitting: true,
  jsx: 'automatic',
  define: { ...common.define, __GRAPHIQL_WORKERS__: JSON.stringify(workerUrls) },
  plugins: [dropMonacoCss],
});
let entryJs;
let entryCss;
for (const [file, meta] of Object.entries(app.metafile.outputs)) {
  // With splitting, lazily imported modules are entry points too: match the real entry.
  if (meta.entryPoint && path.resolve(root, meta.entryPoint) === appEntry && file.endsWith('.js')) {
    entryJs = path.relative(outdir, path.resolve(root, file)).split(path.sep).join('/');
    if (meta.cssBundle)
      entryCss = path
        .relative(outdir, path.resolve(root, meta.cssBundle))
        .split(path.sep)
        .join('/');
  }
}
if (!entryJs || !entryCss) throw new Error('entry js/css not found in esbuild output');

// 3. index.html: absolute /graphiql/... URLs so it works when served at /graphql or /graphiql/.
const html = `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>franchise-graph · GraphiQL</title>
<link rel="icon" href="data:,">
<link rel="stylesheet" href="${publicPath}/${entryCss}">
<style>html,body{height:100%;margin:0}#graphiql{height:100vh}</style>
</head>
<body>
<div id="graphiql">Loading GraphiQL…</div>
<script type="module" src="${publicPath}/${entryJs}"></script>
</body>
</html>
`;
await writeFile(path.join(outdir, 'index.html'), html);

// 4. Guard: nothing emitted may load from another host.
async function* walk(dir) {
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) yield* walk(full);
    else yield full;
  }
}
const cdnHosts =
  /\b(?:esm\.sh|unpkg\.com|cdn\.jsdelivr\.net|jsdelivr\.net|cdnjs\.cloudflare\.com|fonts\.googleapis\.com|fonts\.gstatic\.com|esm\.run|skypack\.dev)\b/;
const remoteCss = /(?:url\(\s*['"]?|@import\s+['"]?)(?:https?:)?\/\//i;
const remoteHtml = /\b(?:src|href)\s*=\s*["']?(?:https?:)?\/\//i;
let totalBytes = 0;
const sizes = [];
for await (const file of walk(outdir)) {
  const { size } = await stat(file);
  if (size === 0) {
    // e.g. the CSS of a lazy chunk that only imported (dropped) Monaco CSS: nothing references it.
    await rm(file);
    continue;
  }
  totalBytes += size;
  sizes.push([path.relative(outdir, file), size]);
  if (!/\.(?:js|css|html)$/.test(file)) continue;
  const text = await readFile(file, 'utf8');
  const bad =
    text.match(cdnHosts) ??
    (file.endsWith('.css') ? text.match(remoteCss) : null) ??
    (file.endsWith('.html') ? text.match(remoteHtml) : null);
  if (bad) throw new Error(`${path.relative(root, file)} references an external host: "${bad[0]}"`);
}

// 5. What this build read, for --if-changed (written last: a failed build leaves no stamp).
await writeStamp(root, stampFile, dev, [workers, app], [scriptFile]);

sizes.sort((a, b) => b[1] - a[1]);
const kb = (n) => `${(n / 1024).toFixed(0)} KiB`;
for (const [file, size] of sizes.slice(0, 8)) console.log(`  ${file.padEnd(48)} ${kb(size)}`);
if (sizes.length > 8) console.log(`  … ${sizes.length - 8} more files`);
console.log(
  `GraphiQL built into ${path.relative(root, outdir)}/: ${sizes.length} files, ${kb(totalBytes)} in ${((Date.now() - started) / 1000).toFixed(1)} s`,
);
