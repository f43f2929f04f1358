export { plansSubgraph, buildPlansSchema } from './subgraph';
export { seedPlans } from './seed';
export type { PlansContext } from './context';
