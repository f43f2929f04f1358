import type { GraphQLSchema } from 'graphql';
import type { DataSource, EntitySchema, MixedList } from 'typeorm';
import type { Logger } from '@caseflow/core';
import { type Database, openDatabase } from '@caseflow/db';
import type { RequestContext } from './context';
import { createSubgraphServer, type InternalGetRoute, type InternalRoute, type SubgraphServer } from './subgraph-server';

/** How a subgraph is run: where its database is, the internal secret, and its peers' URLs. */
export interface SubgraphRuntimeOptions {
  databaseUrl: string;
  internalSecret: string;
  logger: Logger;
  poolMax?: number;
  statementTimeoutMs?: number;
  connectTimeoutMs?: number;
  /** Base URL of the clients subgraph (for the client-access mechanism). */
  clientsUrl?: string;
  /** Base URL of the resources subgraph. */
  resourcesUrl?: string;
  /** Base URLs of the plans and referrals subgraphs (the clients subgraph gathers a client's audit trail from them). */
  plansUrl?: string;
  referralsUrl?: string;
  /** Timeout of a call to another subgraph. */
  peerTimeoutMs?: number;
  /** How often background jobs run (ms); 0 turns them off (tests drive jobs directly). */
  jobIntervalMs?: number;
}

/** What makes a subgraph: its schema in PostgreSQL, its GraphQL schema and its request context. */
export interface SubgraphDefinition<C extends RequestContext> {
  name: string;
  dbSchema: string;
  // eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
  entities: MixedList<Function | string | EntitySchema>;
  // eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
  migrations: MixedList<Function | string>;
  buildSchema(): Promise<GraphQLSchema>;
  createContext(dataSource: DataSource, base: RequestContext, options: SubgraphRuntimeOptions): C;
  internalRoutes?(dataSource: DataSource, options: SubgraphRuntimeOptions): Record<string, InternalRoute>;
  /** Internal GET routes keyed by path prefix (e.g. a REST API the gateway passes through); internal token required. */
  internalGetRoutes?(dataSource: DataSource): Record<string, InternalGetRoute>;
  /**
   * Starts the subgraph's background jobs (sweeps, daily recomputations) once
   * it is listening; returns a function that stops them. Jobs must be safe to
   * run in several replicas at once.
   */
  start?(dataSource: DataSource, options: SubgraphRuntimeOptions): () => Promise<void>;
}

export type RunningSubgraph = SubgraphServer & { database: Database; name: string };

/** Opens and migrates the subgraph's database and builds its server (not yet listening). */
export async function createSubgraph<C extends RequestContext>(definition: SubgraphDefinition<C>, options: SubgraphRuntimeOptions): Promise<RunningSubgraph> {
  const database = await openDatabase({
    url: options.databaseUrl,
    schema: definition.dbSchema,
    entities: definition.entities,
    migrations: definition.migrations,
    poolMax: options.poolMax,
    statementTimeoutMs: options.statementTimeoutMs,
    connectTimeoutMs: options.connectTimeoutMs,
  });
  const server = await createSubgraphServer<C>({
    name: definition.name,
    schema: await definition.buildSchema(),
    database,
    dbSchema: definition.dbSchema,
    internalSecret: options.internalSecret,
    logger: options.logger,
    extendContext: (base) => definition.createContext(database.dataSource, base, options),
    internalRoutes: definition.internalRoutes?.(database.dataSource, options),
    internalGetRoutes: definition.internalGetRoutes?.(database.dataSource),
  });
  const stopJobs = definition.start?.(database.dataSource, options) ?? (async () => undefined);
  return {
    ...server,
    database,
    name: definition.name,
    stop: async () => {
      await stopJobs();
      await server.stop();
    },
  };
}
