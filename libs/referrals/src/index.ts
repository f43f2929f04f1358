export { referralsSubgraph, buildReferralsSchema } from './subgraph';
export { seedReferrals } from './seed';
export type { ReferralsContext } from './context';
