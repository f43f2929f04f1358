module.exports = {
  ...require('../../../jest.preset.js'),
  displayName: 'shared-core',
  rootDir: __dirname,
  testMatch: ['<rootDir>/src/**/*.spec.ts'],
};
