import { describeSubgraphProcess } from '@caseflow/testing';

describe('the resources subgraph process', () => {
  describeSubgraphProcess('resources', 'apps/resources/src/main.ts');
});
