import type DataLoader from 'dataloader';
import { In, type DataSource } from 'typeorm';
import { type ClientGrant, createClientAccessLoader } from '@caseflow/auth';
import { groupLoader, rowLoader, type RequestContext, type SubgraphRuntimeOptions } from '@caseflow/federation';
import { GoalEntity } from './goal/goal.entity';
import { GoalService } from './goal/goal.service';
import { ActionPlanEntity } from './plan/plan.entity';
import { PlanService } from './plan/plan.service';
import { PlanAccess } from './shared/plan-access';
import { PlanStepEntity } from './step/step.entity';
import { calendarDate } from './step/step.rules';
import { PlanTaskEntity } from './task/task.entity';
import { TaskService } from './task/task.service';

/** Per-request loaders: each lookup by id, and each level of the plan tree, is one SQL statement per batch. */
export interface PlansLoaders {
  plan: DataLoader<string, ActionPlanEntity | null>;
  /** Newest first. */
  plansByClient: DataLoader<string, ActionPlanEntity[]>;
  goal: DataLoader<string, GoalEntity | null>;
  goalsByPlan: DataLoader<string, GoalEntity[]>;
  task: DataLoader<string, PlanTaskEntity | null>;
  tasksByGoal: DataLoader<string, PlanTaskEntity[]>;
  stepsByTask: DataLoader<string, PlanStepEntity[]>;
}

export interface PlansContext extends RequestContext {
  loaders: PlansLoaders;
  /** The caller's grants on clients, asked of the clients subgraph in one call per request. */
  access: DataLoader<string, ClientGrant>;
  plans: PlanService;
  goals: GoalService;
  tasks: TaskService;
}

export function createPlansLoaders(dataSource: DataSource): PlansLoaders {
  const plans = dataSource.getRepository(ActionPlanEntity);
  const goals = dataSource.getRepository(GoalEntity);
  const tasks = dataSource.getRepository(PlanTaskEntity);
  const steps = dataSource.getRepository(PlanStepEntity);
  return {
    plan: rowLoader((ids) => plans.findBy({ id: In(ids) }), (p) => p.id),
    plansByClient: groupLoader((ids) => plans.find({ where: { clientId: In(ids) }, order: { createdAt: 'DESC', id: 'DESC' } }), (p) => p.clientId),
    goal: rowLoader((ids) => goals.findBy({ id: In(ids) }), (g) => g.id),
    goalsByPlan: groupLoader((ids) => goals.find({ where: { planId: In(ids) }, order: { position: 'ASC', id: 'ASC' } }), (g) => g.planId),
    task: rowLoader((ids) => tasks.findBy({ id: In(ids) }), (t) => t.id),
    tasksByGoal: groupLoader((ids) => tasks.find({ where: { goalId: In(ids) }, order: { position: 'ASC', id: 'ASC' } }), (t) => t.goalId),
    stepsByTask: groupLoader((ids) => steps.find({ where: { taskId: In(ids) }, order: { position: 'ASC', id: 'ASC' } }), (s) => s.taskId),
  };
}

export function createPlansContext(
  dataSource: DataSource,
  base: RequestContext,
  options: Pick<SubgraphRuntimeOptions, 'clientsUrl' | 'peerTimeoutMs'>,
): PlansContext {
  const loaders = createPlansLoaders(dataSource);
  const access = createClientAccessLoader({ clientsUrl: options.clientsUrl!, timeoutMs: options.peerTimeoutMs }, base.internalToken, base.requestId);
  const planAccess = new PlanAccess(access, base.audit);
  return {
    ...base,
    loaders,
    access,
    plans: new PlanService(loaders, planAccess),
    goals: new GoalService(loaders, planAccess),
    tasks: new TaskService(loaders, calendarDate(new Date())),
  };
}
