module.exports = {
  ...require('../../jest.preset.js'),
  displayName: 'notifications-domain',
  rootDir: __dirname,
  testMatch: ['<rootDir>/src/**/*.spec.ts'],
};
