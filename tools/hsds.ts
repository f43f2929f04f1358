/**
 * `npm run hsds -- import <dir>` loads an HSDS 3.0 tabular data package
 * (datapackage.json and one CSV per table) into the directory: all or
 * nothing, idempotent by id. `npm run hsds -- export <dir>` writes the
 * directory as such a package. Runs as the resources owner role:
 * MIGRATION_DATABASE_URL (or RESOURCES_MIGRATION_DATABASE_URL), else the
 * embedded PostgreSQL under .data/.
 */
import 'reflect-metadata';
import { resolve } from 'node:path';
import { openDatabase, urlUser } from '@caseflow/db';
import { migrateSubgraph } from '@caseflow/federation';
import { exportPackage, importPackage, PackageError, resourcesSubgraph } from '@caseflow/resources';
import { localConfig, localDatabase } from './lib/local';

const USAGE = 'usage: npm run hsds -- import <package dir> | export <dir>';

async function main(): Promise<void> {
  const [command, target, ...rest] = process.argv.slice(2);
  if (!['import', 'export'].includes(command) || !target || rest.length > 0) {
    process.stderr.write(`${USAGE}\n`);
    process.exit(2);
  }
  const dir = resolve(target);
  const config = localConfig();
  const local = await localDatabase(config, (line) => process.stderr.write(`${line}\n`));
  await migrateSubgraph(resourcesSubgraph, {
    migrationDatabaseUrl: local.migrationUrlFor('resources'),
    runtimeRole: urlUser(local.runtimeUrlFor('resources')),
  });
  const db = await openDatabase({
    // An operator's tool: it writes the directory as the resources owner role, after migrating.
    url: local.migrationUrlFor('resources'),
    schema: resourcesSubgraph.dbSchema,
    entities: resourcesSubgraph.entities,
    migrations: resourcesSubgraph.migrations,
    poolMax: 2,
    // A large package is written in a few big statements.
    statementTimeoutMs: 600_000,
  });
  const started = Date.now();
  try {
    if (command === 'import') {
      const report = await importPackage(db.dataSource, dir);
      for (const [table, rows] of Object.entries(report.rows)) process.stdout.write(`${table.padEnd(24)} ${rows}\n`);
      for (const warning of report.warnings) process.stdout.write(`warning: ${warning}\n`);
      process.stdout.write(`imported ${dir} in ${((Date.now() - started) / 1000).toFixed(1)} s\n`);
    } else {
      const counts = await exportPackage(db.dataSource, dir);
      for (const [table, rows] of Object.entries(counts)) process.stdout.write(`${table.padEnd(24)} ${rows}\n`);
      process.stdout.write(`exported to ${dir} in ${((Date.now() - started) / 1000).toFixed(1)} s\n`);
    }
  } finally {
    await db.dataSource.destroy();
    await local.stop();
  }
}

main().catch((error: unknown) => {
  if (error instanceof PackageError) {
    process.stderr.write(`import refused, nothing imported: ${error.message}\n`);
    process.exit(1);
  }
  process.stderr.write(`hsds failed: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
