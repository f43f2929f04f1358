/**
 * `npm run hsds -- import <dir>` loads an HSDS 3.0 tabular data package
 * (datapackage.json and one CSV per table) into the directory: all or
 * nothing, idempotent by id. `npm run hsds -- export <dir>` writes the
 * directory as such a package. `npm run hsds -- pull <base URL> [--token
 * <token>] [--organization <id>] [--full]` mirrors another HSDS 3.0 API into
 * the directory: everything the first time, then only what changed since
 * (`modified_after`), all or nothing. Runs as the resources owner role:
 * MIGRATION_DATABASE_URL (or RESOURCES_MIGRATION_DATABASE_URL), else the
 * embedded PostgreSQL under .data/.
 */
import 'reflect-metadata';
import { resolve } from 'node:path';
import { openDatabase, urlUser } from '@caseflow/db';
import { migrateSubgraph } from '@caseflow/federation';
import { isAppError } from '@caseflow/core';
import {
  checkPullOptions,
  exportPackage,
  importPackage,
  PackageError,
  PullError,
  pullDirectory,
  type PullReport,
  resourcesSubgraph,
} from '@caseflow/resources';
import { localConfig, localDatabase } from './lib/local';

const USAGE =
  'usage: npm run hsds -- import <package dir> | export <dir> | pull <base URL> [--token <token>] [--organization <id>] [--full]';

class UsageError extends Error {}

interface PullArgs {
  token?: string;
  organizationId?: string;
  full: boolean;
}

/** The options after `pull <base URL>`; an unknown or incomplete one is refused by name. */
function pullArgs(rest: string[]): PullArgs {
  const args: PullArgs = { full: false };
  for (let i = 0; i < rest.length; i++) {
    const name = rest[i];
    if (name === '--full') args.full = true;
    else if (name === '--token' || name === '--organization') {
      const value = rest[++i];
      if (value === undefined || value.startsWith('--')) throw new UsageError(`${name} needs a value`);
      if (name === '--token') args.token = value;
      else args.organizationId = value;
    } else
      throw new UsageError(
        `${/^--?[a-z-]{1,30}$/.test(name) ? name : 'that argument'} is not an option of pull (it takes --token, --organization, --full)`,
      );
  }
  return args;
}

function printPull(report: PullReport, started: number): void {
  for (const [table, rows] of Object.entries(report.written)) process.stdout.write(`${table.padEnd(24)} ${rows}\n`);
  for (const warning of report.warnings) process.stdout.write(`warning: ${warning}\n`);
  process.stdout.write(
    `pulled ${report.source}${report.modifiedAfter ? ` (modified after ${report.modifiedAfter})` : ' (everything)'}: ` +
      `${report.requests} requests, ${report.unchanged} rows unchanged, in ${((Date.now() - started) / 1000).toFixed(1)} s; ` +
      `next pull asks from ${report.watermark ?? 'the start'}\n`,
  );
}

async function main(): Promise<void> {
  const [command, target, ...rest] = process.argv.slice(2);
  if (!['import', 'export', 'pull'].includes(command) || !target || (command !== 'pull' && rest.length > 0)) {
    process.stderr.write(`${USAGE}\n`);
    process.exit(2);
  }
  // Checked before anything starts, so that a typo costs no database start.
  const pull = command === 'pull' ? pullArgs(rest) : null;
  if (pull) checkPullOptions({ url: target, ...pull });
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
    if (pull) {
      printPull(await pullDirectory(db.dataSource, { url: target, ...pull }), started);
    } else if (command === 'import') {
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
  if (error instanceof UsageError || (isAppError(error) && error.code === 'BAD_USER_INPUT')) {
    process.stderr.write(`${error.message}\n${USAGE}\n`);
    process.exit(2);
  }
  if (error instanceof PullError || (error instanceof PackageError && process.argv[2] === 'pull')) {
    process.stderr.write(`pull failed, nothing written: ${error.message}\n`);
    process.exit(1);
  }
  if (error instanceof PackageError) {
    process.stderr.write(`import refused, nothing imported: ${error.message}\n`);
    process.exit(1);
  }
  process.stderr.write(`hsds failed: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
