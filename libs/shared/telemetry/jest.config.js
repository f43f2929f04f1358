module.exports = {
  ...require('../../../jest.preset.js'),
  displayName: 'shared-telemetry',
  rootDir: __dirname,
  testMatch: ['<rootDir>/src/**/*.spec.ts'],
};
