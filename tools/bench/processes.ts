/**
 * The platform as the benchmark runs it: each subgraph and the gateway its
 * own Node process, compiled as production runs it (`npm run build`:
 * dist/apps/<name>/apps/<name>/src/main.js, plain node) or from source
 * (apps/<name>/src/main.ts through ts-node), in production mode, on loopback ports, so that each one's memory can be read
 * from /proc. The production gateway only accepts tokens from an OIDC
 * issuer's JWKS URL: the benchmark serves the development issuer's public key
 * as a JWKS on loopback for it.
 */
import { execFileSync } from 'node:child_process';
import { createPublicKey } from 'node:crypto';
import { copyFileSync, mkdirSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { freePort, type ServiceProcess, spawnService } from '@caseflow/testing';
import { ROOT } from '../lib/local';

export type GatewayKind = 'apollo' | 'hive';
const SUBGRAPHS = ['resources', 'clients', 'plans', 'referrals', 'notifications'] as const;
export type SubgraphKey = (typeof SUBGRAPHS)[number];
/** The apps the benchmark runs, as `npm run build` compiles them. */
const BENCH_APPS: readonly string[] = [...SUBGRAPHS, 'gateway'];

/** Compiled: what `npm run build` wrote; source: the TypeScript entry, through ts-node. */
export type BenchCode = 'compiled' | 'source';

/**
 * Compiles the apps the benchmark runs (`nx run-many -t build`; unchanged apps
 * come from Nx's cache) and, when it runs, the Hive Gateway entry
 * (tools/bench/tsconfig.hive.json, into dist/bench-hive), so that both
 * gateways are measured as compiled JavaScript.
 */
export function buildApps(gateways: readonly GatewayKind[]): void {
  const run = (command: string, args: string[]) => execFileSync(command, args, { cwd: ROOT, stdio: 'ignore' });
  run('npx', ['nx', 'run-many', '-t', 'build', '-p', BENCH_APPS.join(','), '--output-style=static']);
  if (gateways.includes('hive')) {
    run('npx', ['tsc', '-p', 'tools/bench/tsconfig.hive.json']);
    run('npx', ['tsc-alias', '-p', 'tools/bench/tsconfig.hive.json']);
    mkdirSync(join(ROOT, 'dist/bench-hive/apps/gateway'), { recursive: true });
    copyFileSync(join(ROOT, 'apps/gateway/supergraph.graphql'), join(ROOT, 'dist/bench-hive/apps/gateway/supergraph.graphql'));
  }
}

function appEntry(app: string, code: BenchCode): string {
  return code === 'compiled' ? `dist/apps/${app}/apps/${app}/src/main.js` : `apps/${app}/src/main.ts`;
}

/** The Hive Gateway entry is a benchmark tool (tools/bench/hive-gateway.ts). */
const gatewayEntry = (kind: GatewayKind, code: BenchCode) =>
  kind === 'apollo'
    ? appEntry('gateway', code)
    : code === 'compiled'
      ? 'dist/bench-hive/tools/bench/hive-gateway.js'
      : 'tools/bench/hive-gateway.ts';

export interface RunningService {
  name: string;
  service: ServiceProcess;
  baseUrl: string;
}

export interface Memory {
  /** Peak resident set (VmHWM), MB. */
  peakMb: number | null;
  /** Resident set now (VmRSS), MB. */
  rssMb: number | null;
}

/** A process's resident memory from /proc (Linux); nulls elsewhere. */
export function memoryOf(pid: number | undefined): Memory {
  if (!pid) return { peakMb: null, rssMb: null };
  try {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8');
    const kb = (key: string) => {
      const match = new RegExp(`^${key}:\\s+(\\d+) kB`, 'm').exec(status);
      return match ? Math.round(Number(match[1]) / 102.4) / 10 : null;
    };
    return { peakMb: kb('VmHWM'), rssMb: kb('VmRSS') };
  } catch {
    return { peakMb: null, rssMb: null };
  }
}

const TICKS_PER_SECOND = 100;

/** CPU time (user + system) a process has used so far, in ms; null when unknown. */
export function cpuMsOf(pid: number | undefined): number | null {
  if (!pid) return null;
  try {
    // Fields after the command name (which may hold spaces): utime and stime are the 12th and 13th.
    const text = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = text.slice(text.lastIndexOf(')') + 2).split(' ');
    return ((Number(fields[11]) + Number(fields[12])) * 1000) / TICKS_PER_SECOND;
  } catch {
    return null;
  }
}

/** CPU time so far of each process of a PostgreSQL server (the postmaster, from the data directory's postmaster.pid, and every backend it started), by pid. */
export function postgresCpuMs(dataDir: string | undefined): Map<number, number> | null {
  if (!dataDir) return null;
  let postmaster: number;
  try {
    postmaster = Number(readFileSync(`${dataDir}/postmaster.pid`, 'utf8').split('\n')[0]);
  } catch {
    return null;
  }
  const result = new Map<number, number>([[postmaster, cpuMsOf(postmaster) ?? 0]]);
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const text = readFileSync(`/proc/${entry}/stat`, 'utf8');
      const fields = text.slice(text.lastIndexOf(')') + 2).split(' ');
      if (Number(fields[1]) === postmaster)
        result.set(Number(entry), ((Number(fields[11]) + Number(fields[12])) * 1000) / TICKS_PER_SECOND);
    } catch {
      // the process ended meanwhile
    }
  }
  return result;
}

