import type { GraphQLSchema } from 'graphql';
import type { DataSource, EntitySchema, MixedList } from 'typeorm';
import { createLogger, type Logger } from '@caseflow/core';
import type { PoolStats, ServiceMetrics } from '@caseflow/telemetry';
import {
  type Database,
  createDatabase,
  grantRuntimePrivileges,
  migrate,
  pendingMigrations,
  PendingMigrationsError,
  type RuntimePrivileges,
  urlUser,
} from '@caseflow/db';
import {
  type EventConsumerFactory,
  installEventQueue,
  migrateEventQueue,
  type RetryPolicy,
  startSubgraphEvents,
  type SubgraphEvents,
} from '@caseflow/events';
import type { RequestContext } from './context';
import {
  createSubgraphServer,
  type InternalGetRoute,
  type InternalRoute,
  type InternalStreamRoute,
  type SubgraphServer,
} from './subgraph-server';

/** The dashboard of `npm start`, where links point when DASHBOARD_URL is not set. */
export const DEFAULT_DASHBOARD_URL = 'http://localhost:4200';

/** How a subgraph is run: where its database is, the internal secret, and its peers' URLs. */
export interface SubgraphRuntimeOptions {
  /** Where the service does its work, as the subgraph's runtime role. */
  databaseUrl: string;
  /**
   * The subgraph's owner role, to run pending migrations at boot (under the
   * migrations' advisory lock) — development only: in production, and
   * without it, a service with pending migrations refuses to start.
   */
  migrationDatabaseUrl?: string;
  /** Production: never migrate at boot. */
  production?: boolean;
  internalSecret: string;
  logger: Logger;
  poolMax?: number;
  statementTimeoutMs?: number;
  connectTimeoutMs?: number;
  /** Base URL of each peer the definition declares, by the peer's name (a peer left out is not configured). */
  peerUrls?: Readonly<Record<string, string>>;
  /** Timeout of a call to another subgraph. */
  peerTimeoutMs?: number;
  /** How often background jobs run (ms); 0 turns them off (tests drive jobs directly). */
  jobIntervalMs?: number;
  /** The dashboard's public base URL, for links and addresses handed out (e.g. the calendar feed); DEFAULT_DASHBOARD_URL without it. */
  dashboardUrl?: string;
  /** The service's metrics (requests, operations, pool, jobs); none are kept without it. */
  metrics?: ServiceMetrics;
  /**
   * `EVENTS_DATABASE_URL`: the queue of the domain events (a role owning the
   * `events` schema). With it the subgraph relays its outbox and runs its
   * consumer; without it (most unit tests) both are off.
   */
  eventsDatabaseUrl?: string;
  /** How often the relay looks at the outbox (ms; 250 by default). */
  eventRelayIntervalMs?: number;
  /** How often an idle consumer looks at its queue (seconds, at least 0.5; 1 by default). */
  eventPollingIntervalSeconds?: number;
  /** How the consumer's queue retries a failed event (made with the queue: a later change needs a new queue). */
  eventRetry?: RetryPolicy;
}

