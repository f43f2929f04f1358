module.exports = {
  ...require('../../jest.preset.js'),
  displayName: 'referrals',
  rootDir: __dirname,
  testMatch: ['<rootDir>/src/**/*.spec.ts'],
};
