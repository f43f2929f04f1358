export { seedReferrals } from './seed';
export { demoReferrals, taxonomyTermId, type SeededReferral } from './demo-referrals';
export { seedReferralsAtScale, type ReferralsScalePlan } from './scale';
