/** Where globalSetup publishes the test server's maintenance URL to the test workers. */
export const TEST_SERVER_URL_ENV = 'CASEFLOW_TEST_SERVER_URL';
