import { execFileSync } from 'node:child_process';
import { resolve } from 'node:path';

const ROOT = resolve(__dirname, '..', '..');

/** Every line below, each linted as if it were written in its file, with the project's ESLint config. */
const CASES: [filePath: string, source: string][] = [];

/**
 * `npm run lint` enforces the direction of imports between layers (eslint.config.mjs). ESLint loads its
 * flat config as an ES module, which jest's CommonJS runtime cannot, so one child process lints them all.
 */
function lintCases(): string[][] {
  const script = `
    import { ESLint } from 'eslint';
    const eslint = new ESLint({ cwd: process.cwd() });
    const cases = JSON.parse(process.argv[1]);
    const out = [];
    for (const [filePath, source] of cases) {
      const [result] = await eslint.lintText(source + '\\n', { filePath });
      out.push(result.messages.filter((m) => m.ruleId === 'no-restricted-imports').map((m) => m.message));
    }
    process.stdout.write(JSON.stringify(out));`;
  const output = execFileSync(
    process.execPath,
    ['--input-type=module', '-e', script, JSON.stringify(CASES)],
    { cwd: ROOT, encoding: 'utf8' },
  );
  return JSON.parse(output) as string[][];
}

const FORBIDDEN: [filePath: string, source: string, layer: string][] = [
  ['src/db/transactions.ts', "import { Film } from '../film/film.entity';", 'db/'],
  ['src/db/transactions.ts', "import type { Context } from '../graphql/context';", 'db/'],
  ['src/db/migrations/x.ts', "import { handler } from '../../http/graphql-handler';", 'db/'],
  ['src/db/bootstrap.ts', "import { seed } from '../../seeds/seed';", 'db/'],
  ['src/lib/dates.ts', "import { Credit } from '../credit/credit.entity';", 'lib/'],
  ['src/lib/text.ts', "import { readerFor } from '../db/sql-tally';", 'lib/'],
  ['src/lib/text.ts', "import { getSchema } from '../schema';", 'lib/'],
  ['src/graphql/context.ts', "import { trackRequest } from '../http/request-log';", 'HTTP'],
  ['src/film/film.resolver.ts', "import { createApp } from '../app';", 'HTTP'],
];

const ALLOWED: [filePath: string, source: string][] = [
  ['src/film/film.resolver.ts', "import { withWriteTransaction } from '../db/transactions';"],
  ['src/film/film.resolver.ts', "import { toGlobalId } from '../graphql/relay/global-id';"],
  ['src/film/film.resolver.ts', "import { today } from '../lib/dates';"],
  ['src/credit/credit.resolver.ts', "import { ReportedEvent } from '../events/reported-event';"],
  ['src/db/data-source.ts', "import { ENTITIES } from '../entities';"],
  ['src/db/transactions.ts', "import { BadUserInputError } from '../errors';"],
  ['src/lib/logger.ts', "import type { LogLevel } from '../config';"],
  ['src/http/graphql-handler.ts', "import type { Context } from '../graphql/context';"],
  ['src/graphiql/graphiql.routes.ts', "import { sendFile } from '../http/static';"],
];

CASES.push(...FORBIDDEN.map(([file, source]) => [file, source] as [string, string]), ...ALLOWED);
let results: string[][];
beforeAll(() => {
  results = lintCases();
});

describe('the import direction between layers', () => {
  test.each(FORBIDDEN.map((c, index) => [...c, index] as const))(
    '%s may not %s',
    (_file, _source, layer, index) => {
      expect(results[index]).toHaveLength(1);
      expect(results[index][0]).toContain(layer);
    },
  );

  test.each(ALLOWED.map((c, index) => [...c, FORBIDDEN.length + index] as const))(
    '%s may %s',
    (_file, _source, index) => {
      expect(results[index]).toEqual([]);
    },
  );
});
