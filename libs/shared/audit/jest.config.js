module.exports = {
  ...require('../../../jest.preset.js'),
  displayName: 'shared-audit',
  rootDir: __dirname,
  testMatch: ['<rootDir>/src/**/*.spec.ts'],
};
