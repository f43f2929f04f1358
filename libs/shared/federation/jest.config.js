module.exports = {
  ...require('../../../jest.preset.js'),
  displayName: 'shared-federation',
  rootDir: __dirname,
  testMatch: ['<rootDir>/src/**/*.spec.ts'],
};
