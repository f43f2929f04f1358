module.exports = {
  ...require('../../../jest.preset.js'),
  displayName: 'resources-seed',
  rootDir: __dirname,
  testMatch: ['<rootDir>/src/**/*.spec.ts'],
};
