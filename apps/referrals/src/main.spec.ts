import { describeSubgraphProcess } from '@caseflow/testing';

describe('the referrals subgraph process', () => {
  describeSubgraphProcess('referrals', 'apps/referrals/src/main.ts');
});
