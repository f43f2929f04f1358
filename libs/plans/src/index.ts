export { plansSubgraph, buildPlansSchema } from './subgraph';
export type { PlansContext } from './context';
// The domain rules and types the demo data in libs/seed/plans is built with.
export type { GoalStatus, GoalTerm } from './goal/goal.entity';
export type { PlanStatus } from './plan/plan.entity';
export { rankByWins, type PairwiseChoice, type Ranked } from './ranking/ranking.rules';
export type { RevisedEntityType, RevisionChanges } from './revision/revision.entity';
export type { StepOutcome } from './step/step.entity';
export { calendarDate, describeStepChange, type StepDiff } from './step/step.rules';
export { recordOverdueSteps, type TimeZonesOf } from './step/overdue.job';
