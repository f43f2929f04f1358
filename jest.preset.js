// Shared jest settings: ts-jest in transpile-only mode (decorator metadata is
// emitted; type errors are the typecheck target's job), workspace path aliases,
// and one real PostgreSQL per test run (started in globalSetup).
const path = require('node:path');
const { pathsToModuleNameMapper } = require('ts-jest');
const { compilerOptions } = require('./tsconfig.base.json');

module.exports = {
  testEnvironment: 'node',
  transform: {
    '^.+\\.ts$': ['ts-jest', { tsconfig: path.join(__dirname, 'tsconfig.spec.json') }],
  },
  moduleFileExtensions: ['ts', 'js', 'json'],
  moduleNameMapper: pathsToModuleNameMapper(compilerOptions.paths, { prefix: __dirname + '/' }),
  globalSetup: path.join(__dirname, 'libs/shared/testing/src/jest/global-setup.ts'),
  globalTeardown: path.join(__dirname, 'libs/shared/testing/src/jest/global-teardown.ts'),
  reporters: ['default', path.join(__dirname, 'tools/jest-tally-reporter.js')],
  testTimeout: 60000,
};
