import { describePendingMigrationsRefusal, describeSubgraphProcess } from '@caseflow/testing';

describe('the clients subgraph process', () => {
  describeSubgraphProcess('clients', 'apps/clients/src/main.ts');
  describePendingMigrationsRefusal('clients', 'apps/clients/src/main.ts');
});
