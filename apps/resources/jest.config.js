module.exports = {
  ...require('../../jest.preset.js'),
  displayName: 'resources',
  rootDir: __dirname,
  testMatch: ['<rootDir>/src/**/*.spec.ts'],
};
