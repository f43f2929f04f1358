import { describeSubgraphProcess } from '@caseflow/testing';

describe('the notifications subgraph process', () => {
  describeSubgraphProcess('notifications', 'apps/notifications/src/main.ts');
});