/** What makes a subgraph: its schema in PostgreSQL, its GraphQL schema and its request context. */
export interface SubgraphDefinition<C extends RequestContext> {
  name: string;
  /**
   * The other subgraphs it calls, by name, each with the base URL it has in
   * development. Its process reads `<PEER>_URL` for exactly these (and no
   * other), and hands them to it as `peerUrls`.
   */
  peers?: Readonly<Record<string, string>>;
  dbSchema: string;
  // eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
  entities: MixedList<Function | string | EntitySchema>;
  // eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
  migrations: MixedList<Function | string>;
  /** What the runtime role may do beyond SELECT, INSERT and UPDATE (see @caseflow/db roles). */
  runtimePrivileges?: RuntimePrivileges;
  /** Whether directory clients (machine clients, anonymous public readers) may call it; refused on every path unless set. */
  directoryClients?: boolean;
  buildSchema(): Promise<GraphQLSchema>;
  createContext(dataSource: DataSource, base: RequestContext, options: SubgraphRuntimeOptions): C;
  internalRoutes?(dataSource: DataSource, options: SubgraphRuntimeOptions): Record<string, InternalRoute>;
  /** Internal GET routes keyed by path prefix (e.g. a REST API the gateway passes through); internal token required. */
  internalGetRoutes?(dataSource: DataSource, options?: SubgraphRuntimeOptions): Record<string, InternalGetRoute>;
  /** Internal streaming routes of any method keyed by path prefix (uploads, downloads); internal token required. */
  internalStreamRoutes?(dataSource: DataSource, options: SubgraphRuntimeOptions): Record<string, InternalStreamRoute>;
  /**
   * Starts the subgraph's background jobs (sweeps, daily recomputations) once
   * it is listening; returns a function that stops them. Jobs must be safe to
   * run in several replicas at once.
   */
  start?(dataSource: DataSource, options: SubgraphRuntimeOptions): () => Promise<void>;
  /**
   * The subgraph's consumer of domain events (its queue is `events.<name>`,
   * so the consumer is named after the subgraph). The factory only builds;
   * it is given the DataSource of the subgraph's events (a pool of their
   * own, with its entities), and the runtime starts and stops the consumer
   * with the subgraph. Its migrations must include the inbox tables
   * (`inboxTablesSql`), or the subgraph refuses to start. A subgraph
   * publishes when its migrations made an outbox (`outboxTablesSql`).
   */
  consumes?: EventConsumerFactory<SubgraphRuntimeOptions>;
}

const silentLogger = createLogger('migrate', 'silent');

/**
 * The relay and consumer of a subgraph, in a pool of their own (with the
 * subgraph's entities, for the consumer's handlers): events never wait for a
 * request's connection, nor count among its statements.
 */
async function startEvents<C extends RequestContext>(
  definition: SubgraphDefinition<C>,
  options: SubgraphRuntimeOptions,
  url: string,
): Promise<SubgraphEvents> {
  const { dataSource } = createDatabase({
    url: options.databaseUrl,
    schema: definition.dbSchema,
    entities: definition.entities,
    migrations: definition.migrations,
    poolMax: 3,
    statementTimeoutMs: options.statementTimeoutMs,
    connectTimeoutMs: options.connectTimeoutMs,
    applicationName: `caseflow-${definition.dbSchema}-events`,
  });
  await dataSource.initialize();
  try {
    const events = await startSubgraphEvents({
      source: definition.name,
      schema: definition.dbSchema,
      dataSource,
      url,
      logger: options.logger,
      consumer: definition.consumes?.(dataSource, options),
      relayIntervalMs: options.eventRelayIntervalMs,
      pollingIntervalSeconds: options.eventPollingIntervalSeconds,
      retry: options.eventRetry,
    });
    return {
      ...events,
      stop: async () => {
        await events.stop();
        await dataSource.destroy();
      },
    };
  } catch (error) {
    await dataSource.destroy();
    throw error;
  }
}

export type RunningSubgraph = SubgraphServer & {
  database: Database;
  name: string;
  /** The relay and consumer, when started with an events URL (tests may `relayNow()`). */
  events?: SubgraphEvents;
};

export interface MigrateSubgraphOptions {
  /** The owner role's URL. */
  migrationDatabaseUrl: string;
  /** The queue's URL: its tables are installed or upgraded, and the subgraph's consumer queue made. */
  eventsDatabaseUrl?: string;
  /** The runtime role to grant its privileges to (none when it is the owner itself). */
  runtimeRole?: string;
}

