export { referralsSubgraph, buildReferralsSchema } from './subgraph';
export { sweepExpiredReferrals } from './expiry/expiry.job';
export type { ReferralsContext } from './context';
export { serviceNamesFor } from './service/service-names';
