// First: tracing instruments node:http, undici, pg and graphql as they load.
import './tracing';
import 'reflect-metadata';
import { referralsSubgraph } from '@caseflow/referrals';
import { runSubgraphProcess } from '@caseflow/federation';

runSubgraphProcess(referralsSubgraph, { defaultPort: 4003 }).catch((error: unknown) => {
  process.stderr.write(`referrals subgraph failed to start: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
