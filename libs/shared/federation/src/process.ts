/**
 * The entry point of a subgraph process: typed configuration (every problem
 * listed, then exit 1), the subgraph, and a graceful stop on SIGTERM/SIGINT
 * (drain in-flight requests, then close the pool). The service works as its
 * runtime role (`<NAME>_DATABASE_URL` or `DATABASE_URL`); outside production,
 * given its owner role's URL (`<NAME>_MIGRATION_DATABASE_URL` or
 * `MIGRATION_DATABASE_URL`), it migrates at boot under the migrations' lock.
 * With migrations pending it refuses to start.
 */
import { loadConfigOrExit, setting } from '@caseflow/config';
import { createLogger, exitOnSignals, type LogLevel } from '@caseflow/core';
import type { RequestContext } from './context';
import { createSubgraph, type SubgraphDefinition } from './subgraph';

export interface SubgraphProcessOptions {
  defaultPort: number;
}

export async function runSubgraphProcess<C extends RequestContext>(definition: SubgraphDefinition<C>, options: SubgraphProcessOptions): Promise<void> {
  const prefix = definition.name.toUpperCase();
  const ownDatabase = `${prefix}_DATABASE_URL`;
  const ownMigrationDatabase = `${prefix}_MIGRATION_DATABASE_URL`;
  const config = loadConfigOrExit(
    {
      [`${prefix}_PORT`]: setting.port(options.defaultPort),
      HOST: setting.string('127.0.0.1'),
      DATABASE_URL: setting.optionalUrl(),
      [ownDatabase]: setting.optionalUrl(),
      MIGRATION_DATABASE_URL: setting.optionalUrl(),
      [ownMigrationDatabase]: setting.optionalUrl(),
      NODE_ENV: setting.oneOf(['development', 'production', 'test'] as const, 'development'),
      INTERNAL_TOKEN_SECRET: setting.secret(),
      CLIENTS_URL: setting.url('http://127.0.0.1:4001'),
      RESOURCES_URL: setting.url('http://127.0.0.1:4004'),
      PLANS_URL: setting.url('http://127.0.0.1:4002'),
      REFERRALS_URL: setting.url('http://127.0.0.1:4003'),
      DB_POOL_MAX: setting.integer(1, 200, 10),
      DB_STATEMENT_TIMEOUT_MS: setting.integer(100, 600_000, 5000),
      DB_CONNECT_TIMEOUT_MS: setting.integer(100, 60_000, 2000),
      PEER_TIMEOUT_MS: setting.integer(100, 60_000, 2000),
      JOB_INTERVAL_MS: setting.integer(0, 86_400_000, 60_000),
      LOG_LEVEL: setting.oneOf(['debug', 'info', 'warn', 'error', 'silent'] as const, 'info'),
    },
    (c) => [
      ...(c[ownDatabase] || c.DATABASE_URL ? [] : [`${ownDatabase} or DATABASE_URL is required`]),
      ...(c.INTERNAL_TOKEN_SECRET ? [] : ['INTERNAL_TOKEN_SECRET is required']),
    ],
  );
  const databaseUrl = (config[ownDatabase] ?? config.DATABASE_URL) as string;
  const migrationDatabaseUrl = (config[ownMigrationDatabase] ?? config.MIGRATION_DATABASE_URL) as string | undefined;

  const logger = createLogger(definition.name, config.LOG_LEVEL as LogLevel);
  const subgraph = await createSubgraph(definition, {
    databaseUrl,
    migrationDatabaseUrl,
    production: config.NODE_ENV === 'production',
    internalSecret: config.INTERNAL_TOKEN_SECRET as string,
    logger,
    poolMax: config.DB_POOL_MAX as number,
    statementTimeoutMs: config.DB_STATEMENT_TIMEOUT_MS as number,
    connectTimeoutMs: config.DB_CONNECT_TIMEOUT_MS as number,
    clientsUrl: config.CLIENTS_URL as string,
    resourcesUrl: config.RESOURCES_URL as string,
    plansUrl: config.PLANS_URL as string,
    referralsUrl: config.REFERRALS_URL as string,
    peerTimeoutMs: config.PEER_TIMEOUT_MS as number,
    jobIntervalMs: config.JOB_INTERVAL_MS as number,
  });
  const port = await subgraph.listen(config[`${prefix}_PORT`] as number, config.HOST as string);
  logger.info('subgraph listening', { url: `http://${config.HOST}:${port}/graphql` });

  exitOnSignals(() => subgraph.stop(), logger);
}