/** Runs a subgraph's pending migrations as its owner role, under the advisory lock, then grants the runtime role its privileges. */
export async function migrateSubgraph(
  definition: Pick<SubgraphDefinition<RequestContext>, 'name' | 'dbSchema' | 'entities' | 'migrations' | 'runtimePrivileges' | 'consumes'>,
  options: MigrateSubgraphOptions,
): Promise<void> {
  if (options.eventsDatabaseUrl) {
    // The consumer's queue exists before any producer relays, so that no event is published to nobody.
    if (definition.consumes) await migrateEventQueue(options.eventsDatabaseUrl, [definition.name], silentLogger);
    else await installEventQueue(options.eventsDatabaseUrl);
  }
  const { dataSource } = createDatabase({
    url: options.migrationDatabaseUrl,
    schema: definition.dbSchema,
    entities: definition.entities,
    migrations: definition.migrations,
    poolMax: 2,
    statementTimeoutMs: 0,
    applicationName: `caseflow-${definition.dbSchema}-migrate`,
  });
  await dataSource.initialize();
  try {
    const runtime = options.runtimeRole && options.runtimeRole !== urlUser(options.migrationDatabaseUrl) ? options.runtimeRole : undefined;
    await migrate(
      dataSource,
      definition.dbSchema,
      runtime ? (db) => grantRuntimePrivileges(db, definition.dbSchema, runtime, definition.runtimePrivileges) : undefined,
    );
  } finally {
    await dataSource.destroy();
  }
}

/**
 * Opens the subgraph's database as its runtime role and builds its server
 * (not yet listening). With a migration URL outside production it first
 * migrates as the owner role; it refuses to start while migrations are pending.
 */
export async function createSubgraph<C extends RequestContext>(
  definition: SubgraphDefinition<C>,
  options: SubgraphRuntimeOptions,
): Promise<RunningSubgraph> {
  if (options.migrationDatabaseUrl && !options.production) {
    await migrateSubgraph(definition as unknown as SubgraphDefinition<RequestContext>, {
      migrationDatabaseUrl: options.migrationDatabaseUrl,
      runtimeRole: urlUser(options.databaseUrl),
      eventsDatabaseUrl: options.eventsDatabaseUrl,
    });
  }
  const database = createDatabase({
    url: options.databaseUrl,
    schema: definition.dbSchema,
    entities: definition.entities,
    migrations: definition.migrations,
    poolMax: options.poolMax,
    statementTimeoutMs: options.statementTimeoutMs,
    connectTimeoutMs: options.connectTimeoutMs,
  });
  await database.dataSource.initialize();
  // TypeORM's PostgreSQL driver keeps its pg Pool as `master`.
  options.metrics?.watchPool(() => (database.dataSource.driver as unknown as { master?: PoolStats }).master);
  const pending = await pendingMigrations(database.dataSource, definition.dbSchema);
  if (pending.length > 0) {
    await database.dataSource.destroy();
    throw new PendingMigrationsError(definition.dbSchema, pending);
  }
  const server = await createSubgraphServer<C>({
    name: definition.name,
    schema: await definition.buildSchema(),
    database,
    dbSchema: definition.dbSchema,
    internalSecret: options.internalSecret,
    logger: options.logger,
    metrics: options.metrics,
    extendContext: (base) => definition.createContext(database.dataSource, base, options),
    internalRoutes: definition.internalRoutes?.(database.dataSource, options),
    internalGetRoutes: definition.internalGetRoutes?.(database.dataSource, options),
    internalStreamRoutes: definition.internalStreamRoutes?.(database.dataSource, options),
    directoryClients: definition.directoryClients,
  });
  const events = options.eventsDatabaseUrl
    ? await startEvents(definition, options, options.eventsDatabaseUrl).catch(async (error: unknown) => {
        await server.stop();
        throw error;
      })
    : undefined;
  if (events) options.metrics?.watchEventQueues(() => events.depths());
  const stopJobs = definition.start?.(database.dataSource, options) ?? (async () => undefined);
  return {
    ...server,
    database,
    name: definition.name,
    events,
    stop: async () => {
      await stopJobs();
      await events?.stop();
      await server.stop();
    },
  };
}
