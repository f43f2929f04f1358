export { seedPlans } from './seed';
export { plansSeed, type SeedPlan } from './seed-world';
export { seedPlansAtScale, type PlansScalePlan } from './scale';
