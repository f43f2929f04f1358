module.exports = {
  ...require('../../../jest.preset.js'),
  displayName: 'shared-demo',
  rootDir: __dirname,
  testMatch: ['<rootDir>/src/**/*.spec.ts'],
};
