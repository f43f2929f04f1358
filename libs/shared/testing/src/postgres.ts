/**
 * A real PostgreSQL for the test run: one server per jest run (started in
 * globalSetup, or TEST_DATABASE_URL when set), and a fresh database per suite.
 */
import { randomBytes } from 'node:crypto';
import { Client } from 'pg';
import { withDatabase } from '@caseflow/db';

import { TEST_SERVER_URL_ENV } from './env';

export { TEST_SERVER_URL_ENV };

/** The maintenance URL of the run's test server (set by globalSetup). */
export function testServerUrl(): string {
  const url = process.env[TEST_SERVER_URL_ENV];
  if (!url) throw new Error(`${TEST_SERVER_URL_ENV} is not set: run tests through jest with the workspace preset`);
  return url;
}

/** Creates an empty database for one suite and returns its URL. */
export async function createTestDatabase(prefix = 'suite'): Promise<string> {
  const name = `cf_${prefix.replace(/[^a-z0-9_]/gi, '_').toLowerCase()}_${randomBytes(4).toString('hex')}`;
  const admin = new Client({ connectionString: testServerUrl() });
  await admin.connect();
  try {
    await admin.query(`CREATE DATABASE "${name}"`);
  } finally {
    await admin.end();
  }
  return withDatabase(testServerUrl(), name);
}

/** Drops a suite's database (needed when TEST_DATABASE_URL points at a shared server). */
export async function dropTestDatabase(url: string): Promise<void> {
  const name = new URL(url).pathname.slice(1);
  const admin = new Client({ connectionString: testServerUrl() });
  await admin.connect();
  try {
    await admin.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
  } finally {
    await admin.end();
  }
}
