// Mutation testing of the modules that hold the rules of time, identity, cursors, limits, dates and
// ids. One Stryker run per module, each against the test files that pin it (running the whole suite
// for every mutant would take hours): `npm run test:mutation` (scripts/mutation.mjs) runs them all;
// `STRYKER_MODULE=dates npx stryker run` runs one.

/** Module name → the files it mutates and the test files that pin them. */
export const MODULES = {
  'credit-status': {
    mutate: ['src/credit/credit.status.ts'],
    tests: [
      'test/unit/credit.status.test.ts',
      'test/api/attachments.test.ts',
      'test/api/person.test.ts',
    ],
  },
  'reported-event': {
    mutate: ['src/events/reported-event.ts'],
    tests: ['test/unit/reported-event.test.ts'],
  },
  connection: {
    mutate: ['src/graphql/relay/connection.ts'],
    tests: ['test/unit/connection.test.ts', 'test/api/pagination.test.ts'],
  },
  dates: {
    mutate: ['src/lib/dates.ts', 'src/graphql/scalars.ts'],
    tests: ['test/unit/dates.test.ts', 'test/unit/scalars.test.ts'],
  },
  'global-id': {
    mutate: ['src/graphql/relay/global-id.ts'],
    tests: ['test/unit/global-id.test.ts', 'test/api/node.test.ts'],
  },
  'query-limits': {
    mutate: ['src/graphql/query-limits.ts'],
    tests: ['test/unit/query-limits.test.ts'],
  },
};

const name = process.env.STRYKER_MODULE;
const target = MODULES[name];
if (!target) {
  throw new Error(
    `Set STRYKER_MODULE to one of ${Object.keys(MODULES).join(', ')} (got ${JSON.stringify(name)}).`,
  );
}

/** @type {import('@stryker-mutator/api/core').PartialStrykerOptions} */
export default {
  packageManager: 'npm',
  testRunner: 'jest',
  checkers: ['typescript'],
  tsconfigFile: 'tsconfig.json',
  coverageAnalysis: 'perTest',
  mutate: target.mutate,
  jest: {
    projectType: 'custom',
    configFile: 'jest.config.js',
    // The lists below are the related tests: jest's own search stops at roots (test/), so it would
    // miss a test that reaches the module through the app.
    enableFindRelatedTests: false,
    config: { testMatch: target.tests.map((file) => `<rootDir>/${file}`) },
  },
  concurrency: 2,
  thresholds: { high: 95, low: 85, break: 85 },
  reporters: ['clear-text', 'progress', 'html', 'json'],
  clearTextReporter: { reportTests: false },
  htmlReporter: { fileName: `reports/mutation/${name}/index.html` },
  jsonReporter: { fileName: `reports/mutation/${name}/mutation.json` },
  tempDirName: '.stryker-tmp',
  ignorePatterns: ['dist', 'data', 'reports', 'coverage', 'test/artifacts', '*.sqlite*'],
};