/** CPU a server's processes used between two readings; a backend that ended meanwhile is left out (never a negative figure). */
export function postgresCpuDelta(before: Map<number, number> | null, after: Map<number, number> | null): number | null {
  if (!before || !after) return null;
  let total = 0;
  for (const [pid, ms] of after) total += Math.max(0, ms - (before.get(pid) ?? 0));
  return total;
}

/** Serves `{ keys: [the public key as a JWK] }` on loopback. */
export async function serveJwks(publicKeyPem: string): Promise<{ url: string; close(): Promise<void> }> {
  const jwk = { ...createPublicKey(publicKeyPem).export({ format: 'jwk' }), use: 'sig', alg: 'RS256', kid: 'caseflow-dev' };
  const body = JSON.stringify({ keys: [jwk] });
  const server: Server = createServer((_request, response) => {
    response.writeHead(200, { 'content-type': 'application/json' });
    response.end(body);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return { url: `http://127.0.0.1:${port}/jwks.json`, close: () => new Promise((resolve) => server.close(() => resolve())) };
}

export interface StackSettings {
  databaseUrl: string;
  /** The queue of the domain events (the dataset's database unless set). */
  eventsDatabaseUrl?: string;
  internalSecret: string;
  poolMax: number;
  production: boolean;
  code: BenchCode;
  /** The Node binary the services run on (default: the one running the benchmark). */
  node?: string;
  /** Extra environment for every process (e.g. a job interval). */
  env?: Record<string, string>;
}

const START_TIMEOUT_MS = 180_000;

/**
 * BENCH_NODE_FLAGS (e.g. `--cpu-prof --cpu-prof-dir=/tmp/prof`) are given to
 * every service's node command line, to profile them under load (Node refuses
 * `--cpu-prof` in NODE_OPTIONS).
 */
/** BENCH_NODE_OPTIONS (e.g. `--require ./profile.js`) is given to every service as NODE_OPTIONS. */
const nodeOptions = (): Record<string, string> => (process.env.BENCH_NODE_OPTIONS ? { NODE_OPTIONS: process.env.BENCH_NODE_OPTIONS } : {});
const nodeFlags = (): string[] => (process.env.BENCH_NODE_FLAGS ?? '').split(' ').filter(Boolean);

/** Starts the four subgraphs at once (none asks another anything while starting) and waits until each listens. */
export async function startSubgraphs(settings: StackSettings): Promise<Record<SubgraphKey, RunningService>> {
  const ports = Object.fromEntries(await Promise.all(SUBGRAPHS.map(async (name) => [name, await freePort()]))) as Record<
    SubgraphKey,
    number
  >;
  const base = (name: SubgraphKey) => `http://127.0.0.1:${ports[name]}`;
  const running = {} as Record<SubgraphKey, RunningService>;
  const started = SUBGRAPHS.map((name) => {
    const service = spawnService(
      appEntry(name, settings.code),
      {
        NODE_ENV: settings.production ? 'production' : 'development',
        [`${name.toUpperCase()}_PORT`]: String(ports[name]),
        // Metrics on a port the system picks: the benchmark does not scrape them, and never collides with a running `npm start`.
        METRICS_PORT: '0',
        DATABASE_URL: settings.databaseUrl,
        EVENTS_DATABASE_URL: settings.eventsDatabaseUrl ?? settings.databaseUrl,
        INTERNAL_TOKEN_SECRET: settings.internalSecret,
        CLIENTS_URL: base('clients'),
        RESOURCES_URL: base('resources'),
        REFERRALS_URL: base('referrals'),
        DB_POOL_MAX: String(settings.poolMax),
        LOG_LEVEL: 'info',
        ...nodeOptions(),
        ...settings.env,
      },
      nodeFlags(),
      settings.node,
    );
    running[name] = { name, service, baseUrl: base(name) };
    return service.waitFor(/subgraph listening/, START_TIMEOUT_MS);
  });
  try {
    await Promise.all(started);
  } catch (error) {
    await stopAll(Object.values(running));
    throw error;
  }
  return running;
}

export interface GatewaySettings {
  subgraphs: Record<SubgraphKey, RunningService>;
  internalSecret: string;
  jwksUrl: string;
  production: boolean;
  code: BenchCode;
  /** The Node binary the gateway runs on (default: the one running the benchmark). */
  node?: string;
  /** Extra environment (e.g. the OTEL_* variables of a traced run). */
  env?: Record<string, string>;
}

export async function startGateway(kind: GatewayKind, settings: GatewaySettings): Promise<RunningService> {
  const port = await freePort();
  const service = spawnService(
    gatewayEntry(kind, settings.code),
    {
      NODE_ENV: settings.production ? 'production' : 'development',
      GATEWAY_PORT: String(port),
      METRICS_PORT: '0',
      CLIENTS_URL: settings.subgraphs.clients.baseUrl,
      PLANS_URL: settings.subgraphs.plans.baseUrl,
      REFERRALS_URL: settings.subgraphs.referrals.baseUrl,
      RESOURCES_URL: settings.subgraphs.resources.baseUrl,
      NOTIFICATIONS_URL: settings.subgraphs.notifications.baseUrl,
      INTERNAL_TOKEN_SECRET: settings.internalSecret,
      AUTH_JWKS_URL: settings.jwksUrl,
      // The load generator is a handful of staff members at the pace of thousands: it measures capacity, not
      // one person's pace. The limiter still counts every request (its cost is measured); it never refuses.
      RATE_LIMIT_STAFF_PER_SECOND: '100000',
      RATE_LIMIT_STAFF_BURST: '1000000',
      LOG_LEVEL: 'info',
      ...nodeOptions(),
      ...settings.env,
    },
    nodeFlags(),
    settings.node,
  );
  const running = { name: `gateway:${kind}`, service, baseUrl: `http://127.0.0.1:${port}` };
  try {
    await service.waitFor(/gateway listening/, START_TIMEOUT_MS);
  } catch (error) {
    await stopAll([running]);
    throw error;
  }
  return running;
}

/** SIGTERM (the services drain and exit), then SIGKILL if one is still there after 15 s. */
export async function stopAll(services: RunningService[]): Promise<void> {
  await Promise.all(
    services.map(async ({ service }) => {
      if (service.child.exitCode !== null || service.child.signalCode !== null) return;
      service.child.kill('SIGTERM');
      const timer = setTimeout(() => service.child.kill('SIGKILL'), 15_000);
      await service.exited;
      clearTimeout(timer);
    }),
  );
}
