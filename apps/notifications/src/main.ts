// First: tracing instruments node:http, undici, pg and graphql as they load.
import './tracing';
import 'reflect-metadata';
import { notificationsSubgraph } from '@caseflow/notifications';
import { runSubgraphProcess } from '@caseflow/federation';

runSubgraphProcess(notificationsSubgraph, { defaultPort: 4005 }).catch((error: unknown) => {
  process.stderr.write(`notifications subgraph failed to start: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
