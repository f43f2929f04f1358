/**
 * The entry point of a subgraph process: typed configuration (every problem
 * listed, then exit 1), the subgraph, and a graceful stop on SIGTERM/SIGINT
 * (drain in-flight requests, then close the pool). The service works as its
 * runtime role (`<NAME>_DATABASE_URL` or `DATABASE_URL`); outside production,
 * given its owner role's URL (`<NAME>_MIGRATION_DATABASE_URL` or
 * `MIGRATION_DATABASE_URL`), it migrates at boot under the migrations' lock.
 * With migrations pending it refuses to start. With `EVENTS_DATABASE_URL`
 * (the queue of the domain events; required in production) it relays its
 * outbox and runs its event consumer. It reads `<PEER>_URL` for
 * each peer the definition declares (a base URL, or its replicas' separated
 * by commas), and for no other subgraph. Its
 * Prometheus metrics answer on their own port (`<NAME>_METRICS_PORT` or
 * `METRICS_PORT`; by default 9400 plus the public port's offset from 4000:
 * 9401 for clients on 4001), never on the public one; its traces follow the
 * standard `OTEL_*` variables (see @caseflow/telemetry).
 */
import { z } from 'zod';
import { ConfigError, type Env, loadConfig, processEnv, setting } from '@caseflow/config';
import { createLogger, exitOnSignals } from '@caseflow/core';
import { createServiceMetrics, serveMetrics, startTracing } from '@caseflow/telemetry';
import type { RequestContext } from './context';
import { createSubgraph, DEFAULT_DASHBOARD_URL, type SubgraphDefinition, type SubgraphRuntimeOptions } from './subgraph';

export interface SubgraphProcessOptions {
  defaultPort: number;
}

/** The metrics port of a service whose public port is `defaultPort`: 9400 + (defaultPort − 4000). */
export function defaultMetricsPort(defaultPort: number): number {
  return 9400 + (defaultPort - 4000);
}

/** The environment variable that holds a peer's base URL: `<PEER>_URL`. */
export function peerUrlVariable(peer: string): string {
  return `${peer.toUpperCase()}_URL`;
}

function subgraphSettings(defaultPort: number) {
  return z.object({
    PORT: setting.port(defaultPort),
    METRICS_PORT: setting.port(defaultMetricsPort(defaultPort)),
    HOST: setting.string('127.0.0.1'),
    DATABASE_URL: setting.url(),
    MIGRATION_DATABASE_URL: setting.optionalUrl(),
    EVENTS_DATABASE_URL: setting.optionalUrl(),
    NODE_ENV: setting.oneOf(['development', 'production', 'test'] as const, 'development'),
    INTERNAL_TOKEN_SECRET: setting.secret(),
    DB_POOL_MAX: setting.positiveInteger(200, 10),
    DB_STATEMENT_TIMEOUT_MS: setting.durationMs(100, 600_000, 5000),
    DB_CONNECT_TIMEOUT_MS: setting.durationMs(100, 60_000, 2000),
    PEER_TIMEOUT_MS: setting.durationMs(100, 60_000, 2000),
    JOB_INTERVAL_MS: setting.durationMs(0, 86_400_000, 60_000),
    DASHBOARD_URL: setting.url(DEFAULT_DASHBOARD_URL),
    LOG_LEVEL: setting.oneOf(['debug', 'info', 'warn', 'error', 'silent'] as const, 'info'),
  });
}

/** The settings of a subgraph process, its peers' URLs among them. */
export interface SubgraphProcessConfig {
  settings: z.output<ReturnType<typeof subgraphSettings>>;
  /** Peer name → base URL, for exactly the peers the definition declares. */
  peerUrls: Record<string, string>;
}

/**
 * Reads a subgraph's settings from `env`: its own (`<NAME>_PORT`,
 * `<NAME>_DATABASE_URL` falling back to `DATABASE_URL`, …), the common ones,
 * and `<PEER>_URL` for each peer it declares (defaulting to the peer's
 * development URL). Throws one ConfigError listing every problem.
 */
