import { randomBytes } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
// jest loads globalSetup outside its module system, where workspace aliases do not resolve.
// eslint-disable-next-line @nx/enforce-module-boundaries
import { startEmbeddedPostgres, type EmbeddedPostgresServer } from '../../../db/src/embedded';
// eslint-disable-next-line @nx/enforce-module-boundaries
import { freePort } from '../../../core/src/ports';
import { TEST_SERVER_URL_ENV } from '../env';

declare global {
  var __caseflowTestPostgres: EmbeddedPostgresServer | undefined;
}

/** Starts the run's PostgreSQL (unless TEST_DATABASE_URL names one) and publishes its URL to the workers. */
export default async function globalSetup(): Promise<void> {
  const external = process.env.TEST_DATABASE_URL;
  if (external && external.trim() !== '') {
    process.env[TEST_SERVER_URL_ENV] = external;
    return;
  }
  const dataDir = mkdtempSync(join(tmpdir(), 'caseflow-test-pg-'));
  const server = await startEmbeddedPostgres({
    dataDir,
    port: await freePort(),
    persistent: false,
    fast: true,
    password: randomBytes(24).toString('base64url'),
  });
  globalThis.__caseflowTestPostgres = server;
  process.env[TEST_SERVER_URL_ENV] = server.url;
}
