/**
 * `npm run bench [-- options]`: runs the users' operations through the
 * gateway(s) on the benchmark dataset and prints the table; the JSON goes to
 * bench/results/<timestamp>.json. See bench/README.md.
 *
 *   --scale N             the dataset to run on (generated first if the database holds another)
 *   --duration S          seconds per operation and concurrency (default 10)
 *   --warmup S            seconds of warm-up per operation, not measured (default 2)
 *   --prime S             seconds of each operation, in turn and not measured, after a gateway starts (default 8)
 *   --concurrency 1,8,32  concurrency levels (default 1,8,32)
 *   --gateway apollo|hive|both   (default both)
 *   --ops caseload,profile,search,inbox,outcomes,distanceTravelled,write   (default all)
 *   --pool N              each subgraph's connection pool (DB_POOL_MAX, default 10)
 *   --source              run the services from their TypeScript source (ts-node) instead of compiled (`npm run build`)
 *   --otel                trace every request (OTLP http/json to a sink in this process), to measure what tracing costs
 *   --node current|PATH   the Node the benchmark and the services run on (default: this one if supported, 22.12+; else Node 24, installed once; node-runtime.ts)
 */
import 'reflect-metadata';
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { ROOT } from '../lib/local';
import { OPERATION_NAMES } from './operations';
import { type ServiceNode, serviceNode } from './node-runtime';
import type { GatewayKind } from './processes';
import { formatTable, writeResult } from './report';
import { type BenchOptions, runBench } from './run';

export type BenchArguments = Omit<BenchOptions, 'log' | 'server' | 'keys'>;

export function parseBenchArguments(argv: string[]): BenchArguments {
  const value = (name: string) => {
    const i = argv.indexOf(name);
    return i < 0 ? undefined : argv[i + 1];
  };
  const number = (name: string, fallback: number | undefined, min: number, max: number) => {
    const text = value(name);
    if (text === undefined) return fallback;
    const n = Number(text);
    if (!Number.isFinite(n) || n < min || n > max) throw new Error(`${name} must be a number from ${min} to ${max}, got ${text}`);
    return n;
  };
  const concurrency = (value('--concurrency') ?? '1,8,32').split(',').map((c) => Number(c.trim()));
  if (concurrency.some((c) => !Number.isInteger(c) || c < 1 || c > 256))
    throw new Error('--concurrency takes whole numbers from 1 to 256, e.g. 1,8,32');
  const gateway = value('--gateway') ?? 'both';
  if (!['apollo', 'hive', 'both'].includes(gateway)) throw new Error('--gateway is apollo, hive or both');
  const operations = (value('--ops') ?? OPERATION_NAMES.join(',')).split(',').map((o) => o.trim());
  const unknown = operations.filter((o) => !OPERATION_NAMES.includes(o));
  if (unknown.length) throw new Error(`unknown operation(s) ${unknown.join(', ')}; known: ${OPERATION_NAMES.join(', ')}`);
  return {
    scale: number('--scale', undefined, 0.001, 1000),
    dataSeed: number('--seed', undefined, 0, 2 ** 31),
    durationSeconds: number('--duration', 10, 0.1, 3600) as number,
    warmupSeconds: number('--warmup', 2, 0, 600) as number,
    primeSeconds: number('--prime', 8, 0, 600) as number,
    concurrency,
    gateways: gateway === 'both' ? ['apollo', 'hive'] : [gateway as GatewayKind],
    operations,
    poolMax: number('--pool', 10, 1, 200) as number,
    code: argv.includes('--source') ? 'source' : 'compiled',
    otel: argv.includes('--otel'),
    node: value('--node'),
  };
}

/**
 * The benchmark runs on the Node it measures: when `--node` (or the default,
 * node-runtime.ts) picks another binary than this one, the benchmark runs
 * again under it (load generator and floor included), with `--node current`.
 */
function runUnder(node: ServiceNode, argv: string[]): never {
  const rest = argv.filter((arg, i) => arg !== '--node' && argv[i - 1] !== '--node');
  const child = spawnSync(
    node.path,
    ['-r', 'ts-node/register/transpile-only', '-r', 'tsconfig-paths/register', __filename, ...rest, '--node', 'current'],
    { cwd: ROOT, stdio: 'inherit', env: { ...process.env, TS_NODE_PROJECT: join(ROOT, 'tsconfig.json') } },
  );
  process.exit(child.status ?? 1);
}

async function main(): Promise<void> {
  const argv = process.argv.slice(2);
  const args = parseBenchArguments(argv);
  const log = (line: string) => process.stderr.write(`${line}\n`);
  const node = serviceNode(args.node, log);
  if (node.path !== process.execPath) {
    log(`running the benchmark on Node ${node.version} (${node.path})`);
    runUnder(node, argv);
  }
  const result = await runBench({
    ...args,
    server: {
      externalUrl: process.env.BENCH_DATABASE_URL || undefined,
      port: process.env.BENCH_PG_PORT ? Number(process.env.BENCH_PG_PORT) : undefined,
    },
    log,
  });
  process.stdout.write(`\n${formatTable(result)}\n`);
  const file = writeResult(result, join(ROOT, 'bench', 'results'));
  process.stdout.write(`\nwrote ${file}\n`);
}

if (require.main === module) {
  main().catch((error: unknown) => {
    process.stderr.write(`bench failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    process.exit(1);
  });
}
