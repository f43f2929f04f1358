import { describeSubgraphProcess } from '@caseflow/testing';

describe('the plans subgraph process', () => {
  describeSubgraphProcess('plans', 'apps/plans/src/main.ts');
});
