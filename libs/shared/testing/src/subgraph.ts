import { randomBytes } from 'node:crypto';
import { createLogger } from '@caseflow/core';
import { createSubgraph, type RequestContext, type RunningSubgraph, type SubgraphDefinition, type SubgraphRuntimeOptions } from '@caseflow/federation';
import { createTestDatabase } from './postgres';

export interface TestSubgraph {
  subgraph: RunningSubgraph;
  url: string;
  baseUrl: string;
  databaseUrl: string;
  secret: string;
  stop(): Promise<void>;
}

/** Starts one subgraph on a fresh database and a free port, over real HTTP. */
export async function startTestSubgraph<C extends RequestContext>(
  definition: SubgraphDefinition<C>,
  overrides: Partial<SubgraphRuntimeOptions> = {},
): Promise<TestSubgraph> {
  const databaseUrl = overrides.databaseUrl ?? (await createTestDatabase(definition.name));
  const secret = overrides.internalSecret ?? randomBytes(24).toString('hex');
  const subgraph = await createSubgraph(definition, {
    logger: createLogger(definition.name, 'silent'),
    jobIntervalMs: 0,
    ...overrides,
    databaseUrl,
    internalSecret: secret,
  });
  const port = await subgraph.listen(0);
  const baseUrl = `http://127.0.0.1:${port}`;
  return { subgraph, url: `${baseUrl}/graphql`, baseUrl, databaseUrl, secret, stop: () => subgraph.stop() };
}
