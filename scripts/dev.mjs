#!/usr/bin/env node
// `npm run dev`: compiles, then keeps `tsc --watch` running and restarts the server (node --watch)
// whenever the compiled output changes. Ctrl+C stops both.
import { spawn, spawnSync } from 'node:child_process';

const tsc = process.platform === 'win32' ? 'npx.cmd' : 'npx';
const first = spawnSync(tsc, ['tsc', '-p', 'tsconfig.build.json'], { stdio: 'inherit' });
if (first.status !== 0) process.exit(first.status ?? 1);
spawnSync(process.execPath, ['scripts/build-graphiql.mjs'], { stdio: 'inherit' });
spawnSync(process.execPath, ['scripts/build-explorer.mjs'], { stdio: 'inherit' });

const children = [
  spawn(tsc, ['tsc', '-p', 'tsconfig.build.json', '--watch', '--preserveWatchOutput'], {
    stdio: 'inherit',
  }),
  spawn(process.execPath, ['--watch', 'dist/src/main.js'], { stdio: 'inherit' }),
];
const stop = () => {
  for (const child of children) child.kill('SIGTERM');
};
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
for (const child of children) child.on('exit', stop);
