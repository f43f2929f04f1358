import type { GraphQLSchema } from 'graphql';
import { buildFederatedSchema, type SubgraphDefinition } from '@caseflow/federation';
import { ClientPlansResolver } from './client/client-plans.resolver';
import { createPlansContext, type PlansContext } from './context';
import { GoalEntity } from './goal/goal.entity';
import { GoalResolver } from './goal/goal.resolver';
import { InitPlans1763856000001 } from './migrations/1763856000001-InitPlans';
import { ActionPlanEntity } from './plan/plan.entity';
import { PlanResolver } from './plan/plan.resolver';
import { PlanStepEntity } from './step/step.entity';
import { StepResolver } from './step/step.resolver';
import { PlanTaskEntity } from './task/task.entity';
import { TaskResolver } from './task/task.resolver';

export function buildPlansSchema(): Promise<GraphQLSchema> {
  return buildFederatedSchema({
    resolvers: [PlanResolver, GoalResolver, TaskResolver, StepResolver, ClientPlansResolver],
    referenceResolvers: {
      ActionPlan: (ref, ctx: PlansContext) => ctx.plans.reference(ctx.actor, ref.id),
      Goal: (ref, ctx: PlansContext) => ctx.goals.reference(ctx.actor, ref.id),
      // Access to a client's plans is checked in the Client field resolvers, against the clients subgraph.
      Client: (ref) => ({ id: ref.id }),
    },
  });
}

/** The plans subgraph: action plans with their goals, tasks and steps, and the plan fields of Client. */
export const plansSubgraph: SubgraphDefinition<PlansContext> = {
  name: 'plans',
  dbSchema: 'plans',
  entities: [ActionPlanEntity, GoalEntity, PlanTaskEntity, PlanStepEntity],
  migrations: [InitPlans1763856000001],
  buildSchema: buildPlansSchema,
  createContext: (dataSource, base, options) => createPlansContext(dataSource, base, options),
};
