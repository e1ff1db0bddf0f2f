#!/usr/bin/env node
// `npm run test:mutation [-- module… --concurrency N]`: one Stryker run per module of
// stryker.config.mjs (each against its own test files), then a score table. Exits 1 when a run fails or
// a module scores under the break threshold. Reports: reports/mutation/<module>/{index.html,mutation.json}.
import { spawnSync } from 'node:child_process';
import { readFileSync, rmSync } from 'node:fs';

process.env.STRYKER_MODULE ??= 'dates'; // lets the config file load so its module table can be read
const { MODULES, default: config } = await import('../stryker.config.mjs');

const args = process.argv.slice(2);
const passThrough = [];
const names = [];
for (let i = 0; i < args.length; i++) {
  if (args[i] === '--concurrency') passThrough.push(args[i], args[++i]);
  else names.push(args[i]);
}
const unknown = names.filter((name) => !(name in MODULES));
if (unknown.length > 0) {
  console.error(`Unknown module ${unknown.join(', ')}; known: ${Object.keys(MODULES).join(', ')}.`);
  process.exit(2);
}

// Stryker's score: detected (killed, timed out) over valid mutants; compile errors and ignored
// mutants do not count.
const DETECTED = new Set(['Killed', 'Timeout']);
const UNDETECTED = new Set(['Survived', 'NoCoverage']);
function score(reportFile) {
  const report = JSON.parse(readFileSync(reportFile, 'utf8'));
  const mutants = Object.values(report.files).flatMap((file) => file.mutants);
  const detected = mutants.filter((m) => DETECTED.has(m.status)).length;
  const undetected = mutants.filter((m) => UNDETECTED.has(m.status)).length;
  return { detected, undetected, score: (100 * detected) / (detected + undetected || 1) };
}

const npx = process.platform === 'win32' ? 'npx.cmd' : 'npx';
const rows = [];
let failed = false;
for (const name of names.length > 0 ? names : Object.keys(MODULES)) {
  const report = `reports/mutation/${name}/mutation.json`;
  rmSync(report, { force: true });
  const started = Date.now();
  const run = spawnSync(npx, ['stryker', 'run', 'stryker.config.mjs', ...passThrough], {
    stdio: 'inherit',
    env: { ...process.env, STRYKER_MODULE: name },
  });
  const minutes = ((Date.now() - started) / 60_000).toFixed(1);
  if (run.status !== 0) failed = true;
  try {
    const result = score(report);
    rows.push(
      `| ${name} | ${result.score.toFixed(1)} | ${result.detected} | ${result.undetected} | ${minutes} |`,
    );
  } catch {
    rows.push(`| ${name} | (no report) | | | ${minutes} |`);
  }
}

console.log(`\nMutation score per module (break at ${config.thresholds.break}):\n`);
console.log('| module | score % | killed | survived | minutes |');
console.log('| --- | ---: | ---: | ---: | ---: |');
for (const row of rows) console.log(row);
process.exit(failed ? 1 : 0);
