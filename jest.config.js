// The suite runs on the database of DATABASE_URL (SQLite unless it is postgres://…). Test files about one
// database's own machinery are named *.sqlite.test.ts or *.postgres.test.ts and run only on that one.
const onPostgres = /^postgres(ql)?:\/\//.test(process.env.DATABASE_URL ?? '');

/** @type {import('jest').Config} */
module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>/test'],
  testMatch: ['**/*.test.ts'],
  testPathIgnorePatterns: [
    '/node_modules/',
    onPostgres ? '\\.sqlite\\.test\\.ts$' : '\\.postgres\\.test\\.ts$',
  ],
  transform: { '^.+\\.ts$': ['ts-jest', { tsconfig: 'tsconfig.json' }] },
  setupFiles: ['reflect-metadata'],
  testTimeout: 120000,
  modulePathIgnorePatterns: ['<rootDir>/dist/'],
};
