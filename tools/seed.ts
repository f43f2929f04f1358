/**
 * `npm run seed` migrates every subgraph's schema and loads the demo data
 * (idempotent), into DATABASE_URL or the embedded server under .data/.
 *
 * `npm run seed -- --scale N [--seed S]` generates the benchmark dataset
 * instead (the demo world plus N hundredths of QUALITY.md's scale 100; see
 * libs/platform/src/scale.ts) into the benchmark's own database — the
 * embedded server under .data/bench/ (port BENCH_PG_PORT, 54339), or
 * BENCH_DATABASE_URL's server — dropping the dataset there before. It never
 * touches the demo database.
 */
import { migrateSubgraphs, type ScaleReport, seedAtScale, seedDemo } from '@caseflow/platform';
import { localConfig, localDatabase } from './lib/local';
import { recreateDatabase, startBenchServer } from './bench/postgres';

export interface SeedArguments {
  scale?: number;
  seed: number;
}

export function parseSeedArguments(argv: string[]): SeedArguments {
  const value = (name: string) => {
    const i = argv.indexOf(name);
    if (i < 0) return undefined;
    const text = argv[i + 1];
    const n = Number(text);
    if (text === undefined || !Number.isFinite(n)) throw new Error(`${name} needs a number, got ${text ?? 'nothing'}`);
    return n;
  };
  const scale = value('--scale');
  const seed = value('--seed') ?? 1;
  if (scale !== undefined && (scale <= 0 || scale > 1000)) throw new Error('--scale must be above 0 and at most 1000');
  if (!Number.isInteger(seed)) throw new Error('--seed must be a whole number');
  return { scale, seed };
}

function printReport(report: ScaleReport): void {
  process.stdout.write(
    `\nbenchmark dataset: scale ${report.scale}, seed ${report.seed}, dates relative to ${report.today}, ${report.seconds} s\n`,
  );
  for (const [table, rows] of Object.entries(report.rows)) process.stdout.write(`  ${table.padEnd(34)} ${String(rows).padStart(10)}\n`);
}

async function main(): Promise<void> {
  const args = parseSeedArguments(process.argv.slice(2));
  const say = (line: string) => process.stdout.write(`${line}\n`);
  if (args.scale === undefined) {
    const config = localConfig();
    const db = await localDatabase(config, say);
    try {
      await migrateSubgraphs(db);
      // The demo data is written as each subgraph's owner role.
      await seedDemo(db.migrationUrlFor);
      say('demo data loaded');
    } finally {
      await db.stop();
    }
    return;
  }

  const server = await startBenchServer({
    externalUrl: process.env.BENCH_DATABASE_URL || undefined,
    port: process.env.BENCH_PG_PORT ? Number(process.env.BENCH_PG_PORT) : undefined,
    bulkLoad: true,
    log: say,
  });
  try {
    await recreateDatabase(server.adminUrl);
    const report = await seedAtScale(() => server.url, { scale: args.scale, seed: args.seed, log: say });
    printReport(report);
  } finally {
    await server.stop();
  }
}

if (require.main === module) {
  main().catch((error: unknown) => {
    process.stderr.write(`seed failed: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exit(1);
  });
}
