import nx from '@nx/eslint-plugin';

/** Tags (see each project.json) and what they may import: the boundaries of STYLE.md. */
const depConstraints = [
  { sourceTag: 'type:app', onlyDependOnLibsWithTags: ['type:domain'] },
  { sourceTag: 'type:e2e', onlyDependOnLibsWithTags: ['type:domain'] },
  { sourceTag: 'type:domain', onlyDependOnLibsWithTags: ['type:domain'] },
  { sourceTag: 'scope:shared', onlyDependOnLibsWithTags: ['scope:shared'] },
  { sourceTag: 'scope:api', onlyDependOnLibsWithTags: ['scope:shared', 'scope:api'] },
  { sourceTag: 'scope:web', onlyDependOnLibsWithTags: ['scope:shared', 'scope:web'] },
];

/** One "today", read in Europe/London (todayInEngland in libs/domain/src/calendar): the UTC date of
 * toISOString() is yesterday in England between 00:00 and 01:00 BST (issue 12). */
const utcDateSlice = {
  selector: "CallExpression[callee.property.name=/^(slice|substring|substr)$/][callee.object.callee.property.name='toISOString']",
  message: 'toISOString() is UTC: use todayInEngland(now) or formatIsoDate from @ccg-assure/domain.',
};

export default [
  ...nx.configs['flat/base'],
  ...nx.configs['flat/typescript'],
  ...nx.configs['flat/javascript'],
  {
    ignores: ['**/dist', '**/node_modules', '**/coverage', '**/.data', '**/.nx', 'apps/web/src/gql/**', '**/vite.config.*.timestamp*'],
  },
  {
    files: ['**/*.ts', '**/*.tsx', '**/*.js', '**/*.jsx', '**/*.mjs', '**/*.cjs'],
    rules: {
      '@nx/enforce-module-boundaries': ['error', { enforceBuildableLibDependency: true, allow: [], depConstraints }],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    // Money is exact: never parse it into a binary float.
    files: ['apps/**/*.ts', 'apps/**/*.tsx', 'libs/**/*.ts'],
    ignores: ['**/*.spec.ts', '**/*.spec.tsx', '**/*.int-spec.ts'],
    rules: {
      'no-restricted-globals': ['error', { name: 'parseFloat', message: 'Money and rates are exact: use Money / Percentage from @ccg-assure/domain.' }],
    },
  },
  {
    // Blocks below that set no-restricted-syntax repeat utcDateSlice: a later block replaces the rule.
    files: ['apps/**/*.ts', 'apps/**/*.tsx', 'libs/**/*.ts', 'tools/**/*.mjs'],
    rules: {
      'no-restricted-syntax': ['error', utcDateSlice],
    },
  },
  {
    // libs/domain is pure: no I/O, no clock, no environment, no logging (STYLE.md "Boundaries").
    files: ['libs/domain/**/*.ts'],
    ignores: ['libs/domain/**/*.spec.ts'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [{ group: ['node:*', 'fs', 'fs/*', 'path', 'http', 'https', 'net', 'child_process', 'pg', 'typeorm', 'express', 'react', 'react-*', '@apollo/*', 'graphql', 'type-graphql'], message: 'libs/domain imports nothing with I/O.' }] }],
      'no-restricted-globals': ['error', 'process', 'fetch', 'console', 'setTimeout', 'setInterval', { name: 'parseFloat', message: 'Money and rates are exact.' }],
      'no-restricted-properties': ['error', { object: 'Date', property: 'now', message: 'Take an asOf argument instead of reading the clock.' }, { object: 'Math', property: 'random', message: 'The domain is deterministic.' }],
      'no-restricted-syntax': ['error', utcDateSlice, { selector: "NewExpression[callee.name='Date'][arguments.length=0]", message: 'Take an asOf argument instead of reading the clock.' }],
    },
  },
  {
    // Decision 0009: SQL lives in typed statements (*.queries.ts), entities and the QueryBuilder; raw
    // .query( only in migrations, the database wiring and tests.
    files: ['apps/api/src/**/*.ts'],
    ignores: ['apps/api/src/**/*.queries.ts', 'apps/api/src/database/**', 'apps/api/src/testing/**', 'apps/api/src/**/*.spec.ts', 'apps/api/src/**/*.int-spec.ts'],
    rules: {
      'no-restricted-syntax': [
        'error',
        utcDateSlice,
        {
          selector: "CallExpression[callee.property.name='query']",
          message: 'Raw SQL goes in a typed statement in the area\'s *.queries.ts (decision 0009), or use the entity\'s repository.',
        },
      ],
    },
  },
];
