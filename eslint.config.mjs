import js from '@eslint/js';
import tseslint from 'typescript-eslint';

/** Feature folders: one per part of the domain. Infrastructure layers must never import them. */
const FEATURES = [
  'auth',
  'character',
  'cli',
  'company',
  'credit',
  'events',
  'explorer',
  'film',
  'franchise',
  'graphiql',
  'metric',
  'person',
  'search',
  'source',
];

/** A relative import that reaches one of `folders` (or one of the top-level `files`) under src/. */
function importsOf(folders, files = []) {
  const names = [...folders.map((f) => `${f}(/|$)`), ...files.map((f) => `${f}$`)].join('|');
  return `^(\\./|(\\.\\./)+)(${names})`;
}

/** Dependencies point one way: features → graphql/, db/, events/, lib/; nothing imports upward. */
const LAYERS = [
  {
    files: ['src/lib/**/*.ts'],
    message: 'lib/ holds pure helpers: it imports only lib/, config and errors.',
    regex: importsOf(['db', 'graphql', 'http', ...FEATURES], ['app', 'main', 'schema', 'entities']),
  },
  {
    files: ['src/db/**/*.ts'],
    message:
      'db/ must not import a feature, graphql/ or http/ (features import db/, not the reverse).',
    regex: importsOf(['graphql', 'http', 'seeds', ...FEATURES], ['app', 'main', 'schema']),
  },
  {
    files: ['src/graphql/**/*.ts', ...FEATURES.map((f) => `src/${f}/**/*.ts`)],
    // Pages served over HTTP (GraphiQL, the explorer) and the command line sit beside the HTTP layer.
    ignores: ['src/cli/**', 'src/graphiql/**', 'src/explorer/**'],
    message:
      'Only the HTTP layer (http/, app.ts, main.ts, the pages it serves) may import http/ or the app.',
    regex: importsOf(['http'], ['app', 'main']),
  },
];

export default tseslint.config(
  {
    ignores: [
      'dist/**',
      'node_modules/**',
      'data/**',
      'coverage/**',
      'test/artifacts/**',
      'reports/**',
      '.stryker-tmp/**',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['**/*.ts'],
    rules: {
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', destructuredArrayIgnorePattern: '^_' },
      ],
      'no-restricted-syntax': [
        'error',
        { selector: 'ExportDefaultDeclaration', message: 'Use named exports.' },
      ],
    },
  },
  ...LAYERS.map(({ files, ignores, message, regex }) => ({
    files,
    ...(ignores ? { ignores } : {}),
    rules: {
      'no-restricted-imports': ['error', { patterns: [{ regex, message }] }],
    },
  })),
  {
    files: ['**/*.js', '**/*.mjs'],
    languageOptions: {
      globals: {
        require: 'readonly',
        module: 'writable',
        process: 'readonly',
        console: 'readonly',
        __dirname: 'readonly',
      },
    },
  },
);
