module.exports = {
  ...require('../../jest.preset.js'),
  displayName: 'gateway-lib',
  rootDir: __dirname,
  testMatch: ['<rootDir>/src/**/*.spec.ts'],
};
