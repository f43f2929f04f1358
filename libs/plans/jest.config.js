module.exports = {
  ...require('../../jest.preset.js'),
  displayName: 'plans-domain',
  rootDir: __dirname,
  testMatch: ['<rootDir>/src/**/*.spec.ts'],
};
