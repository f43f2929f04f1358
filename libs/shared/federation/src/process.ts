/**
 * The entry point of a subgraph process: typed configuration (every problem
 * listed, then exit 1), the subgraph, and a graceful stop on SIGTERM/SIGINT
 * (drain in-flight requests, then close the pool). The service works as its
 * runtime role (`<NAME>_DATABASE_URL` or `DATABASE_URL`); outside production,
 * given its owner role's URL (`<NAME>_MIGRATION_DATABASE_URL` or
 * `MIGRATION_DATABASE_URL`), it migrates at boot under the migrations' lock.
 * With migrations pending it refuses to start.
 */
import { z } from 'zod';
import { loadConfigOrExit, setting } from '@caseflow/config';
import { createLogger, exitOnSignals } from '@caseflow/core';
import type { RequestContext } from './context';
import { createSubgraph, type SubgraphDefinition } from './subgraph';

export interface SubgraphProcessOptions {
  defaultPort: number;
}

export async function runSubgraphProcess<C extends RequestContext>(definition: SubgraphDefinition<C>, options: SubgraphProcessOptions): Promise<void> {
  const prefix = definition.name.toUpperCase();
  const config = loadConfigOrExit(
    z.object({
      PORT: setting.port(options.defaultPort),
      HOST: setting.string('127.0.0.1'),
      DATABASE_URL: setting.url(),
      MIGRATION_DATABASE_URL: setting.optionalUrl(),
      NODE_ENV: setting.oneOf(['development', 'production', 'test'] as const, 'development'),
      INTERNAL_TOKEN_SECRET: setting.secret(),
      CLIENTS_URL: setting.url('http://127.0.0.1:4001'),
      RESOURCES_URL: setting.url('http://127.0.0.1:4004'),
      PLANS_URL: setting.url('http://127.0.0.1:4002'),
      REFERRALS_URL: setting.url('http://127.0.0.1:4003'),
      DB_POOL_MAX: setting.positiveInteger(200, 10),
      DB_STATEMENT_TIMEOUT_MS: setting.durationMs(100, 600_000, 5000),
      DB_CONNECT_TIMEOUT_MS: setting.durationMs(100, 60_000, 2000),
      PEER_TIMEOUT_MS: setting.durationMs(100, 60_000, 2000),
      JOB_INTERVAL_MS: setting.durationMs(0, 86_400_000, 60_000),
      LOG_LEVEL: setting.oneOf(['debug', 'info', 'warn', 'error', 'silent'] as const, 'info'),
    }),
    {
      PORT: `${prefix}_PORT`,
      DATABASE_URL: [`${prefix}_DATABASE_URL`, 'DATABASE_URL'],
      MIGRATION_DATABASE_URL: [`${prefix}_MIGRATION_DATABASE_URL`, 'MIGRATION_DATABASE_URL'],
    },
  );

  const logger = createLogger(definition.name, config.LOG_LEVEL);
  const subgraph = await createSubgraph(definition, {
    databaseUrl: config.DATABASE_URL,
    migrationDatabaseUrl: config.MIGRATION_DATABASE_URL,
    production: config.NODE_ENV === 'production',
    internalSecret: config.INTERNAL_TOKEN_SECRET,
    logger,
    poolMax: config.DB_POOL_MAX,
    statementTimeoutMs: config.DB_STATEMENT_TIMEOUT_MS,
    connectTimeoutMs: config.DB_CONNECT_TIMEOUT_MS,
    clientsUrl: config.CLIENTS_URL,
    resourcesUrl: config.RESOURCES_URL,
    plansUrl: config.PLANS_URL,
    referralsUrl: config.REFERRALS_URL,
    peerTimeoutMs: config.PEER_TIMEOUT_MS,
    jobIntervalMs: config.JOB_INTERVAL_MS,
  });
  const port = await subgraph.listen(config.PORT, config.HOST);
  logger.info('subgraph listening', { url: `http://${config.HOST}:${port}/graphql` });

  exitOnSignals(() => subgraph.stop(), logger);
}
