import { describeSubgraphProcess } from '@caseflow/testing';

describe('the clients subgraph process', () => {
  describeSubgraphProcess('clients', 'apps/clients/src/main.ts');
});
