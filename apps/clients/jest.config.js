module.exports = {
  ...require('../../jest.preset.js'),
  displayName: 'clients',
  rootDir: __dirname,
  testMatch: ['<rootDir>/src/**/*.spec.ts'],
};
