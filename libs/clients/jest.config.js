module.exports = {
  ...require('../../jest.preset.js'),
  displayName: 'clients-domain',
  rootDir: __dirname,
  testMatch: ['<rootDir>/src/**/*.spec.ts'],
};
