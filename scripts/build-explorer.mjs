#!/usr/bin/env node
// Bundles the franchise explorer (React + dagre) into dist/explorer/ with esbuild:
//   dist/explorer/index.html                                  (served by src/explorer/explorer.routes.ts)
//   dist/explorer/assets/explorer-[hash].js and explorer-[hash].css
// Every URL is an absolute /explore/... path: nothing loads from another host.
// Usage: node scripts/build-explorer.mjs [--dev] [--if-changed]   (--dev: no minification, with source
// maps; --if-changed: nothing to do when no input of the last build has changed, see build-stamp.mjs)
import * as esbuild from 'esbuild';
import { mkdir, readFile, readdir, rm, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { upToDate, writeStamp } from './build-stamp.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const outdir = path.join(root, 'dist', 'explorer');
const publicPath = '/explore'; // must match EXPLORER_PUBLIC_PATH in src/explorer/explorer.routes.ts
const dev = process.argv.includes('--dev');
const started = Date.now();
const entry = path.join(root, 'src/explorer/page/explorer.entry.tsx');
const stampFile = path.join(outdir, '.inputs.json');

// Silent: the CLI commands run it before every call.
if (process.argv.includes('--if-changed') && (await upToDate(root, stampFile, dev)))
  process.exit(0);

await rm(outdir, { recursive: true, force: true });
await mkdir(outdir, { recursive: true });

const result = await esbuild.build({
  entryPoints: { explorer: entry },
  bundle: true,
  minify: !dev,
  sourcemap: dev ? 'linked' : false,
  target: ['es2022'],
  platform: 'browser',
  format: 'esm',
  jsx: 'automatic',
  logLevel: 'warning',
  metafile: true,
  outdir: path.join(outdir, 'assets'),
  entryNames: '[name]-[hash]',
  assetNames: '[name]-[hash]',
  publicPath: `${publicPath}/assets`,
  define: { 'process.env.NODE_ENV': JSON.stringify(dev ? 'development' : 'production') },
  absWorkingDir: root,
});

let js;
let css;
for (const [file, meta] of Object.entries(result.metafile.outputs)) {
  if (meta.entryPoint && path.resolve(root, meta.entryPoint) === entry) {
    js = path.relative(outdir, path.resolve(root, file)).split(path.sep).join('/');
    if (meta.cssBundle)
      css = path.relative(outdir, path.resolve(root, meta.cssBundle)).split(path.sep).join('/');
  }
}
if (!js || !css) throw new Error('explorer entry js/css not found in esbuild output');

await writeFile(
  path.join(outdir, 'index.html'),
  `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>franchise-graph · Explorer</title>
<link rel="icon" href="data:,">
<link rel="stylesheet" href="${publicPath}/${css}">
<script type="module" src="${publicPath}/${js}"></script>
</head>
<body>
<div id="explorer"><p>Loading the franchise explorer…</p></div>
<noscript>The explorer needs JavaScript. The same data is at /graphql (GraphiQL).</noscript>
</body>
</html>
`,
);

// Guard: nothing emitted may name another host in a URL the browser would load by itself.
const remote = /(?:url\(\s*['"]?|@import\s+['"]?|\b(?:src|href)\s*=\s*["']?)(?:https?:)?\/\//i;
let total = 0;
const sizes = [];
for (const entryFile of await readdir(outdir, { recursive: true, withFileTypes: true })) {
  if (!entryFile.isFile()) continue;
  const file = path.join(entryFile.parentPath, entryFile.name);
  const { size } = await stat(file);
  total += size;
  sizes.push(`  ${path.relative(outdir, file).padEnd(40)} ${(size / 1024).toFixed(0)} KiB`);
  if (!/\.(?:css|html)$/.test(file)) continue;
  const bad = (await readFile(file, 'utf8')).match(remote);
  if (bad) throw new Error(`${path.relative(root, file)} references an external host: "${bad[0]}"`);
}
console.log(sizes.join('\n'));
console.log(
  `Explorer built into ${path.relative(root, outdir)}/: ${sizes.length} files, ${(total / 1024).toFixed(0)} KiB in ${((Date.now() - started) / 1000).toFixed(1)} s`,
);

// What this build read, for --if-changed (written last: a failed build leaves no stamp).
await writeStamp(root, stampFile, dev, [result], [fileURLToPath(import.meta.url)]);
