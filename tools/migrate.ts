/**
 * `npm run migrate`: every subgraph's pending migrations, each run as its
 * subgraph's owner role under a PostgreSQL advisory lock (two of these, or a
 * replica migrating at boot in development, started together migrate once),
 * then the runtime role's grants. Against the embedded server under .data/
 * (started if needed, roles made on first use), or DATABASE_URL's server
 * with MIGRATION_DATABASE_URL (or `<NAME>_MIGRATION_DATABASE_URL`) naming
 * the owner roles. `npm start` runs it first.
 */
import 'reflect-metadata';
import { migrateSubgraphs } from '@caseflow/platform';
import { localConfig, localDatabase } from './lib/local';

async function main(): Promise<void> {
  const say = (line: string) => process.stdout.write(`${line}\n`);
  const db = await localDatabase(localConfig(), say);
  try {
    await migrateSubgraphs(db, say);
  } finally {
    await db.stop();
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`migrate failed: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
