module.exports = {
  ...require('../../jest.preset.js'),
  displayName: 'referrals-domain',
  rootDir: __dirname,
  testMatch: ['<rootDir>/src/**/*.spec.ts'],
};
