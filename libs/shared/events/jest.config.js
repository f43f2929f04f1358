module.exports = {
  ...require('../../../jest.preset.js'),
  displayName: 'shared-events',
  rootDir: __dirname,
  testMatch: ['<rootDir>/src/**/*.spec.ts'],
};
