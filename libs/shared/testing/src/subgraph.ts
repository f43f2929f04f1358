import { randomBytes } from 'node:crypto';
import { createLogger } from '@caseflow/core';
import {
  createSubgraph,
  type RequestContext,
  type RunningSubgraph,
  type SubgraphDefinition,
  type SubgraphRuntimeOptions,
} from '@caseflow/federation';
import { createTestDatabase, testSubgraphRoles } from './postgres';

export interface TestSubgraph {
  subgraph: RunningSubgraph;
  url: string;
  baseUrl: string;
  /** The suite's database as a superuser (for a test's own setup and checks). */
  databaseUrl: string;
  /** The same database as the subgraph's runtime role (what the service connects as) and its owner role. */
  runtimeUrl: string;
  ownerUrl: string;
  secret: string;
  stop(): Promise<void>;
}

/**
 * Starts one subgraph on a fresh database and a free port, over real HTTP,
 * connected as its runtime role after migrating as its owner role, as an
 * installation runs (`databaseUrl`, when given, is a superuser's URL).
 */
export async function startTestSubgraph<C extends RequestContext>(
  definition: SubgraphDefinition<C>,
  overrides: Partial<SubgraphRuntimeOptions> = {},
): Promise<TestSubgraph> {
  const databaseUrl = overrides.databaseUrl ?? (await createTestDatabase(definition.name));
  const { ownerUrl, runtimeUrl } = await testSubgraphRoles(databaseUrl, definition.dbSchema);
  const secret = overrides.internalSecret ?? randomBytes(24).toString('hex');
  const subgraph = await createSubgraph(definition, {
    logger: createLogger(definition.name, 'silent'),
    jobIntervalMs: 0,
    ...overrides,
    databaseUrl: runtimeUrl,
    migrationDatabaseUrl: ownerUrl,
    internalSecret: secret,
  });
  const port = await subgraph.listen(0);
  const baseUrl = `http://127.0.0.1:${port}`;
  return { subgraph, url: `${baseUrl}/graphql`, baseUrl, databaseUrl, runtimeUrl, ownerUrl, secret, stop: () => subgraph.stop() };
}
