// One ESLint config for the workspace. The module-boundary rule keeps each
// subgraph's code to itself: a domain library may use the shared libraries
// but never another domain; only the platform assembly, tools and end-to-end
// tests see everything. The dashboard (a browser app) uses no workspace
// library at all: it reaches the platform only through the gateway's API.
// Inside a library no file may import, even for a type, a file that imports
// it back (import-x/no-cycle): loaders and mappers live in their own files.
const js = require('@eslint/js');
const tseslint = require('typescript-eslint');
const nx = require('@nx/eslint-plugin');
const { createNodeResolver, importX } = require('eslint-plugin-import-x');

const domains = ['clients', 'plans', 'referrals', 'resources'];
const everything = ['scope:shared', 'scope:gateway', 'scope:platform', ...domains.map((d) => `scope:${d}`)];

module.exports = [
  { ignores: ['**/node_modules/**', '**/dist/**', '.data/**', '.nx/**', 'coverage/**', '**/*.js', '**/*.mjs'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['**/*.ts', '**/*.tsx'],
    plugins: { '@nx': nx },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@nx/enforce-module-boundaries': [
        'error',
        {
          enforceBuildableLibDependency: false,
          allow: [],
          depConstraints: [
            { sourceTag: 'scope:shared', onlyDependOnLibsWithTags: ['scope:shared'] },
            ...domains.map((d) => ({ sourceTag: `scope:${d}`, onlyDependOnLibsWithTags: [`scope:${d}`, 'scope:shared'] })),
            { sourceTag: 'scope:gateway', onlyDependOnLibsWithTags: ['scope:gateway', 'scope:shared'] },
            { sourceTag: 'scope:dashboard', onlyDependOnLibsWithTags: ['scope:dashboard'] },
            { sourceTag: 'scope:platform', onlyDependOnLibsWithTags: everything },
            { sourceTag: 'scope:e2e', onlyDependOnLibsWithTags: everything },
            { sourceTag: 'scope:tools', onlyDependOnLibsWithTags: everything },
          ],
        },
      ],
    },
  },
  {
    files: ['libs/**/*.ts'],
    plugins: { 'import-x': importX },
    settings: { 'import-x/extensions': ['.ts'], 'import-x/resolver-next': [createNodeResolver({ extensions: ['.ts', '.js', '.json'] })] },
    rules: { 'import-x/no-cycle': ['error', { ignoreExternal: true }] },
  },
];
