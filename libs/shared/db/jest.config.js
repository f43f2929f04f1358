module.exports = {
  ...require('../../../jest.preset.js'),
  displayName: 'shared-db',
  rootDir: __dirname,
  testMatch: ['<rootDir>/src/**/*.spec.ts'],
};
