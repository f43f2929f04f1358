import { randomBytes } from 'node:crypto';
import { createLogger } from '@caseflow/core';
import {
  createSubgraph,
  type RequestContext,
  type RunningSubgraph,
  type SubgraphDefinition,
  type SubgraphRuntimeOptions,
} from '@caseflow/federation';
import { createTestDatabase, testEventsRole, testSubgraphRoles } from './postgres';

export interface TestSubgraph {
  subgraph: RunningSubgraph;
  url: string;
  baseUrl: string;
  /** The suite's database as a superuser (for a test's own setup and checks). */
  databaseUrl: string;
  /** The same database as the subgraph's runtime role (what the service connects as) and its owner role. */
  runtimeUrl: string;
  ownerUrl: string;
  /** The queue of the domain events in the same database, as its own role (`EVENTS_DATABASE_URL`), unless the test turned events off. */
  eventsUrl?: string;
  secret: string;
  stop(): Promise<void>;
}

/**
 * Starts one subgraph on a fresh database and a free port, over real HTTP,
 * connected as its runtime role after migrating as its owner role, as an
 * installation runs (`databaseUrl`, when given, is a superuser's URL).
 * The domain events run too, on a queue in the same database (the relay
 * every 50 ms; `eventsDatabaseUrl: undefined` in `overrides` turns them off).
 */
export async function startTestSubgraph<C extends RequestContext>(
  definition: SubgraphDefinition<C>,
  overrides: Partial<SubgraphRuntimeOptions> = {},
): Promise<TestSubgraph> {
  const databaseUrl = overrides.databaseUrl ?? (await createTestDatabase(definition.name));
  const { ownerUrl, runtimeUrl } = await testSubgraphRoles(databaseUrl, definition.dbSchema);
  const secret = overrides.internalSecret ?? randomBytes(24).toString('hex');
  const eventsUrl = 'eventsDatabaseUrl' in overrides ? overrides.eventsDatabaseUrl : (await testEventsRole(databaseUrl)).ownerUrl;
  const subgraph = await createSubgraph(definition, {
    logger: createLogger(definition.name, 'silent'),
    jobIntervalMs: 0,
    eventRelayIntervalMs: 50,
    eventPollingIntervalSeconds: 0.5,
    ...overrides,
    eventsDatabaseUrl: eventsUrl,
    databaseUrl: runtimeUrl,
    migrationDatabaseUrl: ownerUrl,
    internalSecret: secret,
  });
  const port = await subgraph.listen(0);
  const baseUrl = `http://127.0.0.1:${port}`;
  return {
    subgraph,
    url: `${baseUrl}/graphql`,
    baseUrl,
    databaseUrl,
    runtimeUrl,
    ownerUrl,
    eventsUrl,
    secret,
    stop: () => subgraph.stop(),
  };
}
