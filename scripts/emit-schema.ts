import 'reflect-metadata';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { lexicographicSortSchema, printSchema } from 'graphql';
import { getSchema } from '../src/schema';

/** `npm run schema:emit` writes schema.graphql; with --check it fails when the file is stale. */
const file = join(__dirname, '..', '..', 'schema.graphql');

async function run(): Promise<void> {
  const sdl = `${printSchema(lexicographicSortSchema(await getSchema()))}\n`;
  if (process.argv.includes('--check')) {
    let current: string;
    try {
      current = readFileSync(file, 'utf8');
    } catch {
      current = '';
    }
    if (current !== sdl) {
      process.stderr.write('schema.graphql is stale: run `npm run schema:emit` and commit it.\n');
      process.exit(1);
    }
    process.stdout.write('schema.graphql is up to date.\n');
    return;
  }
  writeFileSync(file, sdl);
  process.stdout.write(`Wrote ${file}\n`);
}

run().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? error.stack : String(error)}\n`);
  process.exit(1);
});
