module.exports = {
  ...require('../../jest.preset.js'),
  displayName: 'resources-domain',
  rootDir: __dirname,
  testMatch: ['<rootDir>/src/**/*.spec.ts'],
};
