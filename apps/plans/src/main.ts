// First: tracing instruments node:http, undici, pg and graphql as they load.
import './tracing';
import 'reflect-metadata';
import { plansSubgraph } from '@caseflow/plans';
import { runSubgraphProcess } from '@caseflow/federation';

runSubgraphProcess(plansSubgraph, { defaultPort: 4002 }).catch((error: unknown) => {
  process.stderr.write(`plans subgraph failed to start: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
