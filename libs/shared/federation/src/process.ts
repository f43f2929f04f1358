/**
 * The entry point of a subgraph process: typed configuration (every problem
 * listed, then exit 1), the subgraph, and a graceful stop on SIGTERM/SIGINT
 * (drain in-flight requests, then close the pool). The service works as its
 * runtime role (`<NAME>_DATABASE_URL` or `DATABASE_URL`); outside production,
 * given its owner role's URL (`<NAME>_MIGRATION_DATABASE_URL` or
 * `MIGRATION_DATABASE_URL`), it migrates at boot under the migrations' lock.
 * With migrations pending it refuses to start. It reads `<PEER>_URL` for
 * each peer the definition declares, and for no other subgraph.
 */
import { ConfigError, type ConfigCheck, type ConfigOf, type Env, loadConfig, processEnv, type Schema, type Setting, setting } from '@caseflow/config';
import { createLogger, exitOnSignals } from '@caseflow/core';
import type { RequestContext } from './context';
import { createSubgraph, type SubgraphDefinition, type SubgraphRuntimeOptions } from './subgraph';

export interface SubgraphProcessOptions {
  defaultPort: number;
}

/** A setting read from the environment variable `envName`, whatever its key in the schema. */
function named<T>(envName: string, read: Setting<T>): Setting<T> {
  return { ...read, read: (_key, env) => read.read(envName, env) };
}

/** The environment variable that holds a peer's base URL: `<PEER>_URL`. */
export function peerUrlVariable(peer: string): string {
  return `${peer.toUpperCase()}_URL`;
}

function subgraphSchema(name: string, defaultPort: number) {
  const prefix = name.toUpperCase();
  return {
    PORT: named(`${prefix}_PORT`, setting.port(defaultPort)),
    HOST: setting.string('127.0.0.1'),
    DATABASE_URL: setting.optionalUrl(),
    OWN_DATABASE_URL: named(`${prefix}_DATABASE_URL`, setting.optionalUrl()),
    MIGRATION_DATABASE_URL: setting.optionalUrl(),
    OWN_MIGRATION_DATABASE_URL: named(`${prefix}_MIGRATION_DATABASE_URL`, setting.optionalUrl()),
    NODE_ENV: setting.oneOf(['development', 'production', 'test'] as const, 'development'),
    INTERNAL_TOKEN_SECRET: setting.secret(),
    DB_POOL_MAX: setting.integer(1, 200, 10),
    DB_STATEMENT_TIMEOUT_MS: setting.integer(100, 600_000, 5000),
    DB_CONNECT_TIMEOUT_MS: setting.integer(100, 60_000, 2000),
    PEER_TIMEOUT_MS: setting.integer(100, 60_000, 2000),
    JOB_INTERVAL_MS: setting.integer(0, 86_400_000, 60_000),
    LOG_LEVEL: setting.oneOf(['debug', 'info', 'warn', 'error', 'silent'] as const, 'info'),
  };
}

/** The settings of a subgraph process, its peers' URLs among them. */
export interface SubgraphProcessConfig {
  settings: ConfigOf<ReturnType<typeof subgraphSchema>>;
  /** Peer name → base URL, for exactly the peers the definition declares. */
  peerUrls: Record<string, string>;
}

/**
 * Reads a subgraph's settings from `env`: its own (`<NAME>_PORT`,
 * `<NAME>_DATABASE_URL`, …), the common ones, and `<PEER>_URL` for each peer
 * it declares (defaulting to the peer's development URL). Throws one
 * ConfigError listing every problem.
 */
export function loadSubgraphConfig(definition: Pick<SubgraphDefinition<RequestContext>, 'name' | 'peers'>, defaultPort: number, env: Env = processEnv()): SubgraphProcessConfig {
  const ownDatabase = `${definition.name.toUpperCase()}_DATABASE_URL`;
  const peers = Object.entries(definition.peers ?? {});
  const problems: string[] = [];
  const attempt = <S extends Schema>(schema: S, check?: ConfigCheck<S>): ConfigOf<S> | undefined => {
    try {
      return loadConfig(schema, env, check);
    } catch (error) {
      if (!(error instanceof ConfigError)) throw error;
      problems.push(...error.problems);
      return undefined;
    }
  };
  const settings = attempt(subgraphSchema(definition.name, defaultPort), (c) => [
    ...(c.OWN_DATABASE_URL || c.DATABASE_URL ? [] : [`${ownDatabase} or DATABASE_URL is required`]),
    ...(c.INTERNAL_TOKEN_SECRET ? [] : ['INTERNAL_TOKEN_SECRET is required']),
  ]);
  const urls = attempt(Object.fromEntries(peers.map(([peer, developmentUrl]) => [peerUrlVariable(peer), setting.url(developmentUrl)])));
  if (!settings || !urls) throw new ConfigError(problems);
  return { settings, peerUrls: Object.fromEntries(peers.map(([peer]) => [peer, urls[peerUrlVariable(peer)]])) };
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

export async function runSubgraphProcess<C extends RequestContext>(definition: SubgraphDefinition<C>, options: SubgraphProcessOptions): Promise<void> {
  const { settings: config, peerUrls } = loadOrExit(definition, options.defaultPort);
  const logger = createLogger(definition.name, config.LOG_LEVEL);
  const runtime: SubgraphRuntimeOptions = {
    databaseUrl: config.OWN_DATABASE_URL ?? config.DATABASE_URL ?? '',
    migrationDatabaseUrl: config.OWN_MIGRATION_DATABASE_URL ?? config.MIGRATION_DATABASE_URL,
    production: config.NODE_ENV === 'production',
    internalSecret: config.INTERNAL_TOKEN_SECRET ?? '',
    logger,
    poolMax: config.DB_POOL_MAX,
    statementTimeoutMs: config.DB_STATEMENT_TIMEOUT_MS,
    connectTimeoutMs: config.DB_CONNECT_TIMEOUT_MS,
    peerUrls,
    peerTimeoutMs: config.PEER_TIMEOUT_MS,
    jobIntervalMs: config.JOB_INTERVAL_MS,
  };
  const subgraph = await createSubgraph(definition, runtime);
  const port = await subgraph.listen(config.PORT, config.HOST);
  logger.info('subgraph listening', { url: `http://${config.HOST}:${port}/graphql` });

  exitOnSignals(() => subgraph.stop(), logger);
}
