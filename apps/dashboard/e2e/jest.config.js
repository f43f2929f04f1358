// The dashboard in a real browser: headless Chromium driven by playwright-core
// against the whole platform (a fresh database with the demo data, the four
// subgraphs and the gateway) and the built dashboard, all started by the test.
module.exports = {
  ...require('../../../jest.preset.js'),
  displayName: 'dashboard-e2e',
  rootDir: __dirname,
  testMatch: ['<rootDir>/src/**/*.spec.ts'],
  testTimeout: 120000,
};
