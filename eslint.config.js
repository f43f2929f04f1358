// One ESLint config for the workspace. The module-boundary rule keeps each
// subgraph's code to itself: a domain library may use the shared libraries
// but never another domain; only the platform assembly, tools and end-to-end
// tests see everything. The dashboard (a browser app) uses no workspace
// library at all: it reaches the platform only through the gateway's API.
//
// Demo data, seeds and benchmark generators live in their own projects
// (libs/seed/<domain>, tagged scope:<domain>-seed and type:seed). A seed may
// use its own domain and the shared libraries; no runtime code (a domain
// library or its subgraph app, the shared libraries, the gateway) may use a
// seed. Only a domain's tests (spec files and its testing/ folder) may seed
// through their own domain's seed project: that test-only loop between a
// domain and its seed is the one circular dependency the rule accepts.
//
// Inside a library no file may import, even for a type, a file that imports
// it back (import-x/no-cycle): loaders and mappers live in their own files.
const js = require('@eslint/js');
const tseslint = require('typescript-eslint');
const nx = require('@nx/eslint-plugin');
const { createNodeResolver, importX } = require('eslint-plugin-import-x');

const domains = ['clients', 'plans', 'referrals', 'resources', 'notifications'];
const seeds = domains.map((d) => `scope:${d}-seed`);
const everything = ['scope:shared', 'scope:gateway', 'scope:platform', ...domains.map((d) => `scope:${d}`), ...seeds];
const testFiles = ['**/*.spec.ts', '**/testing/**/*.ts'];

// `domainTests`: whether a domain's own code may reach its seed project (true
// only for its test files).
function boundaries(domainTests) {
  return [
    'error',
    {
      enforceBuildableLibDependency: false,
      allow: [],
      ignoredCircularDependencies: domains.map((d) => [`${d}-domain`, `${d}-seed`]),
      depConstraints: [
        { sourceTag: 'scope:shared', onlyDependOnLibsWithTags: ['scope:shared'] },
        ...domains.map((d) => ({
          sourceTag: `scope:${d}`,
          onlyDependOnLibsWithTags: [`scope:${d}`, 'scope:shared', ...(domainTests ? [`scope:${d}-seed`] : [])],
        })),
        ...domains.map((d) => ({
          sourceTag: `scope:${d}-seed`,
          onlyDependOnLibsWithTags: [`scope:${d}-seed`, `scope:${d}`, 'scope:shared'],
        })),
        { sourceTag: 'scope:gateway', onlyDependOnLibsWithTags: ['scope:gateway', 'scope:shared'] },
        { sourceTag: 'scope:dashboard', onlyDependOnLibsWithTags: ['scope:dashboard'] },
        { sourceTag: 'scope:platform', onlyDependOnLibsWithTags: everything },
        { sourceTag: 'scope:e2e', onlyDependOnLibsWithTags: everything },
        { sourceTag: 'scope:tools', onlyDependOnLibsWithTags: everything },
        { sourceTag: 'type:app', notDependOnLibsWithTags: ['type:seed'] },
      ],
    },
  ];
}

module.exports = [
  { ignores: ['**/node_modules/**', '**/dist/**', '.data/**', '.nx/**', 'coverage/**', '**/*.js', '**/*.mjs'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['**/*.ts', '**/*.tsx'],
    plugins: { '@nx': nx },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@nx/enforce-module-boundaries': boundaries(false),
    },
  },
  {
    files: testFiles,
    ignores: ['apps/**', 'tools/**'],
    rules: { '@nx/enforce-module-boundaries': boundaries(true) },
  },
  {
    files: ['libs/**/*.ts'],
    plugins: { 'import-x': importX },
    settings: { 'import-x/extensions': ['.ts'], 'import-x/resolver-next': [createNodeResolver({ extensions: ['.ts', '.js', '.json'] })] },
    rules: { 'import-x/no-cycle': ['error', { ignoreExternal: true }] },
  },
  // Hand-written SQL lives in *.sql.ts files as named, parameterised
  // statements with typed rows (docs/architecture.md, "TypeORM and SQL");
  // migrations, the database infrastructure, seeds, demo data and tests are exempt.
  {
    files: ['libs/**/*.ts'],
    ignores: ['**/*.sql.ts', '**/migrations/**', 'libs/shared/db/**', 'libs/seed/**', 'libs/shared/demo/**', ...testFiles],
    rules: {
      'no-restricted-syntax': [
        'error',
        {
          selector: "CallExpression[callee.property.name='query']",
          message: 'Hand-written SQL belongs in a *.sql.ts file (docs/architecture.md, TypeORM and SQL)',
        },
      ],
    },
  },
  // A list of values is one array parameter (`anyOf`, `= ANY($1)`): TypeORM's
  // In writes a new statement text for every list length (docs/architecture.md, Batching).
  {
    files: ['libs/**/*.ts'],
    ignores: ['**/migrations/**', 'libs/seed/**', ...testFiles],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [
            { name: 'typeorm', importNames: ['In'], message: "Use anyOf from '@caseflow/db': one statement text for any list length" },
          ],
        },
      ],
    },
  },
];
