// The dashboard's component, hook and logic tests: jsdom, TypeScript and TSX
// through ts-jest (transpile only; types are the typecheck target's job).
// No database: these tests never start the platform.
const path = require('node:path');

module.exports = {
  displayName: 'dashboard',
  rootDir: __dirname,
  roots: ['<rootDir>/src', '<rootDir>/codegen'],
  testEnvironment: 'jsdom',
  testMatch: ['**/*.spec.ts', '**/*.spec.tsx'],
  transform: {
    '^.+\\.tsx?$': ['ts-jest', { tsconfig: path.join(__dirname, 'tsconfig.spec.json') }],
  },
  moduleFileExtensions: ['ts', 'tsx', 'js', 'json'],
  moduleNameMapper: { '\\.css$': '<rootDir>/src/testing/style-stub.js' },
  setupFiles: ['<rootDir>/src/testing/setup.js'],
  reporters: ['default', path.join(__dirname, '../../tools/jest-tally-reporter.js')],
  testTimeout: 20000,
};
