/**
 * The benchmark's PostgreSQL on its own, until SIGTERM or Ctrl-C: for
 * looking at plans (EXPLAIN ANALYZE) on the benchmark data between runs, and
 * for tests (which cannot start the embedded server inside a jest worker).
 * Settings: BENCH_PG_DIR (default .data/bench/postgres), BENCH_PG_PORT
 * (54339), BENCH_PG_EPHEMERAL=1 (delete the data when stopped),
 * BENCH_PG_BULK_LOAD=1 (durability off, for generating), BENCH_PG_PASSWORDS
 * (the passwords file, default .data/bench/keys/db-passwords.json).
 *
 *   npx ts-node --transpile-only -r tsconfig-paths/register tools/bench/postgres-server.ts
 */
import { startBenchServer } from './postgres';

async function main(): Promise<void> {
  const server = await startBenchServer({
    dataDir: process.env.BENCH_PG_DIR || undefined,
    port: process.env.BENCH_PG_PORT ? Number(process.env.BENCH_PG_PORT) : undefined,
    persistent: process.env.BENCH_PG_EPHEMERAL !== '1',
    passwordsFile: process.env.BENCH_PG_PASSWORDS || undefined,
    bulkLoad: process.env.BENCH_PG_BULK_LOAD === '1',
    statements: true,
    log: (line) => process.stdout.write(`${line}\n`),
  });
  process.stdout.write(`bench postgres ready on port ${new URL(server.adminUrl).port}\n`);
  let stopping = false;
  const stop = () => {
    if (stopping) return;
    stopping = true;
    server.stop().then(
      () => process.exit(0),
      () => process.exit(1),
    );
  };
  process.on('SIGTERM', stop);
  process.on('SIGINT', stop);
}

main().catch((error: unknown) => {
  process.stderr.write(`bench postgres failed: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