export function loadSubgraphConfig(
  definition: Pick<SubgraphDefinition<RequestContext>, 'name' | 'peers'>,
  defaultPort: number,
  env: Env = processEnv(),
): SubgraphProcessConfig {
  const prefix = definition.name.toUpperCase();
  const peers = Object.entries(definition.peers ?? {});
  const peerSchema = z.object(
    Object.fromEntries(peers.map(([peer, developmentUrl]) => [peerUrlVariable(peer), setting.urls(developmentUrl)])),
  );
  const schema = z.object({ settings: subgraphSettings(defaultPort), peers: peerSchema });
  const problems: string[] = [];
  const attempt = <S extends z.ZodType>(part: S, names: Record<string, string | readonly string[]> = {}): z.output<S> | undefined => {
    try {
      return loadConfig(part, env, names);
    } catch (error) {
      if (!(error instanceof ConfigError)) throw error;
      problems.push(...error.problems);
      return undefined;
    }
  };
  const settings = attempt(schema.shape.settings, {
    PORT: `${prefix}_PORT`,
    METRICS_PORT: [`${prefix}_METRICS_PORT`, 'METRICS_PORT'],
    DATABASE_URL: [`${prefix}_DATABASE_URL`, 'DATABASE_URL'],
    MIGRATION_DATABASE_URL: [`${prefix}_MIGRATION_DATABASE_URL`, 'MIGRATION_DATABASE_URL'],
  });
  const urls = attempt(schema.shape.peers) as Record<string, string[]> | undefined;
  if (settings?.NODE_ENV === 'production' && !settings.EVENTS_DATABASE_URL) {
    problems.push('EVENTS_DATABASE_URL is required in production (the queue of the domain events)');
  }
  if (!settings || !urls || problems.length > 0) throw new ConfigError(problems);
  // A peer's replicas stay one comma-separated list: the internal client spreads its calls over them.
  return { settings, peerUrls: Object.fromEntries(peers.map(([peer]) => [peer, urls[peerUrlVariable(peer)].join(',')])) };
}

function loadOrExit(definition: Pick<SubgraphDefinition<RequestContext>, 'name' | 'peers'>, defaultPort: number): SubgraphProcessConfig {
  try {
    return loadSubgraphConfig(definition, defaultPort);
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    process.stderr.write(`${error.message}\n`);
    return process.exit(1);
  }
}

export async function runSubgraphProcess<C extends RequestContext>(
  definition: SubgraphDefinition<C>,
  options: SubgraphProcessOptions,
): Promise<void> {
  const { settings: config, peerUrls } = loadOrExit(definition, options.defaultPort);
  // Started already by the entry point's first import (apps/<name>/src/tracing.ts); this answers the same.
  const tracing = startTracing(`caseflow-${definition.name}`);
  const logger = createLogger(definition.name, config.LOG_LEVEL);
  const metrics = createServiceMetrics(definition.name);
  const runtime: SubgraphRuntimeOptions = {
    databaseUrl: config.DATABASE_URL,
    migrationDatabaseUrl: config.MIGRATION_DATABASE_URL,
    production: config.NODE_ENV === 'production',
    internalSecret: config.INTERNAL_TOKEN_SECRET,
    logger,
    poolMax: config.DB_POOL_MAX,
    statementTimeoutMs: config.DB_STATEMENT_TIMEOUT_MS,
    connectTimeoutMs: config.DB_CONNECT_TIMEOUT_MS,
    peerUrls,
    peerTimeoutMs: config.PEER_TIMEOUT_MS,
    jobIntervalMs: config.JOB_INTERVAL_MS,
    dashboardUrl: config.DASHBOARD_URL,
    metrics,
    eventsDatabaseUrl: config.EVENTS_DATABASE_URL,
  };
  const subgraph = await createSubgraph(definition, runtime);
  const port = await subgraph.listen(config.PORT, config.HOST);
  const metricsServer = await serveMetrics(metrics.registry, config.METRICS_PORT, config.HOST);
  logger.info('subgraph listening', { url: `http://${config.HOST}:${port}/graphql`, metrics: metricsServer.url });

  exitOnSignals(async () => {
    await subgraph.stop();
    await metricsServer.close();
    await tracing.shutdown();
  }, logger);
}
