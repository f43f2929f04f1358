/** `npm run seed` migrates every subgraph's schema and loads the demo data (idempotent). */
import { seedDemo } from '@caseflow/platform';
import { databaseUrlFor, localConfig, localDatabase } from './lib/local';

async function main(): Promise<void> {
  const config = localConfig();
  const db = await localDatabase(config, (line) => process.stdout.write(`${line}\n`));
  try {
    await seedDemo(databaseUrlFor(config, db.url));
    process.stdout.write('demo data loaded\n');
  } finally {
    await db.stop();
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`seed failed: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
