export { referralsSubgraph, buildReferralsSchema } from './subgraph';
export { seedReferrals } from './seed';
export { demoReferrals, type SeededReferral } from './demo-referrals';
export { sweepExpiredReferrals } from './expiry/expiry.job';
export type { ReferralsContext } from './context';
export { seedReferralsAtScale, type ReferralsScalePlan } from './scale';
