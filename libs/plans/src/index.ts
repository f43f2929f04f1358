export { plansSubgraph, buildPlansSchema } from './subgraph';
export { seedPlans } from './seed';
export { plansSeed } from './seed-world';
export type { PlansContext } from './context';
export { seedPlansAtScale, type PlansScalePlan } from './scale';
