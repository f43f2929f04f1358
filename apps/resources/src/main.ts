// First: tracing instruments node:http, undici, pg and graphql as they load.
import './tracing';
import 'reflect-metadata';
import { resourcesSubgraph } from '@caseflow/resources';
import { runSubgraphProcess } from '@caseflow/federation';

runSubgraphProcess(resourcesSubgraph, { defaultPort: 4004 }).catch((error: unknown) => {
  process.stderr.write(`resources subgraph failed to start: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
