// First: tracing instruments node:http, undici, pg and graphql as they load.
import './tracing';
import 'reflect-metadata';
import { clientsSubgraph } from '@caseflow/clients';
import { runSubgraphProcess } from '@caseflow/federation';

runSubgraphProcess(clientsSubgraph, { defaultPort: 4001 }).catch((error: unknown) => {
  process.stderr.write(`clients subgraph failed to start: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
